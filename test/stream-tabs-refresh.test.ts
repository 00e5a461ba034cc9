import { RefreshSessionResponseSchema } from '../api/contract/user-routes';
import type { Transport } from '../api/http/transport';
import type { SessionTokens } from '../api/session';
import { BackendError } from '../errors/backend-error';
import { acrossTabs } from '../api/stream/lock-manager';
import { createHandlerAuth, refreshLockName } from '../handler/auth';
import { demoCredentials } from '../testing';
import { routeRequest } from '../testing/reference-api/raw-client';
import { createFakeLocks, type FakeLocks } from './support/fake-locks';
import { referenceClient } from './support/reference-client';

// Tabs of one browser share the refresh cookie. The reference API rotates it at each refresh and revokes the
// whole session when a rotated one is presented again, as happens when two tabs refresh at the same time.
// Here two handler sessions (two tabs) renew against the reference API through one cookie jar.

const API_BASE = 'https://console.test/api';

/** The reference API and the browser's cookie jar, shared by the tabs. */
async function browser() {
  const client = referenceClient();
  let cookie: string | undefined;
  const keep = (headers: Headers) => {
    const value = /aurora_refresh=([^;]*)/.exec(headers.get('Set-Cookie') ?? '')?.[1];
    if (value !== undefined) cookie = value;
  };
  const login = await client.call('login', { body: demoCredentials });
  keep(login.headers);
  const refreshes: string[] = [];

  // The part of a tab's transport that renews: POST /auth/refresh with the cookie the jar holds right now.
  const transport = {
    send: async (_route: unknown, request: { body: unknown }) => {
      const presented = cookie ?? '';
      refreshes.push(presented);
      const headers = { Cookie: `aurora_refresh=${presented}` };
      const response = await client.api.app.fetch(
        routeRequest(client.api.baseUrl, 'refreshSession', { body: request.body, headers }),
      );
      const body: unknown = await response.json();
      if (response.status !== 200) {
        const reason = (body as { reason?: 'refresh_token_reused' }).reason;
        throw new BackendError({ code: 'UNAUTHORIZED', status: response.status, message: 'refused', reason });
      }
      keep(response.headers);
      return RefreshSessionResponseSchema.parse(body);
    },
  } as unknown as Transport;

  function tab(locks: FakeLocks | undefined) {
    const expired: BackendError[] = [];
    const { session } = createHandlerAuth(
      { refreshTokenDelivery: 'cookie' },
      () => transport,
      (error) => expired.push(error),
      { apiBaseUrl: API_BASE, locks },
    );
    if (session === undefined) throw new Error('the handler keeps no session');
    return { session, expired };
  }

  // Whether the access token `session` holds now is accepted by the API.
  const works = async (session: { getAccessToken: () => unknown }) => {
    const token = await session.getAccessToken();
    return (await client.call('loadUser', typeof token === 'string' ? { token } : {})).status === 200;
  };

  return { tab, works, refreshes, cookie: () => cookie };
}

describe('refreshing the session across tabs', () => {
  it('renews once per tab, one tab after the other, when two tabs restore the session at once: both stay signed in', async () => {
    const { tab, works, refreshes, cookie } = await browser();
    const locks = createFakeLocks();
    const [a, b] = [tab(locks), tab(locks)];

    const results = await Promise.all([a.session.refresh(undefined, 'ra'), b.session.refresh(undefined, 'rb')]);

    expect(results).toEqual([true, true]);
    expect(refreshes).toHaveLength(2);
    expect(refreshes[1]).not.toBe(refreshes[0]);
    expect([a.expired, b.expired]).toEqual([[], []]);
    expect(await works(a.session)).toBe(true);
    expect(await works(b.session)).toBe(true);
    // The family lives on: the next renewal, from either tab, works too.
    const before = cookie();
    await expect(tab(locks).session.refresh(undefined, 'rc')).resolves.toBe(true);
    expect(cookie()).not.toBe(before);
  });

  it('without a cross-tab lock the same two renewals present one cookie twice, and the API revokes the session', async () => {
    const { tab, works, refreshes } = await browser();
    const [a, b] = [tab(undefined), tab(undefined)];

    const results = await Promise.all([a.session.refresh(undefined, 'ra'), b.session.refresh(undefined, 'rb')]);

    expect(results).toEqual([true, false]);
    expect(refreshes[1]).toBe(refreshes[0]);
    expect(await works(a.session)).toBe(false);
  });

  it('does not renew when a login in the tab replaced the token while it waited for the other tab', async () => {
    const { tab, refreshes } = await browser();
    const locks = createFakeLocks();
    let release: () => void = () => undefined;
    const otherTab = locks.request(refreshLockName(API_BASE), {}, () => new Promise<void>((r) => (release = r)));
    const a = tab(locks);
    await Promise.resolve();

    const renewal = a.session.refresh(undefined, 'ra');
    await new Promise((resolve) => setImmediate(resolve));
    const login: SessionTokens = {
      accessToken: 'login-access-6c1d',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    };
    a.session.open(login);
    release();
    await otherTab;

    await expect(renewal).resolves.toBe(true);
    expect(refreshes).toEqual([]);
    expect(a.session.getAccessToken()).toBe('login-access-6c1d');
  });

  it('takes no lock with the refresh token in memory (delivery body): each tab has its own', async () => {
    const locks = createFakeLocks();
    const send = jest.fn().mockResolvedValue({
      session: { accessToken: 'a-2', expiresAt: new Date(Date.now() + 60_000).toISOString(), refreshToken: 'r-2' },
    });
    const { session } = createHandlerAuth(
      { refreshTokenDelivery: 'body' },
      () => ({ send }),
      () => undefined,
      { apiBaseUrl: API_BASE, locks },
    );
    session?.open({ accessToken: 'a-1', expiresAt: new Date(Date.now() + 60_000).toISOString(), refreshToken: 'r-1' });

    await expect(session?.refresh('a-1', 'r')).resolves.toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
    expect(locks.grants).toBe(0);
  });

  it('renews without the lock where the platform refuses it, and once only when the renewal itself fails', async () => {
    const refusing = { request: () => Promise.reject(new DOMException('Access denied', 'SecurityError')) };
    const task = jest.fn().mockResolvedValue(true);
    await expect(acrossTabs(refusing, 'aurora-refresh:x')(task)).resolves.toBe(true);
    expect(task).toHaveBeenCalledTimes(1);

    const failing = jest.fn().mockRejectedValue(new Error('offline'));
    await expect(acrossTabs(createFakeLocks(), 'aurora-refresh:x')(failing)).rejects.toThrow('offline');
    expect(failing).toHaveBeenCalledTimes(1);
  });
});
