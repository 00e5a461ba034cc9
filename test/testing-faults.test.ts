import { setupServer } from 'msw/node';
import { createBackendHandler, createWUIBridge, isBackendError, type BackendError } from '../index';
import { createReferenceApi, createTestBackend, demoCredentials, type ReferenceApi } from '../testing';
import { referenceHandlers } from '../testing/msw';

type Backend = Pick<Awaited<ReturnType<typeof createTestBackend>>, 'bridge' | 'signIn' | 'dispose'> & {
  api: ReferenceApi;
};

/** The same reference API, bridge and handler as createTestBackend, served by msw in this process instead. */
function createMswBackend(): Backend {
  const api = createReferenceApi({ baseUrl: 'http://faults.aurora.test/api', operationDurationMs: 0 });
  const server = setupServer(...referenceHandlers(api));
  server.listen({ onUnhandledRequest: 'error' });
  const bridge = createWUIBridge();
  const handler = createBackendHandler({
    bridge,
    environment: { apiBaseUrl: api.baseUrl, logLevel: 'silent', timeoutMs: 5_000 },
  });
  handler.start();
  return {
    api,
    bridge,
    signIn: (credentials = demoCredentials) => bridge.request('login', { ...credentials }),
    dispose: () => {
      handler.stop();
      server.close();
      return Promise.resolve();
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isBackendError(outcome)) throw new Error(`expected a BackendError, got ${String(outcome)}`);
  return outcome;
}

describe.each([
  ['a real loopback server', () => createTestBackend()],
  ['msw in the test process', () => Promise.resolve(createMswBackend())],
])('Failure injection through %s', (_mode, create) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await create();
    await backend.signIn();
  });
  afterEach(() => backend.dispose());

  test('an injected status fails the route with that status and an ErrorBody, then `times` runs out', async () => {
    backend.api.inject('updateUser', { status: 503, times: 1 });

    const error = await failure(backend.bridge.request('updateUser', { name: 'Grace' }, { retry: false }));
    expect(error).toMatchObject({ code: 'SERVER', status: 503 });
    expect(error.message).toContain('Injected failure: 503 on updateUser');

    await expect(backend.bridge.request('updateUser', { name: 'Grace' })).resolves.toMatchObject({ name: 'Grace' });
  });

  test('a transient fault is retried: the request succeeds once the fault has run out', async () => {
    backend.api.inject('updateUser', { status: 503, times: 2 });

    await expect(backend.bridge.request('updateUser', { name: 'Grace' })).resolves.toMatchObject({ name: 'Grace' });
  });

  test('an injected status takes the given code and message', async () => {
    backend.api.inject('loadUser', { status: 429, code: 'RATE_LIMITED', message: 'Slow down, please' });

    const error = await failure(backend.bridge.request('loadUser'));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(error.message).toContain('Slow down, please');
  });

  test('a fault only touches its route', async () => {
    backend.api.inject('updateUser', { status: 500 });

    await expect(backend.bridge.request('loadUser')).resolves.toMatchObject({ email: demoCredentials.email });
  });

  test('an injected network error reaches the WUI as a NETWORK error', async () => {
    backend.api.inject('loadUser', { networkError: true, times: 1 });

    const error = await failure(backend.bridge.request('loadUser', undefined, { retry: false }));
    expect(error.code).toBe('NETWORK');
    expect(error.status).toBeUndefined();
  });

  test('an injected delay holds the answer back, then the route answers normally', async () => {
    backend.api.inject('loadUser', { delayMs: 250, times: 1 });

    const started = performance.now();
    await expect(backend.bridge.request('loadUser')).resolves.toMatchObject({ email: demoCredentials.email });
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  test('an expired access token is renewed with the refresh token, and the request replayed once', async () => {
    backend.api.inject('updateUser', { expiredSession: true, times: 1 });

    await expect(backend.bridge.request('updateUser', { name: 'Grace' })).resolves.toMatchObject({ name: 'Grace' });
    await expect(backend.bridge.request('loadUser')).resolves.toMatchObject({ name: 'Grace' });
  });

  test('a session that cannot be renewed ends: session:expired, the tree cleared, the request UNAUTHORIZED', async () => {
    const events: string[] = [];
    backend.bridge.on('session:expired', (error) => void events.push(`session:expired ${error.code}`));
    backend.bridge.on(
      'state:changed',
      (state) => void events.push(`state:changed ${state === null ? 'null' : 'user'}`),
    );
    backend.api.inject('updateUser', { expiredSession: true, times: 1 });
    backend.api.inject('refreshSession', { status: 401, code: 'UNAUTHORIZED', times: 1 });

    expect(await failure(backend.bridge.request('updateUser', { name: 'Grace' }))).toMatchObject({
      code: 'UNAUTHORIZED',
      status: 401,
    });
    expect(events).toEqual(['session:expired UNAUTHORIZED', 'state:changed null']);
    expect((await failure(backend.bridge.request('loadUser'))).code).toBe('UNAUTHORIZED');

    await backend.signIn();
    await expect(backend.bridge.request('loadUser')).resolves.toMatchObject({ email: demoCredentials.email });
  });

  test('reset() removes every injected fault, and the remover of inject() removes its fault', async () => {
    const remove = backend.api.inject('loadUser', { status: 500 });
    remove();
    await expect(backend.bridge.request('loadUser')).resolves.toMatchObject({ email: demoCredentials.email });

    backend.api.inject('loadUser', { status: 500 });
    backend.api.reset();
    await backend.signIn();
    await expect(backend.bridge.request('loadUser')).resolves.toMatchObject({ email: demoCredentials.email });
  });
});

describe('A fault is checked when injected', () => {
  const api = createReferenceApi();

  test('a fault with two outcomes is refused', () => {
    expect(() => api.inject('loadUser', { status: 500, networkError: true })).toThrow(
      'A fault has one outcome: status, networkError, expiredSession, malformedBody, breakSchema or dropAfterApply',
    );
  });

  test('a success status is refused: a fault fails', () => {
    expect(() => api.inject('loadUser', { status: 200 })).toThrow('400-599');
  });

  test('a route the contract does not have is refused', () => {
    expect(() => api.inject('stopService' as 'loadUser', { status: 500 })).toThrow('No route stopService');
  });

  test('times must be a whole number above 0', () => {
    expect(() => api.inject('loadUser', { status: 500, times: 0 })).toThrow('times is a whole number above 0');
  });
});
