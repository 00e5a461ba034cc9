import { http } from 'msw';
import { setupServer } from 'msw/node';
import axios from 'axios';
import { ErrorBodySchema } from '../api/contract/error-body';
import { LoginResponseSchema, RefreshSessionResponseSchema } from '../api/contract/user-routes';
import { createReferenceApi, demoCredentials, startReferenceServer, viewerCredentials } from '../testing';
import { referenceHandlers } from '../testing/msw';
import { rawClient } from '../testing/reference-api/raw-client';
import { referenceClient } from './support/reference-client';

// Sessions of the reference API: a short-lived access token and a rotating, single-use refresh token, handed
// out in an httpOnly cookie (browsers) or in the body (Node clients).

afterEach(() => {
  jest.useRealTimers();
});

const cookieOf = (headers: Headers): string | null => headers.get('Set-Cookie');
const refreshCookieValue = (headers: Headers): string | undefined =>
  /aurora_refresh=([^;]*)/.exec(cookieOf(headers) ?? '')?.[1];

async function bodySession(client: ReturnType<typeof referenceClient>, credentials = demoCredentials) {
  const login = await client.call('login', { body: { ...credentials, refreshTokenDelivery: 'body' } });
  const { session } = LoginResponseSchema.parse(login.body);
  if (session.refreshToken === undefined) throw new Error('login with delivery body gave no refresh token');
  return { accessToken: session.accessToken, refreshToken: session.refreshToken, headers: login.headers };
}

