import type { RequestChangeMeta } from '../event-names';
import fc from 'fast-check';
import type { HttpCallInfo } from '../api/http/transport';
import { isBackendError } from '../errors/backend-error';
import { createTestBackend, type TestBackend } from '../testing';

// Long enough for a burst of requests to finish on the renewed token, even on a loaded machine.
const SHORT_TTL_MS = 1_500;

/** A backend whose access tokens live SHORT_TTL_MS, signed in, with every HTTP attempt recorded. */
async function expiringBackend(): Promise<TestBackend & { calls: HttpCallInfo[] }> {
  const calls: HttpCallInfo[] = [];
  const backend = await createTestBackend({
    accessTokenTtlMs: SHORT_TTL_MS,
    // Only requests meet the expired token here: the stream's own renewal is tested in live-console.test.ts.
    handler: { onHttpCall: (call) => calls.push(call), stream: false },
  });
  await backend.signIn();
  return Object.assign(backend, { calls });
}

const waitPastExpiry = () => new Promise((resolve) => setTimeout(resolve, SHORT_TTL_MS + 50));
const refreshCalls = (calls: readonly HttpCallInfo[]) => calls.filter((call) => call.path === '/auth/refresh');

describe('a session that survives token expiry (reference server)', () => {
  let backend: TestBackend & { calls: HttpCallInfo[] };
  beforeEach(async () => {
    backend = await expiringBackend();
  });
  afterEach(() => backend.dispose());

  it('renews once for 50 concurrent requests that meet the expired token, and every one succeeds', async () => {
    await waitPastExpiry();
    backend.calls.length = 0;

    const tenantId = backend.handler.getState()?.tenants[0]?.id ?? '';

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        // Distinct queries, so that no two are one shared read: each of the 45 reads meets the 401 itself.
        i % 10 === 9
          ? backend.bridge.request('updateUser', { name: `Name ${i}` })
          : backend.bridge.request('listServices', { tenantId, query: { offset: i } }),
      ),
    );

    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(refreshCalls(backend.calls)).toHaveLength(1);
    expect(backend.calls.filter((call) => call.status === 401).length).toBeGreaterThanOrEqual(45);
    expect(backend.handler.getState()?.name).toBe('Name 49');
  });

  it('keeps renewing as tokens keep expiring: the refresh token rotates each time', async () => {
    for (let round = 0; round < 3; round++) {
      await waitPastExpiry();
      await expect(backend.bridge.request('loadUser')).resolves.toMatchObject({ email: 'demo@aurora.dev' });
    }

    expect(refreshCalls(backend.calls)).toHaveLength(3);
  });

  it('ends the session when the refresh token is refused: one session:expired, the tree null, every waiter UNAUTHORIZED', async () => {
    const log: string[] = [];
    backend.bridge.on(
      'session:expired',
      (error, meta) => void log.push(`session:expired ${error.code} ${(meta as RequestChangeMeta).name}`),
    );
    backend.bridge.on('state:changed', (state) => void log.push(`state:changed ${state === null ? 'null' : 'user'}`));
    backend.api.inject('refreshSession', { status: 401, code: 'UNAUTHORIZED', message: 'Refresh token revoked' });
    await waitPastExpiry();

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => backend.bridge.request('updateUser', { name: `N${i}` })),
    );

    expect(
      results.map((result) => result.status === 'rejected' && isBackendError(result.reason) && result.reason.code),
    ).toEqual(Array.from({ length: 10 }, () => 'UNAUTHORIZED'));
    expect(log).toEqual(['session:expired UNAUTHORIZED updateUser', 'state:changed null']);
    expect(backend.handler.getState()).toBeNull();
    expect(refreshCalls(backend.calls)).toHaveLength(1);
  });
});

describe('single-flight refresh, for any number and mix of concurrent 401s (property)', () => {
  it('makes exactly one refresh call and replays each request once', async () => {
    const backend = await expiringBackend();
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 50 }), async (count) => {
          await waitPastExpiry();
          backend.calls.length = 0;
          const tenantId = backend.handler.getState()?.tenants[0]?.id ?? '';
          const offsets = Array.from({ length: count }, (_, i) => i);

          await Promise.all(
            offsets.map((offset) => backend.bridge.request('listServices', { tenantId, query: { offset } })),
          );

          expect(refreshCalls(backend.calls)).toHaveLength(1);
          const rejected = backend.calls.filter((call) => call.status === 401);
          const replayed = backend.calls.filter((call) => call.method === 'GET' && call.status === 200);
          // Each request is answered once: after its 401 by its one replay, or directly if it left after the renewal.
          expect(rejected.length).toBeGreaterThanOrEqual(1);
          expect(rejected.length).toBeLessThanOrEqual(count);
          expect(replayed).toHaveLength(count);
        }),
        { numRuns: 4 },
      );
    } finally {
      await backend.dispose();
    }
  }, 40_000);
});
