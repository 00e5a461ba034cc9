import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  createReferenceApi,
  demoCredentials,
  viewerCredentials,
  type Credentials,
  type ReferenceApi,
} from '../testing';
import { SEED, seededSpec } from './support/reference-services';

// Every operation of openapi.json is called on the reference API (`app.fetch`, no network) and its answer is
// checked against the document: the status must be one the operation lists, and the body must validate against
// the schema documented for that status, with a JSON Schema validator (ajv), not with the contract's zod schemas.

type Json = Record<string, unknown>;
type MediaType = { schema: Json };
type ResponseObject = { $ref?: string; description?: string; content?: Record<string, MediaType> };
type Parameter = { name: string; in: 'path' | 'query'; required: boolean };
type OperationObject = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
};
type OpenApiDocument = {
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Json>; responses: Record<string, ResponseObject> };
};

const DOCUMENT_ID = 'openapi.json';
const doc = JSON.parse(readFileSync(join(__dirname, '..', DOCUMENT_ID), 'utf8')) as OpenApiDocument;

/** A JSON pointer segment inside a URI fragment. */
const segment = (value: string): string => encodeURIComponent(value.replaceAll('~', '~0').replaceAll('/', '~1'));

type DocumentedOperation = { id: string; method: string; path: string; pointer: string; operation: OperationObject };

const documented: DocumentedOperation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    id: operation.operationId,
    method: method.toUpperCase(),
    path,
    pointer: `#/paths/${segment(path)}/${segment(method)}`,
    operation,
  })),
);
const byId = new Map(documented.map((entry) => [entry.id, entry]));

// The schemas are OpenAPI 3.1, that is JSON Schema 2020-12: validated by ajv's 2020-12 dialect. `strict` is
// off because the document around the schemas has OpenAPI keywords (paths, responses, ...).
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addSchema(doc, DOCUMENT_ID);
const validators = new Map<string, ValidateFunction>();

function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

