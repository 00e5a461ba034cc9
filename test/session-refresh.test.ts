import { createAppSession, createSession, type SessionTokens } from '../api/session';
import { BackendError, isBackendError } from '../errors/backend-error';

const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const tokens = (n: number): SessionTokens => ({
  accessToken: `access-${n}-9f3c1b7e`,
  expiresAt: later(60_000),
  refreshToken: `refresh-${n}-4d2a8c6f`,
});
const unauthorized = () => new BackendError({ code: 'UNAUTHORIZED', message: 'refresh token reused', status: 401 });

function setupSession(renew: (refreshToken: string | undefined) => Promise<SessionTokens>) {
  const calls: Array<string | undefined> = [];
  const expired: Array<{ error: BackendError; requestId: string }> = [];
  const session = createSession({
    refreshTokenDelivery: 'body',
    renew: (refreshToken) => {
      calls.push(refreshToken);
      return renew(refreshToken);
    },
    onExpired: (error, requestId) => expired.push({ error, requestId }),
  });
  return { session, calls, expired };
}

describe('the session kept by the handler', () => {
  it('renews once however many calls meet 401 at the same time, and each gets the new token', async () => {
    const { session, calls, expired } = setupSession(() => Promise.resolve(tokens(2)));
    session.open(tokens(1));

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => session.refresh(tokens(1).accessToken, `req-${i}`)),
    );

    expect(results.every(Boolean)).toBe(true);
    expect(calls).toEqual([tokens(1).refreshToken]);
    expect(session.getAccessToken()).toBe(tokens(2).accessToken);
    expect(expired).toEqual([]);
  });

  it('replays at once, with no renewal, a call whose token is already older than the current one', async () => {
    const { session, calls } = setupSession(() => Promise.resolve(tokens(3)));
    session.open(tokens(2));

    await expect(session.refresh(tokens(1).accessToken, 'req-1')).resolves.toBe(true);
    expect(calls).toEqual([]);
  });

  it('rotates the refresh token: the next renewal sends the one the last renewal returned', async () => {
    let n = 1;
    const { session, calls } = setupSession(() => Promise.resolve(tokens(++n)));
    session.open(tokens(1));

    await session.refresh(tokens(1).accessToken, 'a');
    await session.refresh(tokens(2).accessToken, 'b');

    expect(calls).toEqual([tokens(1).refreshToken, tokens(2).refreshToken]);
  });

  it('ends the session once when the API refuses the refresh token, and every waiting call gets false', async () => {
    const { session, expired } = setupSession(() => Promise.reject(unauthorized()));
    session.open(tokens(1));

    const results = await Promise.all([1, 2, 3].map((i) => session.refresh(tokens(1).accessToken, `req-${i}`)));

    expect(results).toEqual([false, false, false]);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ requestId: 'req-1', error: { code: 'UNAUTHORIZED', retryable: false } });
    expect(expired[0]?.error.message).toContain('could not be renewed');
    expect(session.getAccessToken()).toBeUndefined();
  });

  it('keeps the session when the refresh could not reach the API: a later call may renew it', async () => {
    let reachable = false;
    const { session, expired, calls } = setupSession(() =>
      reachable
        ? Promise.resolve(tokens(2))
        : Promise.reject(new BackendError({ code: 'NETWORK', message: 'ECONNREFUSED' })),
    );
    session.open(tokens(1));

    await expect(session.refresh(tokens(1).accessToken, 'a')).resolves.toBe(false);
    reachable = true;
    await expect(session.refresh(tokens(1).accessToken, 'b')).resolves.toBe(true);

    expect(expired).toEqual([]);
    expect(calls).toEqual([tokens(1).refreshToken, tokens(1).refreshToken]);
  });

  it('makes no call and announces nothing when no session was ever opened (a page without one)', async () => {
    const { session, calls, expired } = setupSession(() => Promise.resolve(tokens(2)));

    await expect(session.refresh(undefined, 'a')).resolves.toBe(false);

    expect(calls).toEqual([]);
    expect(expired).toEqual([]);
  });

  it('restores a session from the cookie after a reload: no token in the page, one renewal', async () => {
    const calls: Array<string | undefined> = [];
    const session = createSession({
      refreshTokenDelivery: 'cookie',
      renew: (refreshToken) => {
        calls.push(refreshToken);
        return Promise.resolve({ accessToken: 'restored-access-7d1e', expiresAt: later(60_000) });
      },
      onExpired: () => {},
    });

    await expect(session.refresh(undefined, 'a')).resolves.toBe(true);

    expect(calls).toEqual([undefined]);
    expect(session.getAccessToken()).toBe('restored-access-7d1e');
  });
});

