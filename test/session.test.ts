import { http, HttpResponse } from 'msw';
import { buildUser } from '../testing/factories';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

const ACCESS_TOKEN = 'session-token-0c9f3e7a1b';
const PASSWORD = 'correct-horse-battery';

/** A handler without auth.getAccessToken, against an API that issues and checks one session token. */
function setupSession(expiresAt = '2999-01-01T00:00:00Z') {
  const seenAuthorization: Array<string | null> = [];
  server.use(
    http.post(`${API}/auth/login`, async ({ request }) => {
      const body = (await request.json()) as { password: string };
      if (body.password !== PASSWORD) {
        return HttpResponse.json({ code: 'UNAUTHORIZED', message: 'Wrong email or password' }, { status: 401 });
      }
      return HttpResponse.json({ user: buildUser(), session: { accessToken: ACCESS_TOKEN, expiresAt } });
    }),
    http.get(`${API}/users/me`, ({ request }) => {
      seenAuthorization.push(request.headers.get('authorization'));
      return request.headers.get('authorization') === `Bearer ${ACCESS_TOKEN}`
        ? HttpResponse.json(buildUser())
        : HttpResponse.json({ code: 'UNAUTHORIZED', message: 'Sign in first' }, { status: 401 });
    }),
    http.post(`${API}/auth/logout`, () => new HttpResponse(null, { status: 204 })),
  );
  return { ...setup({ auth: {} }), seenAuthorization };
}

describe('session kept by the handler', () => {
  it('signs in, attaches the session token to later calls, and forgets it on logout', async () => {
    const { bridge, handler, seenAuthorization } = setupSession();

    const user = await bridge.request('login', { email: 'ada@acme.example', password: PASSWORD });
    await bridge.request('loadUser');
    await bridge.request('logout');
    const afterLogout = await bridge.request('loadUser').catch((error: unknown) => error);

    expect(user.id).toBe('usr-1');
    expect(seenAuthorization).toEqual([`Bearer ${ACCESS_TOKEN}`, null]);
    expect(afterLogout).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(handler.getState()).toBeNull();
  });

  it('never puts the password or the session token in an event', async () => {
    const { bridge, log } = setupSession();

    await bridge.request('login', { email: 'ada@acme.example', password: PASSWORD });
    await bridge.request('loadUser');
    const outcomes = log.entries.filter(({ event }) => event !== 'login');

    expect(JSON.stringify(outcomes)).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify(outcomes)).not.toContain(PASSWORD);
  });

  it('answers a wrong password with UNAUTHORIZED and keeps no session', async () => {
    const { bridge, seenAuthorization } = setupSession();

    const error = await bridge
      .request('login', { email: 'ada@acme.example', password: 'wrong-password' })
      .catch((e: unknown) => e);
    await bridge.request('loadUser').catch(() => undefined);

    expect(error).toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('Wrong email or password') as string,
    });
    expect(seenAuthorization).toEqual([null]);
  });

  it('drops an expired session token instead of sending it', async () => {
    const { bridge, seenAuthorization } = setupSession('2000-01-01T00:00:00Z');

    await bridge.request('login', { email: 'ada@acme.example', password: PASSWORD });
    await bridge.request('loadUser').catch(() => undefined);

    expect(seenAuthorization).toEqual([null]);
  });
});
