import * as z from 'zod';
import * as models from '../../interfaces';
import { ADVICE, STATUS_FOR_CODE } from '../../errors/http-status';
import type { ErrorCode } from '../../errors/backend-error';
import { HTTP_METHODS, type RouteDefinition } from './define-route';
import { ErrorBodySchema } from './error-body';
import { LAST_EVENT_ID_HEADER } from './event-routes';
import { routes } from './index';

/** The version of the REST contract described; bump it when the contract changes incompatibly. */
export const API_VERSION = '1.0.0';

type JsonSchema = Record<string, unknown>;

/** The error responses every operation documents, by status, each named after its error code. */
const ERROR_CODES_DOCUMENTED = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVER',
] as const satisfies readonly ErrorCode[];

const SUCCESS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the long-running operation started',
  204: 'No Content',
};

/**
 * Data model object schemas (`interfaces`, e.g. `UserSchema`) become named components (`User`) that responses
 * `$ref`; everything else is inlined. Only response (output) schemas use components: a request body is
 * documented as the input it accepts, which may differ from the output of the same schema.
 */
const modelExports: Array<[string, unknown]> = Object.entries(models);
const COMPONENTS = new Map(
  modelExports
    .filter((entry): entry is [string, z.ZodObject] => entry[0].endsWith('Schema') && entry[1] instanceof z.ZodObject)
    .map(([name, schema]) => [name.slice(0, -'Schema'.length), schema]),
);
const COMPONENT_NAMES = new Map<unknown, string>([...COMPONENTS].map(([name, schema]) => [schema, name]));

function componentRef(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

/**
 * Converts a zod schema with zod's own JSON Schema generator (draft 2020-12, the dialect of OpenAPI 3.1).
 * With `refs`, nested data model objects become `$ref`s and their names are added to `refs`.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', refs?: Set<string>, root?: string): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const name = refs && COMPONENT_NAMES.get(zodSchema);
      if (name === undefined || name === root) return;
      refs?.add(name);
      for (const key of Object.keys(jsonSchema)) Reflect.deleteProperty(jsonSchema, key);
      Object.assign(jsonSchema, componentRef(name));
    },
  });
  delete json.$schema;
  // `#/$defs/...` would resolve against the OpenAPI document, not this schema: recursive schemas need a component.
  if ('$defs' in json) throw new Error(`openapi: ${root ?? 'a route schema'} needs $defs, which is not supported`);
  return json;
}

function responseSchema(schema: z.ZodType, refs: Set<string>): JsonSchema {
  const name = COMPONENT_NAMES.get(schema);
  if (name === undefined) return toSchema(schema, 'output', refs);
  refs.add(name);
  return componentRef(name);
}

/** The parameters of a route: one per property of its params (`in: path`) and query (`in: query`) objects. */
function parameters(route: RouteDefinition): JsonSchema[] {
  const result: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (schema === undefined) continue;
    const json = toSchema(schema, 'input');
    const properties = json.properties as Record<string, JsonSchema> | undefined;
    if (json.type !== 'object' || properties === undefined) {
      throw new Error(`openapi: the ${location} schema of ${route.id} must be an object`);
    }
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, { description, ...property }] of Object.entries(properties)) {
      result.push({
        name,
        in: location,
        ...(typeof description === 'string' ? { description } : {}),
        required: location === 'path' || required.has(name),
        schema: property,
      });
    }
  }
  return result;
}

function successResponse(route: RouteDefinition, refs: Set<string>): JsonSchema {
  const description = SUCCESS_DESCRIPTIONS[route.successStatus] ?? 'Success';
  if (route.responseType === 'binary') {
    return { description, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };
  }
  if (route.responseType === 'event-stream') return eventStreamResponse(route, refs);
  if (route.successStatus === 204 || route.response instanceof z.ZodUndefined) return { description };
  const schema = responseSchema(route.response, refs);
  return {
    description,
    ...(PUBLIC_ROUTE_IDS.has(route.id) ? { headers: { 'Set-Cookie': REFRESH_COOKIE_HEADER } } : {}),
    content: { 'application/json': { schema: selectsFields(route) ? withPartialItems(schema) : schema } },
  };
}

/**
 * A `text/event-stream` answer (OpenAPI 3.1 has no keyword for the items of a stream): `schema` describes one
 * event, as each SSE message carries it: `id` is the message's `id` field, `type` its `event` field and `data`
 * the JSON of its `data` field.
 */
function eventStreamResponse(route: RouteDefinition, refs: Set<string>): JsonSchema {
  const schema = {
    ...responseSchema(route.response, refs),
    description:
      'One event per server-sent message: the message `id` is the event id, `event` its type, `data` the JSON of ' +
      'its data. Comment lines (`: heartbeat`) keep the connection alive; the stream stays open until the client ' +
      'leaves, the session ends or the server drops it.',
  };
  return {
    description: SUCCESS_DESCRIPTIONS[route.successStatus] ?? 'Success',
    content: { 'text/event-stream': { schema } },
  };
}

/** The `Last-Event-ID` header of a stream: where a reconnecting client resumes. */
const LAST_EVENT_ID_PARAMETER: JsonSchema = {
  name: LAST_EVENT_ID_HEADER,
  in: 'header',
  required: false,
  description:
    'The id of the last event received: the stream first replays the later events the user may see, or sends ' +
    'one `stream.reset` event (then the client reloads its tree) when they left the replay buffer.',
  schema: { type: 'string', pattern: '^\\d{1,20}$' },
};