describe('reference API session refresh', () => {
  it('login by default sets the refresh token as an httpOnly, SameSite=Strict cookie on <basePath>/auth, not in the body', async () => {
    const client = referenceClient();
    const login = await client.call('login', { body: demoCredentials });
    expect(login.status).toBe(200);
    expect(LoginResponseSchema.parse(login.body).session.refreshToken).toBeUndefined();
    expect(cookieOf(login.headers)).toMatch(
      /^aurora_refresh=rt_\w+; Path=\/api\/auth; HttpOnly; SameSite=Strict; Max-Age=604800$/,
    );
  });

  it('the cookie is Secure when the API is served over https', async () => {
    const api = createReferenceApi({ baseUrl: 'https://aurora.test/v1' });
    const { call } = rawClient((request) => api.app.fetch(request), api.baseUrl);
    const login = await call('login', { body: demoCredentials });
    expect(cookieOf(login.headers)).toMatch(/; Path=\/v1\/auth; HttpOnly; SameSite=Strict; Max-Age=604800; Secure$/);
  });

  it('with delivery body, login answers the refresh token in the body and sets no cookie', async () => {
    const { refreshToken, headers } = await bodySession(referenceClient());
    expect(refreshToken).toMatch(/^rt_\w+$/);
    expect(cookieOf(headers)).toBeNull();
  });

  it('a refresh answers a new access token and a new refresh token, and the new access token works', async () => {
    const client = referenceClient();
    const first = await bodySession(client);
    const refreshed = await client.call('refreshSession', { body: { refreshToken: first.refreshToken } });
    expect(refreshed.status).toBe(200);
    const { session } = RefreshSessionResponseSchema.parse(refreshed.body);
    expect(session.accessToken).not.toBe(first.accessToken);
    expect(session.refreshToken).toMatch(/^rt_\w+$/);
    expect(session.refreshToken).not.toBe(first.refreshToken);
    expect(cookieOf(refreshed.headers)).toBeNull();
    expect((await client.call('loadUser', { token: session.accessToken })).status).toBe(200);
    expect((await client.call('loadUser', { token: first.accessToken })).status).toBe(200);
  });

  it('a refresh token from the cookie is rotated into a new cookie', async () => {
    const client = referenceClient();
    const login = await client.call('login', { body: demoCredentials });
    const first = refreshCookieValue(login.headers);
    const refreshed = await client.call('refreshSession', {
      body: {},
      headers: { Cookie: `theme=dark; aurora_refresh=${String(first)}` },
    });
    expect(refreshed.status).toBe(200);
    expect(RefreshSessionResponseSchema.parse(refreshed.body).session.refreshToken).toBeUndefined();
    const next = refreshCookieValue(refreshed.headers);
    expect(next).toMatch(/^rt_\w+$/);
    expect(next).not.toBe(first);
  });

  it('refreshTokenDelivery overrides where the next refresh token goes', async () => {
    const client = referenceClient();
    const { refreshToken } = await bodySession(client);
    const refreshed = await client.call('refreshSession', { body: { refreshToken, refreshTokenDelivery: 'cookie' } });
    expect(RefreshSessionResponseSchema.parse(refreshed.body).session.refreshToken).toBeUndefined();
    expect(refreshCookieValue(refreshed.headers)).toMatch(/^rt_\w+$/);
  });

  it('a reused refresh token revokes its whole family (access and refresh tokens) with 401 refresh_token_reused', async () => {
    const client = referenceClient();
    const first = await bodySession(client);
    const other = await bodySession(client);
    const second = RefreshSessionResponseSchema.parse(
      (await client.call('refreshSession', { body: { refreshToken: first.refreshToken } })).body,
    ).session;

    const reused = await client.call('refreshSession', { body: { refreshToken: first.refreshToken } });

    expect(reused.status).toBe(401);
    expect(ErrorBodySchema.parse(reused.body)).toMatchObject({ code: 'UNAUTHORIZED', reason: 'refresh_token_reused' });
    expect((await client.call('loadUser', { token: first.accessToken })).status).toBe(401);
    expect((await client.call('loadUser', { token: second.accessToken })).status).toBe(401);
    const next = await client.call('refreshSession', { body: { refreshToken: second.refreshToken } });
    expect(next).toMatchObject({ status: 401, body: { reason: 'token_revoked' } });
    // Another sign-in of the same user is another family: it goes on.
    expect((await client.call('loadUser', { token: other.accessToken })).status).toBe(200);
  });

  it('no refresh token is 401 missing_token, and an unknown one 401 token_revoked', async () => {
    const client = referenceClient();
    expect(await client.call('refreshSession', { body: {} })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED', reason: 'missing_token' },
    });
    expect(await client.call('refreshSession', { body: { refreshToken: 'rt_forged' } })).toMatchObject({
      status: 401,
      body: { reason: 'token_revoked' },
    });
    expect((await client.call('refreshSession', { body: { refreshToken: 'x', extra: 1 } })).status).toBe(400);
  });

  it('access tokens expire after accessTokenTtlMs; a refresh brings a working one', async () => {
    jest.useFakeTimers({ now: new Date('2026-04-01T10:00:00Z') });
    const client = referenceClient({ accessTokenTtlMs: 1_000 });
    const first = await bodySession(client);
    jest.advanceTimersByTime(1_000);
    const expired = await client.call('loadUser', { token: first.accessToken });
    expect(expired).toMatchObject({ status: 401, body: { reason: 'session_expired' } });

    const refreshed = await client.call('refreshSession', { body: { refreshToken: first.refreshToken } });
    const { session } = RefreshSessionResponseSchema.parse(refreshed.body);
    expect(session.expiresAt).toBe('2026-04-01T10:00:02.000Z');
    expect((await client.call('loadUser', { token: session.accessToken })).status).toBe(200);
  });

  it('a refresh token expires after refreshTokenTtlMs: 401 session_expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-04-01T10:00:00Z') });
    const client = referenceClient({ accessTokenTtlMs: 1_000, refreshTokenTtlMs: 60_000 });
    const { refreshToken } = await bodySession(client);
    jest.advanceTimersByTime(60_000);
    expect(await client.call('refreshSession', { body: { refreshToken } })).toMatchObject({
      status: 401,
      body: { reason: 'session_expired' },
    });
  });

  it('an injected expiredSession ends the access token only: a refresh brings a working one', async () => {
    const client = referenceClient();
    const { accessToken, refreshToken } = await bodySession(client);
    client.api.inject('loadUser', { expiredSession: true, times: 1 });
    expect(await client.call('loadUser', { token: accessToken })).toMatchObject({
      status: 401,
      body: { reason: 'session_expired' },
    });
    expect((await client.call('loadUser', { token: accessToken })).status).toBe(401);
    const refreshed = await client.call('refreshSession', { body: { refreshToken } });
    const { session } = RefreshSessionResponseSchema.parse(refreshed.body);
    expect((await client.call('loadUser', { token: session.accessToken })).status).toBe(200);
  });

  it('logout revokes the family of its access token and clears the cookie', async () => {
    const client = referenceClient();
    const { accessToken, refreshToken } = await bodySession(client);
    const logout = await client.call('logout', { token: accessToken });
    expect(logout.status).toBe(204);
    expect(cookieOf(logout.headers)).toBe('aurora_refresh=; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=0');
    expect(await client.call('refreshSession', { body: { refreshToken } })).toMatchObject({
      status: 401,
      body: { reason: 'token_revoked' },
    });
  });

  it('changePassword ends the refresh tokens of other sign-ins; deleteUser ends all', async () => {
    const client = referenceClient();
    const current = await bodySession(client);
    const other = await bodySession(client);
    await client.call('changePassword', {
      token: current.accessToken,
      body: { currentPassword: demoCredentials.password, newPassword: 'brand-new-pass-1' },
    });
    expect((await client.call('refreshSession', { body: { refreshToken: other.refreshToken } })).status).toBe(401);
    expect((await client.call('refreshSession', { body: { refreshToken: current.refreshToken } })).status).toBe(200);

    const viewer = await bodySession(client, viewerCredentials);
    expect((await client.call('deleteUser', { token: viewer.accessToken })).status).toBe(204);
    expect((await client.call('refreshSession', { body: { refreshToken: viewer.refreshToken } })).status).toBe(401);
  });

  it('CORS lets browsers send Idempotency-Key and read Idempotent-Replayed and Retry-After', async () => {
    const api = createReferenceApi();
    const preflight = await api.app.fetch(
      new Request(`${api.baseUrl}/auth/refresh`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://app.test',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'idempotency-key',
        },
      }),
    );
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('Idempotency-Key');
    const login = await api.app.fetch(
      new Request(`${api.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { Origin: 'http://app.test', 'Content-Type': 'application/json' },
        body: JSON.stringify(demoCredentials),
      }),
    );
    expect(login.headers.get('Access-Control-Expose-Headers')).toBe(
      'X-Request-Id,Idempotent-Replayed,Retry-After,Last-Event-ID',
    );
  });
});

describe('reference API session refresh over HTTP', () => {
  it('a real server sets the cookie, and a refresh with the Cookie header rotates it', async () => {
    const server = await startReferenceServer({ port: 0 });
    try {
      const login = await axios.post(`${server.url}/auth/login`, demoCredentials);
      const [setCookie] = login.headers['set-cookie'] ?? [];
      expect(setCookie).toMatch(/^aurora_refresh=rt_\w+; Path=\/api\/auth; HttpOnly; SameSite=Strict; Max-Age=604800$/);
      const cookie = String(setCookie).split(';')[0] ?? '';
      const refreshed = await axios.post(`${server.url}/auth/refresh`, {}, { headers: { Cookie: cookie } });
      expect(refreshed.status).toBe(200);
      expect(refreshed.headers['set-cookie']?.[0]).not.toContain(cookie);
    } finally {
      await server.close();
    }
  });

  it('under msw on Node the Set-Cookie header reaches the client, which must send the cookie back itself', async () => {
    const api = createReferenceApi({ baseUrl: 'http://aurora.msw.test/api' });
    const msw = setupServer(
      ...referenceHandlers(api),
      http.all('*', () => undefined),
    );
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const login = await axios.post(`${api.baseUrl}/auth/login`, demoCredentials);
      const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0] ?? '';
      expect(cookie).toMatch(/^aurora_refresh=rt_\w+$/);
      // No cookie jar on Node: without the Cookie header the API sees no refresh token.
      await expect(axios.post(`${api.baseUrl}/auth/refresh`, {})).rejects.toMatchObject({
        response: { status: 401, data: { reason: 'missing_token' } },
      });
      const refreshed = await axios.post(`${api.baseUrl}/auth/refresh`, {}, { headers: { Cookie: cookie } });
      expect(refreshed.status).toBe(200);
    } finally {
      msw.close();
    }
  });
});
