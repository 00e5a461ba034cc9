import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteDefinition } from '../api/contract/define-route';
import { routes } from '../api/contract/index';
import { createOpenApiDocument } from '../api/contract/openapi';

const root = join(__dirname, '..');
const allRoutes: readonly RouteDefinition[] = Object.values(routes);

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  summary: string;
  parameters?: Array<{ name: string; in: string; required: boolean; schema: Json }>;
  requestBody?: { required: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { $ref?: string; description?: string; content?: Record<string, { schema: Json }> }>;
  security: Array<Record<string, string[]>>;
}
interface Document {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Json };
}

const doc = createOpenApiDocument() as unknown as Document;

function operationOf(route: RouteDefinition): Operation {
  const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
  if (operation === undefined) throw new Error(`${route.id}: no ${route.method} ${route.path} in the document`);
  return operation;
}

/**
 * The validator ships as ESM only, which jest's CommonJS runtime cannot load on Node 20: it runs in a child
 * node process instead, which reads the document on stdin and prints the validator's verdict.
 */
function validateOpenApi(document: unknown): { valid: boolean; errors?: unknown } {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const result = await new Validator().validate(JSON.parse(input));
    process.stdout.write(JSON.stringify(result));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    input: JSON.stringify(document),
    encoding: 'utf8',
  });
  return JSON.parse(output) as { valid: boolean; errors?: unknown };
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose $refs all resolve', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(validateOpenApi(doc)).toEqual({ valid: true });
  });

  it('is rejected by the validator when broken (the validation check is not vacuous)', () => {
    const broken = structuredClone(doc);
    const login = broken.paths['/auth/login']?.post;
    if (login === undefined) throw new Error('no login operation');
    login.responses['400'] = { $ref: '#/components/responses/MISSING' };
    expect(validateOpenApi(broken).valid).toBe(false);
    expect(validateOpenApi({ ...doc, openapi: '3.1.0', info: undefined }).valid).toBe(false);
  });

  it('has one operation per route, with its id, summary and success status', () => {
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(allRoutes.length);
    for (const route of allRoutes) {
      const operation = operationOf(route);
      expect(operation.operationId).toBe(route.id);
      expect(operation.summary).toBe(route.summary);
      expect(operation.responses).toHaveProperty([String(route.successStatus)]);
      const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      expect(successes).toEqual([String(route.successStatus)]);
    }
  });

  it('declares every path parameter of every path template, and no other', () => {
    for (const route of allRoutes) {
      const inTemplate = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operationOf(route).parameters ?? []).filter((parameter) => parameter.in === 'path');
      expect({ route: route.id, params: declared.map((parameter) => parameter.name).sort() }).toEqual({
        route: route.id,
        params: [...inTemplate].sort(),
      });
      for (const parameter of declared) expect(parameter.required).toBe(true);
      expect(Object.keys(route.params?.shape ?? {}).sort()).toEqual([...inTemplate].sort());
    }
  });

  it('documents the query parameters of list routes, none required', () => {
    const query = (operationOf(routes.listServices).parameters ?? []).filter((parameter) => parameter.in === 'query');
    expect(query.map((parameter) => parameter.name)).toEqual(['offset', 'limit', 'sort', 'filter', 'fields']);
    expect(query.every((parameter) => !parameter.required && parameter.schema.type === 'string')).toBe(true);
  });

  it('has a required JSON request body exactly for the routes with a body', () => {
    for (const route of allRoutes) {
      const body = operationOf(route).requestBody;
      if (route.body === undefined) {
        expect(body).toBeUndefined();
      } else {
        expect(body?.required).toBe(true);
        expect(body?.content['application/json']?.schema).toEqual(expect.objectContaining({ type: 'object' }));
      }
    }
  });

  it('documents 204 responses without content and the invoice download as a PDF', () => {
    for (const route of allRoutes.filter((route) => route.successStatus === 204)) {
      expect(operationOf(route).responses['204']).toEqual({ description: 'No Content' });
    }
    expect(operationOf(routes.downloadInvoice).responses['200']?.content).toEqual({
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    });
    expect(operationOf(routes.loadUser).responses['200']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/User' } },
    });
  });

  it('gives every operation the error responses, all with the one ErrorBody schema', () => {
    const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };
    for (const route of allRoutes) {
      const responses = operationOf(route).responses;
      for (const status of ['400', '401', '403', '404', '409', '429', '500']) {
        const ref = responses[status]?.$ref ?? '';
        const name = ref.replace('#/components/responses/', '');
        expect(doc.components.responses[name]).toEqual(expect.objectContaining({ content: errorBody }));
      }
    }
    expect(doc.components.schemas.ErrorBody).toEqual(expect.objectContaining({ required: ['code', 'message'] }));
  });

  it('requires a bearer token on every route but login and refreshSession', () => {
    expect(doc.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
    for (const route of allRoutes) {
      expect({ route: route.id, security: operationOf(route).security }).toEqual({
        route: route.id,
        security: route.id === 'login' || route.id === 'refreshSession' ? [] : [{ bearerAuth: [] }],
      });
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(createOpenApiDocument())).toBe(JSON.stringify(doc));
  });

  it('matches the committed openapi.json (else run npm run openapi)', () => {
    const committed = readFileSync(join(root, 'openapi.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(doc);
    // Same content; also the same text, key order and formatting as `npm run openapi` writes.
    expect(committed === `${JSON.stringify(doc, null, 2)}\n`).toBe(true);
  });
});
