import { createReferenceApi, demoCredentials } from '../testing';
import { CASES, caseOf, prepare } from './support/openapi-cases';
import {
  BASE_URL,
  byId,
  documented,
  expectDocumented,
  json,
  segment,
  send,
  validatorAt,
} from './support/openapi-document';

// Every operation of openapi.json is called on the reference API (`app.fetch`, no network) and its answer is
// checked against the document: the status must be one the operation lists, and the body must validate against
// the schema documented for that status, with a JSON Schema validator (ajv), not with the contract's zod schemas.

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

  it.each(operationIds.filter((id) => id !== 'login' && id !== 'refreshSession'))(
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