/** The response documented for `status`, with the pointer of its object (following a `$ref` to a component). */
function documentedResponse(entry: DocumentedOperation, status: number) {
  const response = entry.operation.responses[String(status)];
  if (response === undefined) return undefined;
  const component = response.$ref?.replace('#/components/responses/', '');
  if (component === undefined) {
    return { response, pointer: `${entry.pointer}/responses/${status}` };
  }
  const resolved = doc.components.responses[component];
  if (resolved === undefined) throw new Error(`${entry.id}: ${response.$ref ?? ''} does not resolve`);
  return { response: resolved, pointer: `#/components/responses/${segment(component)}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Calling the reference API as the document describes each operation.

const BASE_URL = 'http://aurora.conformance.test/api';

type Call = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; token?: string };
type Answer = { status: number; contentType: string; text: string; bytes: Uint8Array };

function requestFor(entry: DocumentedOperation, call: Call): Request {
  const declared = (entry.operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
  const missing = declared.filter((parameter) => call.params?.[parameter.name] === undefined);
  if (missing.length > 0) throw new Error(`${entry.id}: no value for ${missing.map((item) => item.name).join(', ')}`);
  const path = entry.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(call.params?.[name] ?? ''),
  );
  const search = new URLSearchParams(call.query).toString();
  const headers = new Headers({ Accept: 'application/json' });
  if (call.token !== undefined) headers.set('Authorization', `Bearer ${call.token}`);
  if (call.body !== undefined) headers.set('Content-Type', 'application/json');
  return new Request(`${BASE_URL}${path}${search === '' ? '' : `?${search}`}`, {
    method: entry.method,
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}

async function send(api: ReferenceApi, id: string, call: Call): Promise<Answer> {
  const entry = byId.get(id);
  if (entry === undefined) throw new Error(`the document has no operation ${id}`);
  const response = await api.app.fetch(requestFor(entry, call));
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type') ?? '',
    text: new TextDecoder().decode(bytes),
    bytes,
  };
}

/** Parses a JSON answer, failing with the text when it is not JSON. */
function json(answer: Answer): Json {
  return JSON.parse(answer.text) as Json;
}

type Context = { api: ReferenceApi; token: string; send: (id: string, call: Omit<Call, 'token'>) => Promise<Json> };

/** How to exercise one operation with valid input built from the seed (and, when needed, from earlier calls). */
type Case = {
  status: number;
  /** Who calls; the demo user unless given. */
  as?: Credentials;
  call: (context: Context) => Call | Promise<Call>;
};

const { prod, labs } = SEED.tenants;
const { northwind } = SEED.organizations;
const { shop, payments, analytics } = SEED.services;
const instance = SEED.shopFrontendInstances[0] ?? 'none';
const firstRevision = SEED.shopRevisions[0] ?? 'none';
const prodParams = { tenantId: prod };
const byName = JSON.stringify({ operator: 'and', filters: [{ field: 'name', operator: 'neq', value: 'nothing' }] });

const deploySpec = {
  name: 'blog',
  environment: SEED.environments.production,
  account: SEED.accounts.aws,
  registry: 'registry.northwind.dev',
  imageName: 'northwind/blog:1.0.0',
  minReplicas: 1,
  maxReplicas: 2,
  roles: [{ name: 'web', cpu: 0.5, memory: 512 }],
  channels: [{ name: 'http', kind: 'server', protocol: 'http', port: 8080 }],
  links: [],
  resources: [SEED.resources.logLevel],
};

const CASES: Record<string, Case> = {
  login: { status: 200, call: () => ({ body: { ...demoCredentials } }) },
  logout: { status: 204, call: () => ({}) },
  loadUser: { status: 200, call: () => ({}) },
  updateUser: { status: 200, call: () => ({ body: { name: 'Alexandra', notificationsEnabled: false } }) },
  deleteUser: { status: 204, as: viewerCredentials, call: () => ({}) },
  changePassword: {
    status: 204,
    call: () => ({ body: { currentPassword: demoCredentials.password, newPassword: 'aurora-demo-2027' } }),
  },
  changePlan: { status: 200, call: () => ({ body: { plan: 'freemium' } }) },
  createToken: {
    status: 201,
    call: () => ({ body: { name: 'deploy-bot', tenant: prod, expiration: '2099-01-01T00:00:00.000Z' } }),
  },
  deleteToken: { status: 204, call: ({ api }) => ({ params: { tokenId: [...api.store.tokens.keys()][0] ?? '' } }) },

  createOrganization: { status: 201, call: () => ({ body: { name: 'Acme Cloud' } }) },
  updateOrganization: {
    status: 200,
    call: () => ({ params: { organizationId: northwind }, body: { name: 'Northwind Labs Europe' } }),
  },
  deleteOrganization: {
    status: 204,
    call: async ({ send: call }) => ({
      params: { organizationId: String((await call('createOrganization', { body: { name: 'Short Lived' } })).id) },
    }),
  },
  updateBillingInformation: {
    status: 200,
    call: () => ({
      params: { organizationId: northwind },
      body: {
        legalName: 'Northwind Labs S.L.',
        CIFNIF: 'B87654321',
        email: 'billing@northwind.dev',
        language: 'en',
        country: 'Spain',
        region: 'Madrid',
        city: 'Madrid',
        address: 'Gran Vía 1',
        zipcode: '28013',
      },
    }),
  },
  loadInvoices: {
    status: 200,
    call: () => ({ params: { organizationId: northwind }, query: { sort: '-date', limit: '2', offset: '0' } }),
  },
  downloadInvoice: {
    status: 200,
    call: ({ api }) => ({
      params: { organizationId: northwind, invoiceId: api.store.invoicesOf(northwind)[0]?.id ?? '' },
    }),
  },
  addOrganizationMember: {
    status: 200,
    call: () => ({ params: { organizationId: northwind }, body: { email: 'free@aurora.dev' } }),
  },
  removeOrganizationMember: {
    status: 200,
    call: () => ({ params: { organizationId: northwind, userId: SEED.users.viewer } }),
  },

  createTenant: { status: 201, call: () => ({ body: { name: 'northwind-edge', organizationId: northwind } }) },
  updateTenant: { status: 200, call: () => ({ params: prodParams, body: { name: 'northwind-production' } }) },
  deleteTenant: {
    status: 204,
    call: async ({ send: call }) => ({
      params: {
        tenantId: String((await call('createTenant', { body: { name: 'short-lived', organizationId: northwind } })).id),
      },
    }),
  },
  inviteTenantUser: {
    status: 201,
    call: () => ({ params: prodParams, body: { email: 'free@aurora.dev', role: 'member' } }),
  },
  removeTenantUser: { status: 204, call: () => ({ params: { tenantId: prod, userId: SEED.users.sam } }) },
  changeTenantUserRole: {
    status: 200,
    call: () => ({ params: { tenantId: prod, userId: SEED.users.viewer }, body: { role: 'member' } }),
  },

  createAccount: {
    status: 201,
    call: () => ({
      params: prodParams,
      body: {
        name: 'aws-dr',
        cloudProvider: {
          name: 'aws',
          region: 'eu-west-3',
          authType: 'accessKey',
          credentialId: 'AKIA4DR0EXAMPLE',
          credentialSecret: 'dr-S3cr3t-key',
        },
      },
    }),
  },
  updateAccount: {
    status: 200,
    call: () => ({ params: { tenantId: prod, accountId: SEED.accounts.aws }, body: { name: 'aws-prod' } }),
  },
  deleteAccount: { status: 204, call: () => ({ params: { tenantId: labs, accountId: SEED.accounts.legacy } }) },
  validateAccountCredentials: {
    status: 200,
    call: () => ({ params: { tenantId: prod, accountId: SEED.accounts.aws } }),
  },

  createEnvironment: {
    status: 201,
    call: () => ({ params: prodParams, body: { name: 'qa', account: SEED.accounts.madrid, labels: ['qa'] } }),
  },
  updateEnvironment: {
    status: 200,
    call: () => ({
      params: { tenantId: prod, environmentId: SEED.environments.staging },
      body: { labels: ['staging', 'eu'], limits: { cpu: 10, memory: 20_480 } },
    }),
  },
  deleteEnvironment: {
    status: 204,
    call: async ({ send: call }) => {
      const created = await call('createEnvironment', {
        params: prodParams,
        body: { name: 'scratch', account: SEED.accounts.madrid },
      });
      return { params: { tenantId: prod, environmentId: String(created.id) } };
    },
  },

  createResource: {
    status: 201,
    call: () => ({ params: prodParams, body: { type: 'string', name: 'feature-flag', value: 'on' } }),
  },
  updateResource: {
    status: 200,
    call: () => ({ params: { tenantId: prod, resourceId: SEED.resources.logLevel }, body: { value: 'debug' } }),
  },
  deleteResource: {
    status: 204,
    call: async ({ send: call }) => {
      const created = await call('createResource', {
        params: prodParams,
        body: { type: 'number', name: 'max-carts', value: '500' },
      });
      return { params: { tenantId: prod, resourceId: String(created.id) } };
    },
  },

  listServices: {
    status: 200,
    call: () => ({ params: prodParams, query: { filter: byName, sort: '-name', limit: '2', offset: '1' } }),
  },
  getService: { status: 200, call: () => ({ params: { tenantId: prod, serviceId: shop } }) },
  deployService: { status: 202, call: () => ({ params: prodParams, body: deploySpec }) },
  updateService: {
    status: 202,
    call: () => ({
      params: { tenantId: prod, serviceId: shop },
      body: { ...seededSpec(shop), imageName: 'northwind/shop:2.5.0' },
    }),
  },
  scaleService: {
    status: 202,
    call: () => ({ params: { tenantId: prod, serviceId: payments }, body: { minReplicas: 2, maxReplicas: 2 } }),
  },
  restartService: { status: 202, call: () => ({ params: { tenantId: prod, serviceId: payments } }) },
  restartInstance: {
    status: 202,
    call: () => ({ params: { tenantId: prod, serviceId: shop, instanceId: instance } }),
  },
  rollbackService: {
    status: 202,
    call: () => ({ params: { tenantId: prod, serviceId: shop }, body: { revision: firstRevision } }),
  },
  deleteService: { status: 202, call: () => ({ params: { tenantId: prod, serviceId: analytics } }) },
  loadServiceRevisions: {
    status: 200,
    call: () => ({ params: { tenantId: prod, serviceId: shop }, query: { sort: 'number', limit: '2' } }),
  },
  loadInstanceLogs: {
    status: 200,
    call: () => ({
      params: { tenantId: prod, serviceId: shop, instanceId: instance },
      query: { tail: '10', since: '2026-01-01T00:00:00.000Z' },
    }),
  },
  getOperation: {
    status: 200,
    call: async ({ send: call }) => {
      const started = await call('restartService', { params: { tenantId: prod, serviceId: payments } });
      return { params: { operationId: String(started.id) } };
    },
  },
  linkServices: {
    status: 201,
    call: async ({ send: call }) => {
      await call('unlinkServices', { params: { tenantId: prod, linkName: 'shop-payments' } });
      return {
        params: prodParams,
        body: {
          name: 'shop-to-payments',
          origin: { service: shop, channel: 'payments' },
          target: { service: payments, channel: 'api' },
        },
      };
    },
  },
  unlinkServices: { status: 204, call: () => ({ params: { tenantId: prod, linkName: 'shop-payments' } }) },

  loadMarketplace: {
    status: 200,
    call: () => ({ params: prodParams, query: { filter: byName, sort: 'name', limit: '3' } }),
  },
  deployMarketplaceItem: {
    status: 202,
    call: () => ({
      params: { tenantId: prod, itemId: SEED.marketplace.redis },
      body: { name: 'cache', environment: SEED.environments.production, account: SEED.accounts.aws },
    }),
  },
};

function caseOf(id: string): Case {
  const found = CASES[id];
  if (found === undefined) throw new Error(`no conformance case for ${id}: add one to CASES`);
  return found;
}

/** A fresh seeded reference API, a session of `credentials`, and the valid call of `id` prepared on it. */
async function prepare(id: string) {
  const api = createReferenceApi({ baseUrl: BASE_URL, operationDurationMs: 0 });
  const credentials = caseOf(id).as ?? demoCredentials;
  const login = await send(api, 'login', { body: { email: credentials.email, password: credentials.password } });
  const session = json(login).session as { accessToken: string };
  const token = session.accessToken;
  const context: Context = {
    api,
    token,
    send: async (other, call) => {
      const answer = await send(api, other, { ...call, token });
      if (answer.status >= 300) throw new Error(`preparing ${id}: ${other} answered ${answer.status} ${answer.text}`);
      return answer.text === '' ? {} : json(answer);
    },
  };
  return { api, token, call: await caseOf(id).call(context) };
}

/** Checks an answer of `entry` against the document: a listed status, and a body that fits what it documents. */
function expectDocumented(entry: DocumentedOperation, answer: Answer): void {
  const found = documentedResponse(entry, answer.status);
  if (found === undefined) {
    throw new Error(
      `${entry.id} answered ${answer.status}, which the document does not list (it lists ${Object.keys(entry.operation.responses).join(', ')}): ${answer.text}`,
    );
  }
  const media = Object.keys(found.response.content ?? {});
  if (media.length === 0) {
    expect({ status: answer.status, body: answer.text }).toEqual({ status: answer.status, body: '' });
    return;
  }
  if (media.includes('application/pdf')) {
    expect(answer.contentType).toContain('application/pdf');
    expect(new TextDecoder().decode(answer.bytes.slice(0, 5))).toBe('%PDF-');
    return;
  }
  expect(media).toEqual(['application/json']);
  expect(answer.contentType).toContain('application/json');
  const validate = validatorAt(`${found.pointer}/content/${segment('application/json')}/schema`);
  const body = json(answer);
  const valid = validate(body);
  expect({ status: answer.status, errors: valid ? null : validate.errors }).toEqual({
    status: answer.status,
    errors: null,
  });
}

const operationIds = documented.map((entry) => entry.id);
const withPathParams = documented.filter((entry) =>
  (entry.operation.parameters ?? []).some((parameter) => parameter.in === 'path'),
);
const withBody = documented.filter((entry) => entry.operation.requestBody !== undefined);

describe('the reference API conforms to openapi.json', () => {
  it('the validator is not vacuous: it rejects a body that breaks a documented schema', () => {
    const loadUser = byId.get('loadUser');
    if (loadUser === undefined) throw new Error('no loadUser operation');
    const validate = validatorAt(`${loadUser.pointer}/responses/200/content/${segment('application/json')}/schema`);

    expect(validate({ id: 'usr-1' })).toBe(false);
    expect(validate.errors?.length).toBeGreaterThan(0);
  });

  it('has a conformance case for every operation of the document, and no other', () => {
    expect(Object.keys(CASES).sort()).toEqual([...operationIds].sort());
  });

  it.each(operationIds)('%s answers a valid request with its documented success status and body', async (id) => {
    const entry = byId.get(id);
    if (entry === undefined) throw new Error(`no operation ${id}`);
    const { api, token, call } = await prepare(id);

    const answer = await send(api, id, { ...call, token });

    expect(answer.status).toBe(caseOf(id).status);
    expectDocumented(entry, answer);
  });

  it.each(operationIds.filter((id) => id !== 'login'))(
    '%s answers a request without a bearer token with a documented 401 ErrorBody',
    async (id) => {
      const entry = byId.get(id);
      if (entry === undefined) throw new Error(`no operation ${id}`);
      const { api, call } = await prepare(id);

      const answer = await send(api, id, call);

      expect(answer.status).toBe(401);
      expectDocumented(entry, answer);
    },
  );

  it('login answers wrong credentials with a documented 401 ErrorBody', async () => {
    const entry = byId.get('login');
    if (entry === undefined) throw new Error('no login operation');
    const api = createReferenceApi({ baseUrl: BASE_URL, operationDurationMs: 0 });

    const answer = await send(api, 'login', { body: { email: demoCredentials.email, password: 'not-the-password' } });

    expect(answer.status).toBe(401);
    expectDocumented(entry, answer);
  });

  it.each(withBody.map((entry) => entry.id))(
    '%s answers a body with an undocumented field with a documented 400 ErrorBody',
    async (id) => {
      const entry = byId.get(id);
      if (entry === undefined) throw new Error(`no operation ${id}`);
      const { api, token, call } = await prepare(id);

      const answer = await send(api, id, { ...call, token, body: { unexpected: true } });

      expect(answer.status).toBe(400);
      expectDocumented(entry, answer);
      expect(json(answer).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'unexpected' })]));
    },
  );

  it.each(withPathParams.map((entry) => entry.id))(
    '%s answers unknown ids in its path with a documented 404 ErrorBody',
    async (id) => {
      const entry = byId.get(id);
      if (entry === undefined) throw new Error(`no operation ${id}`);
      const { api, token, call } = await prepare(id);
      const unknown = Object.fromEntries(Object.keys(call.params ?? {}).map((name) => [name, 'missing-1']));

      const answer = await send(api, id, { ...call, token, params: unknown });

      expect(answer.status).toBe(404);
      expectDocumented(entry, answer);
    },
  );

  it.each(['listServices', 'loadMarketplace', 'loadInvoices', 'loadServiceRevisions'])(
    '%s with a `fields` selection answers a body its documented 200 schema describes',
    async (id) => {
      const entry = byId.get(id);
      if (entry === undefined) throw new Error(`no operation ${id}`);
      const { api, token, call } = await prepare(id);

      const answer = await send(api, id, { ...call, token, query: { ...call.query, fields: 'id' } });

      expect(answer.status).toBe(200);
      expectDocumented(entry, answer);
    },
  );
});