describe('the session kept by the handler, in races', () => {
  it('drops a renewal that ends after a logout: the logout is never undone', async () => {
    let finish: (tokens: SessionTokens) => void = () => undefined;
    const { session, expired } = setupSession(() => new Promise((resolve) => (finish = resolve)));
    session.open(tokens(1));

    const renewal = session.refresh(tokens(1).accessToken, 'r1');
    await Promise.resolve();
    session.close();
    finish(tokens(2));

    await expect(renewal).resolves.toBe(false);
    expect(session.getAccessToken()).toBeUndefined();
    expect(expired).toEqual([]);
  });

  it('drops a renewal that ends after another login: the new session stays', async () => {
    let finish: (tokens: SessionTokens) => void = () => undefined;
    const { session } = setupSession(() => new Promise((resolve) => (finish = resolve)));
    session.open(tokens(1));

    const renewal = session.refresh(tokens(1).accessToken, 'r1');
    await Promise.resolve();
    session.open(tokens(7));
    finish(tokens(2));

    await expect(renewal).resolves.toBe(false);
    expect(session.getAccessToken()).toBe(tokens(7).accessToken);
  });

  it('makes no more refresh calls once the API refused the refresh token, until the next login', async () => {
    const calls: Array<string | undefined> = [];
    const session = createSession({
      refreshTokenDelivery: 'cookie',
      renew: (refreshToken) => {
        calls.push(refreshToken);
        return Promise.reject(unauthorized());
      },
      onExpired: () => undefined,
    });

    await session.refresh(undefined, 'a');
    await session.refresh(undefined, 'b');
    expect(calls).toHaveLength(1);

    session.open({ accessToken: 'new-access-5e6f7a', expiresAt: later(-1) });
    await session.refresh(undefined, 'c');
    expect(calls).toHaveLength(2);
  });
});

describe('the session of an application with its own auth', () => {
  it('calls auth.refreshAccessToken once for concurrent 401s', async () => {
    let token = 'app-token-1-a8b7c6';
    let refreshes = 0;
    const session = createAppSession({
      getAccessToken: () => token,
      refreshAccessToken: async () => {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        token = 'app-token-2-d4e5f6';
      },
      onExpired: () => {},
    });

    const results = await Promise.all(Array.from({ length: 20 }, () => session.refresh('app-token-1-a8b7c6', 'r')));

    expect(results.every(Boolean)).toBe(true);
    expect(refreshes).toBe(1);
  });

  it('ends the session when refreshAccessToken throws, without repeating a token from its message', async () => {
    const errors: BackendError[] = [];
    const session = createAppSession({
      getAccessToken: () => 'app-token-secret-31337',
      refreshAccessToken: () => {
        throw new Error('cannot refresh app-token-secret-31337 (revoked)');
      },
      onExpired: (error) => errors.push(error),
    });
    await session.getAccessToken();

    await expect(session.refresh('app-token-secret-31337', 'r1')).resolves.toBe(false);

    expect(errors).toHaveLength(1);
    const error = errors[0];
    expect(isBackendError(error) && error.code).toBe('UNAUTHORIZED');
    const texts = [error?.message, JSON.stringify(error), String(error), String(error?.cause)];
    expect(texts.join('\n')).not.toContain('app-token-secret-31337');
    expect(error?.message).toContain('[REDACTED]');
  });

  it('reports false without a renewal when the application gave no refreshAccessToken', async () => {
    const session = createAppSession({ getAccessToken: () => 'app-token-x-123456', onExpired: () => {} });

    await expect(session.refresh('app-token-x-123456', 'r')).resolves.toBe(false);
  });
});
