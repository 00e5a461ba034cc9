import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import * as z from 'zod';
import { isBackendError, type BackendError } from '../../errors/backend-error';
import { REQUEST_NAMES, requests, type RequestName } from '../../event-names';
import { API, server, setup, useMockApi } from '../support/setup';

useMockApi();

// Every request of the bridge, fed arbitrary input: whatever comes in, one outcome, never a defect, no HTTP
// call unless the input is valid, and no call outside the API's base path.

/** The HTTP calls msw saw, by the request id they carried. */
const calls = new Map<string, URL[]>();
const unattributed: URL[] = [];

function recordCall({ request }: { request: Request }): void {
  const url = new URL(request.url);
  const requestId = request.headers.get('x-request-id');
  if (requestId === null) unattributed.push(url);
  else calls.set(requestId, [...(calls.get(requestId) ?? []), url]);
}

beforeAll(() => server.events.on('request:start', recordCall));
afterAll(() => server.events.removeListener('request:start', recordCall));
beforeEach(() => {
  calls.clear();
  unattributed.length = 0;
  // Whatever reaches the API is answered 404: these properties are about what the handler sends, not the answers.
  server.use(
    http.all(`${API}/*`, () => HttpResponse.json({ code: 'NOT_FOUND', message: 'No such item' }, { status: 404 })),
  );
});

type Send = (name: RequestName, input: unknown, options: { requestId: string }) => Promise<unknown>;

/** A started handler and a `send` that resolves with the request's one outcome: its payload or its error. */
function start() {
  const context = setup();
  const request = context.bridge.request.bind(context.bridge) as unknown as Send;
  let serial = 0;
  async function send(name: RequestName, input: unknown) {
    const requestId = `prop-${++serial}`;
    const outcome = await request(name, input, { requestId }).then(
      (data: unknown) => ({ ok: true as const, data }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    return { requestId, outcome, urls: calls.get(requestId) ?? [] };
  }
  return { ...context, send };
}

/** The error of a failed outcome; fails the property when it is not a BackendError or is a defect. */
function errorOf(outcome: { ok: boolean; error?: unknown }): BackendError | undefined {
  if (outcome.ok) return undefined;
  if (!isBackendError(outcome.error)) throw new Error(`rejected with ${String(outcome.error)}`);
  if (outcome.error.code === 'SERVER') throw new Error(`a defect: ${outcome.error.message}`);
  return outcome.error;
}

function expectUnderBasePath(urls: readonly URL[]): void {
  for (const url of urls) expect(url.href.startsWith(`${API}/`)).toBe(true);
}

/** The top-level fields of a request's input schema (through refinements and pipes). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape;
  if (schema instanceof z.ZodPipe) return shapeOf(schema.in as z.ZodType);
  return undefined;
}

/** A chain of objects or lists nested `depth` deep, built without recursion. */
function deepValue(depth: number, key: string, asList: boolean): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = asList ? [value] : { [key]: value };
  return value;
}

const deep = fc
  .record({
    depth: fc.integer({ min: 1, max: 5_000 }),
    key: fc.constantFrom('a', 'filters', 'value'),
    asList: fc.boolean(),
  })
  .map(({ depth, key, asList }) => deepValue(depth, key, asList));
const huge = fc.oneof(
  fc.integer({ min: 1_000, max: 300_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 1_000, max: 50_000 }).map((length) => new Array<number>(length).fill(1)),
);
const anyValue = fc.oneof(fc.anything({ maxDepth: 4 }), deep, huge);

/** An input shaped like request `name`'s: its own field names, each given an arbitrary value. */
function shapedInput(name: RequestName): fc.Arbitrary<unknown> {
  const shape = shapeOf(requests[name].input);
  if (shape === undefined) return anyValue;
  const fields = Object.keys(shape);
  return fc.dictionary(fc.constantFrom(...fields, '__proto__', 'extra'), anyValue, { maxKeys: fields.length + 1 });
}

describe('every request, fed arbitrary input', () => {
  it.each(REQUEST_NAMES)(
    '%s: one outcome, never a defect, and no HTTP call when the input is invalid',
    async (name) => {
      const { send } = start();
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything({ maxDepth: 3 }), shapedInput(name)), async (input) => {
          const { outcome, urls } = await send(name, input);
          const error = errorOf(outcome);
          if (error?.code === 'VALIDATION') expect(urls).toEqual([]);
          expectUnderBasePath(urls);
        }),
        { numRuns: 25 },
      );
      expect(unattributed).toEqual([]);
    },
  );
});