const REFRESH_COOKIE_HEADER: JsonSchema = {
  description:
    'With refreshTokenDelivery `cookie` (the default of login): `aurora_refresh=<refresh token>; Path=<base path>/auth; ' +
    'HttpOnly; SameSite=Strict; Max-Age=<seconds>` (and `Secure` over https). logout clears it with Max-Age=0.',
  schema: { type: 'string' },
};

const RETRY_AFTER_HEADER: JsonSchema = {
  description: 'When to try again: seconds, or an HTTP date.',
  schema: { type: 'string' },
};

function selectsFields(route: RouteDefinition): boolean {
  return route.query instanceof z.ZodObject && 'fields' in route.query.shape;
}

// With the `fields` query parameter a list answers only the selected fields of each item.
function withPartialItems(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  const items = properties?.items;
  if (properties === undefined || items === undefined) return schema;
  const partial = { type: 'object', description: 'Only the fields chosen by the `fields` query parameter' };
  return { ...schema, properties: { ...properties, items: { ...items, items: { anyOf: [items.items, partial] } } } };
}

function operation(route: RouteDefinition, refs: Set<string>): JsonSchema {
  const params = [
    ...parameters(route),
    ...(takesIdempotencyKey(route) ? [IDEMPOTENCY_KEY_PARAMETER] : []),
    ...(route.responseType === 'event-stream' ? [LAST_EVENT_ID_PARAMETER] : []),
  ];
  const responses: JsonSchema = { [String(route.successStatus)]: successResponse(route, refs) };
  for (const code of ERROR_CODES_DOCUMENTED) {
    responses[String(STATUS_FOR_CODE[code])] = { $ref: `#/components/responses/${code}` };
  }
  if (takesIdempotencyKey(route)) responses['422'] = { $ref: '#/components/responses/IDEMPOTENCY_KEY_REUSED' };
  return {
    operationId: route.id,
    summary: route.summary,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body === undefined
      ? {}
      : {
          requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } },
        }),
    responses,
    // `login` and `refreshSession` are how a client gets its bearer token; every other route needs one.
    security: PUBLIC_ROUTE_IDS.has(route.id) ? [] : [{ bearerAuth: [] }],
  };
}

/** The routes that answer without a bearer token: signing in and refreshing a session. */
export const PUBLIC_ROUTE_IDS: ReadonlySet<string> = new Set(['login', 'refreshSession']);

/** The `Idempotency-Key` header every POST and PATCH accepts (Stripe, draft-ietf-httpapi-idempotency-key-header). */
const IDEMPOTENCY_KEY_PARAMETER: JsonSchema = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A unique key (1-255 printable ASCII) that makes retries safe: the same key with the same method, path and ' +
    'body replays the first answer for 24 h (with `Idempotent-Replayed: true`); with another request it is 422 ' +
    '(reason idempotency_key_reused); while the first request runs, 409 (reason idempotency_key_in_flight). ' +
    'Keys are scoped to the caller.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7e]+$' },
};

const takesIdempotencyKey = (route: RouteDefinition): boolean => route.method === 'POST' || route.method === 'PATCH';

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The OpenAPI 3.1 document of the Aurora REST API, generated from {@link routes}. Deterministic: paths and
 * components are sorted, methods in a fixed order, so `openapi.json` changes only when the contract does.
 */
export function createOpenApiDocument(): Record<string, unknown> {
  const refs = new Set<string>();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const allRoutes: readonly RouteDefinition[] = Object.values(routes);
  for (const route of allRoutes) {
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase();
    if (method in item) throw new Error(`openapi: ${route.id} repeats ${route.method} ${route.path}`);
    item[method] = operation(route, refs);
  }
  const methodOrder = HTTP_METHODS.map((method) => method.toLowerCase());
  for (const [path, item] of Object.entries(paths)) {
    paths[path] = Object.fromEntries(
      Object.entries(item).sort(([a], [b]) => methodOrder.indexOf(a) - methodOrder.indexOf(b)),
    );
  }

  // Components may reference further components: convert until no new name turns up.
  const schemas: Record<string, JsonSchema> = { ErrorBody: toSchema(ErrorBodySchema, 'output') };
  for (let pending = [...refs]; pending.length > 0; pending = [...refs].filter((name) => !(name in schemas))) {
    for (const name of pending) {
      const schema = COMPONENTS.get(name);
      if (schema === undefined) throw new Error(`openapi: no component ${name}`);
      schemas[name] = toSchema(schema, 'output', refs, name);
    }
  }

  const responses: Record<string, JsonSchema> = {};
  for (const code of ERROR_CODES_DOCUMENTED) {
    responses[code] = {
      description: `${code}: ${ADVICE[code]}`,
      ...(code === 'RATE_LIMITED' || code === 'SERVER' ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
      content: { 'application/json': { schema: componentRef('ErrorBody') } },
    };
  }
  responses.IDEMPOTENCY_KEY_REUSED = {
    description: 'VALIDATION (422): the Idempotency-Key was already used for another request; send a new key.',
    content: { 'application/json': { schema: componentRef('ErrorBody') } },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Aurora REST API',
      version: API_VERSION,
      description: 'The REST API the Aurora WUI talks to through aurora-backend-handler. Generated from its contract.',
    },
    servers: [{ url: '/api' }],
    paths: sortedByKey(paths),
    components: {
      schemas: sortedByKey(schemas),
      responses,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  };
}
