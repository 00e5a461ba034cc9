import axios, { type AxiosInstance } from 'axios';
import { setupServer } from 'msw/node';
import { routes, type RouteId } from '../api/contract';
import type { RouteDefinition } from '../api/contract/define-route';
import { createReferenceApi, demoCredentials, startReferenceServer, type ReferenceApi } from '../testing';
import { referenceHandlers } from '../testing/msw';

// The fault kinds for retries and chaos: Retry-After, malformed and schema-breaking success answers, and answers
// dropped after the change was applied; the same in a real server and under msw.

interface Mode {
  api: ReferenceApi;
  http: AxiosInstance;
  close(): Promise<void>;
}

async function realServer(): Promise<Mode> {
  const server = await startReferenceServer({ port: 0, operationDurationMs: 0 });
  return { api: server.api, http: axios.create({ baseURL: server.url }), close: () => server.close() };
}

function mswServer(): Promise<Mode> {
  const api = createReferenceApi({ baseUrl: 'http://fault-kinds.aurora.test/api', operationDurationMs: 0 });
  const msw = setupServer(...referenceHandlers(api));
  msw.listen({ onUnhandledRequest: 'error' });
  const close = () => {
    msw.close();
    return Promise.resolve();
  };
  return Promise.resolve({ api, http: axios.create({ baseURL: api.baseUrl }), close });
}

/** Whether `request` failed without any answer (a dropped connection). */
async function unanswered(request: Promise<unknown>): Promise<boolean> {
  const error: unknown = await request.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return axios.isAxiosError(error) && error.response === undefined;
}

describe.each([
  ['a real loopback server', realServer],
  ['msw in the test process', mswServer],
])('Fault kinds through %s', (_mode, create) => {
  let mode: Mode;
  let auth: { headers: { Authorization: string } };
  const user = () => mode.api.store.userByEmail(demoCredentials.email);

  beforeEach(async () => {
    mode = await create();
    const login = await mode.http.post<{ session: { accessToken: string } }>('/auth/login', demoCredentials);
    auth = { headers: { Authorization: `Bearer ${login.data.session.accessToken}` } };
  });
  afterEach(() => mode.close());

  test('retryAfterSeconds adds Retry-After to an injected 429 or 503', async () => {
    mode.api.inject('loadUser', { status: 429, retryAfterSeconds: 2, times: 1 });
    mode.api.inject('updateUser', { status: 503, retryAfterSeconds: 0, times: 1 });

    await expect(mode.http.get('/users/me', auth)).rejects.toMatchObject({
      response: { status: 429, headers: { 'retry-after': '2' }, data: { code: 'RATE_LIMITED' } },
    });
    await expect(mode.http.patch('/users/me', { name: 'Grace' }, auth)).rejects.toMatchObject({
      response: { status: 503, headers: { 'retry-after': '0' }, data: { code: 'SERVER' } },
    });
    expect(user()?.name).not.toBe('Grace');
  });

  test('malformedBody applies the change and answers its success status with a body that is not JSON', async () => {
    mode.api.inject('updateUser', { malformedBody: true, times: 1 });

    const answer = await mode.http.patch<string>('/users/me', { name: 'Grace' }, { ...auth, responseType: 'text' });

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(() => JSON.parse(answer.data) as unknown).toThrow(SyntaxError);
    expect(user()?.name).toBe('Grace');
  });

  test("breakSchema applies the change and answers its success status with JSON that breaks the route's schema", async () => {
    mode.api.inject('updateUser', { breakSchema: true, times: 1 });
    mode.api.inject('logout', { breakSchema: true, times: 1 });

    const answer = await mode.http.patch<unknown>('/users/me', { name: 'Grace' }, auth);

    expect(answer.status).toBe(200);
    expect(routes.updateUser.response.safeParse(answer.data).success).toBe(false);
    expect(user()?.name).toBe('Grace');
    // A 204 route cannot carry a body: the fault answers 200.
    const logout = await mode.http.post<unknown>('/auth/logout', undefined, auth);
    expect(logout.status).toBe(200);
    expect(routes.logout.response.safeParse(logout.data).success).toBe(false);
  });

  test('dropAfterApply applies the change, then drops the connection without an answer', async () => {
    mode.api.inject('updateUser', { dropAfterApply: true, times: 1 });

    expect(await unanswered(mode.http.patch('/users/me', { name: 'Grace' }, auth))).toBe(true);
    expect(user()?.name).toBe('Grace');
  });

  test('after dropAfterApply, a retry with the same Idempotency-Key replays the answer instead of applying again', async () => {
    mode.api.inject('createToken', { dropAfterApply: true, times: 1 });
    const body = { name: 'deploy-bot', tenant: 'ten-1', expiration: '2099-01-01T00:00:00.000Z' };
    const init = { headers: { ...auth.headers, 'Idempotency-Key': 'create-deploy-bot-1' } };
    const before = mode.api.store.tokens.size;

    expect(await unanswered(mode.http.post('/tokens', body, init))).toBe(true);
    const retry = await mode.http.post<{ name: string }>('/tokens', body, init);

    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.data.name).toBe('deploy-bot');
    expect(mode.api.store.tokens.size).toBe(before + 1);
  });
});

describe('Fault kinds are checked when injected', () => {
  const api = createReferenceApi();

  test('retryAfterSeconds needs status 429 or 503 and a whole number of seconds', () => {
    expect(() => api.inject('loadUser', { status: 500, retryAfterSeconds: 1 })).toThrow(
      'retryAfterSeconds goes with status 429 or 503',
    );
    expect(() => api.inject('loadUser', { retryAfterSeconds: 1 })).toThrow(
      'retryAfterSeconds goes with status 429 or 503',
    );
    expect(() => api.inject('loadUser', { status: 429, retryAfterSeconds: -1 })).toThrow(
      'retryAfterSeconds is a whole number of seconds, 0 or more',
    );
    expect(() => api.inject('loadUser', { status: 429, retryAfterSeconds: 1.5 })).toThrow(
      'retryAfterSeconds is a whole number of seconds, 0 or more',
    );
  });

  test('the answer-spoiling faults are outcomes of their own: one per fault', () => {
    expect(() => api.inject('loadUser', { malformedBody: true, breakSchema: true })).toThrow('A fault has one outcome');
    expect(() => api.inject('loadUser', { dropAfterApply: true, status: 503 })).toThrow('A fault has one outcome');
  });

  test.each(Object.keys(routes) as RouteId[])('the breakSchema body breaks the response schema of %s', async (id) => {
    const local = createReferenceApi({ operationDurationMs: 0 });
    local.inject(id, { breakSchema: true, times: 1 });
    const route: RouteDefinition = routes[id];
    const path = route.path.replace(/\{\w+\}/g, 'x');
    const answer = await local.app.fetch(
      new Request(`${local.baseUrl}${path}`, { method: route.method, ...(route.body ? { body: '{}' } : {}) }),
    );
    // The route itself may fail (no token here): the fault answers its success status all the same.
    expect(answer.status).toBe(route.successStatus === 204 ? 200 : route.successStatus);
    expect(route.response.safeParse(await answer.json()).success).toBe(false);
  });
});