/** Requests whose only required fields are path parameters: any string can be sent as each id. */
const idOnlyRequests = REQUEST_NAMES.flatMap((name) => {
  const { route } = requests[name];
  const shape = shapeOf(requests[name].input);
  const params = Object.keys(route.params?.shape ?? {});
  if (shape === undefined || params.length === 0) return [];
  const required = Object.keys(shape).filter((field) => !shape[field]?.safeParse(undefined).success);
  return required.every((field) => params.includes(field)) ? [[name, route.path, params] as const] : [];
});

const idString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('..', '.', '%2e%2e', '../x', 'a/b', 'a\\b', '?x=1', '#top', '%2F', '//evil.test', 'http://evil.test'),
  fc
    .array(fc.constantFrom('..', '/', '%', '.', 'a', '?', '#', '\\', ' '), { maxLength: 8 })
    .map((parts) => parts.join('')),
);

describe('every id lands in its own path segment under the base path', () => {
  it('covers the requests whose input is only ids', () => {
    expect(idOnlyRequests.length).toBeGreaterThan(10);
  });

  it.each(idOnlyRequests)('%s (%s)', async (name, template, params) => {
    const { send } = start();
    await fc.assert(
      fc.asyncProperty(fc.tuple(...params.map(() => idString)), async (ids) => {
        const input = Object.fromEntries(params.map((param, index) => [param, ids[index]]));
        const { outcome, urls } = await send(name, input);
        const error = errorOf(outcome);
        if (error?.code === 'VALIDATION') {
          expect(urls).toEqual([]);
          return;
        }
        expect(urls).toHaveLength(1);
        const url = urls[0]!;
        expectUnderBasePath(urls);
        const segments = url.pathname.slice(new URL(API).pathname.length).split('/');
        const expected = template.split('/');
        expect(segments).toHaveLength(expected.length);
        expected.forEach((part, index) => {
          const param = /^\{(\w+)\}$/.exec(part)?.[1];
          if (param === undefined) expect(segments[index]).toBe(part);
          else expect(decodeURIComponent(segments[index]!)).toBe(input[param]);
        });
      }),
      { numRuns: 25 },
    );
  });
});

const LIST_REQUESTS = REQUEST_NAMES.filter((name) => shapeOf(requests[name].input as z.ZodType)?.query !== undefined);

describe('a list filter deeper than the bound is a VALIDATION error, whatever its depth', () => {
  it.each(LIST_REQUESTS)('%s', async (name) => {
    const { send } = start();
    const ids = { tenantId: 'ten-1', serviceId: 'svc-1', organizationId: 'org-1' };
    const shape = shapeOf(requests[name].input) ?? {};
    const base = Object.fromEntries(Object.entries(ids).filter(([field]) => field in shape));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 6, max: 10_000 }), fc.constantFrom('and', 'or'), async (depth, operator) => {
        let filter: unknown = { operator, filters: [] };
        for (let level = 1; level < depth; level++) filter = { operator, filters: [filter] };
        const { outcome, urls } = await send(name, { ...base, query: { filter } });
        expect(errorOf(outcome)).toMatchObject({
          code: 'VALIDATION',
          details: [{ path: 'query.filter', message: expect.stringContaining('deeper than 5 groups') as string }],
        });
        expect(urls).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });
});
