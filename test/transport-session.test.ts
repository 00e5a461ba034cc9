import { http, HttpResponse } from 'msw';
import { userRoutes } from '../api/contract/user-routes';
import { isBackendError } from '../errors/backend-error';
import { buildUser } from '../testing/factories';
import { API, server, useMockApi } from './support/setup';
import { rejectionOf, transportUnderTest } from './support/transport';

useMockApi();

const ME = `${API}/users/me`;
const OLD = 'old-token-1a2b3c4d';
const NEW = 'new-token-5e6f7a8b';

/** The API accepts only NEW; it records the Authorization header of every request, in order. */
function acceptOnly(token: string) {
  const sent: Array<string | null> = [];
  const answer = ({ request }: { request: Request }) => {
    const authorization = request.headers.get('Authorization');
    sent.push(authorization);
    if (authorization !== `Bearer ${token}`) {
      return HttpResponse.json(
        { code: 'UNAUTHORIZED', message: 'expired', reason: 'session_expired' },
        { status: 401 },
      );
    }
    return HttpResponse.json(buildUser());
  };
  server.use(
    http.get(ME, answer),
    http.patch(ME, answer),
    http.post(`${API}/auth/login`, answer),
    http.post(`${API}/auth/logout`, answer),
  );
  return sent;
}

/** A session whose token is OLD until `refresh` is called; refresh answers `outcome`. */
function session(outcome: boolean | Error = true) {
  let current = OLD;
  const refreshed: Array<string | undefined> = [];
  return {
    refreshed,
    session: {
      getAccessToken: () => current,
      refresh: (rejected: string | undefined) => {
        refreshed.push(rejected);
        if (outcome instanceof Error) return Promise.reject(outcome);
        if (outcome) current = NEW;
        return Promise.resolve(outcome);
      },
    },
  };
}

describe('a 401 refreshes the session', () => {
  it('refreshes with the rejected token, then replays the call once with the new token', async () => {
    const sent = acceptOnly(NEW);
    const { session: auth, refreshed } = session(true);
    const { transport, attempts } = transportUnderTest({ session: auth });

    await expect(transport.send(userRoutes.loadUser, {}, { requestId: 'req-1' })).resolves.toMatchObject({
      id: 'usr-1',
    });

    expect(refreshed).toEqual([OLD]);
    expect(sent).toEqual([`Bearer ${OLD}`, `Bearer ${NEW}`]);
    expect(attempts.map(({ attempt, status, retryInMs }) => [attempt, status, retryInMs])).toEqual([
      [1, 401, undefined],
      [2, 200, undefined],
    ]);
  });

  it('lets the 401 stand when the refresh answers false', async () => {
    const sent = acceptOnly(NEW);
    const { session: auth, refreshed } = session(false);
    const { transport } = transportUnderTest({ session: auth });

    const error = await rejectionOf(transport.send(userRoutes.loadUser, {}, { requestId: 'req-1' }));

    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, requestId: 'req-1' });
    expect(refreshed).toEqual([OLD]);
    expect(sent).toHaveLength(1);
  });

  it('replays once only: a second 401 after the refresh is the answer', async () => {
    const sent = acceptOnly('a-token-nobody-has');
    const { session: auth, refreshed } = session(true);
    const { transport } = transportUnderTest({ session: auth });

    const error = await rejectionOf(transport.send(userRoutes.loadUser, {}, { requestId: 'req-1' }));

    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(refreshed).toEqual([OLD]);
    expect(sent).toEqual([`Bearer ${OLD}`, `Bearer ${NEW}`]);
  });

  it('does not count the replay as a retry', async () => {
    acceptOnly(NEW);
    const { session: auth } = session(true);
    const { transport } = transportUnderTest({ session: auth });

    await expect(transport.send(userRoutes.loadUser, {}, { requestId: 'req-1', retry: false })).resolves.toBeDefined();
  });

  it("never refreshes for a route that authenticates by itself (login) nor for one marked 'no-refresh', and sends login no token", async () => {
    const sent = acceptOnly(NEW);
    const { session: auth, refreshed } = session(true);
    const { transport } = transportUnderTest({ session: auth });

    const login = await rejectionOf(
      transport.send(
        userRoutes.login,
        { body: { email: 'ada@acme.example', password: 'hunter22' } },
        { requestId: 'in' },
      ),
    );
    const noRefresh = { ...userRoutes.logout, auth: 'no-refresh' } as const;
    const logout = await rejectionOf(transport.send(noRefresh, {}, { requestId: 'out' }));

    expect([login, logout]).toMatchObject([{ status: 401 }, { status: 401 }]);
    expect(refreshed).toEqual([]);
    expect(sent).toEqual([null, `Bearer ${OLD}`]);
  });

  it('asks each of 50 concurrent calls that meet a 401 to refresh, and replays each once', async () => {
    const sent = acceptOnly(NEW);
    const { session: auth, refreshed } = session(true);
    const { transport } = transportUnderTest({ session: auth });

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        transport.send(userRoutes.updateUser, { body: { name: `Ada ${index}` } }, { requestId: `req-${index}` }),
      ),
    );

    expect(results).toHaveLength(50);
    expect(refreshed).toEqual(Array<string>(50).fill(OLD));
    expect(sent.filter((header) => header === `Bearer ${OLD}`)).toHaveLength(50);
    expect(sent.filter((header) => header === `Bearer ${NEW}`)).toHaveLength(50);
  });

  it('reports a refresh that throws as UNAUTHORIZED without the tokens it held', async () => {
    acceptOnly(NEW);
    const thrown = new Error(`refresh of ${OLD} failed: server said refresh_token=rt-9z8y7x6w5v`);
    const { session: auth } = session(thrown);
    const { transport } = transportUnderTest({ session: auth });

    const error = await rejectionOf(transport.send(userRoutes.loadUser, {}, { requestId: 'req-1' }));

    if (!isBackendError(error)) throw error;
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', requestId: 'req-1' });
    expect(error.message).toContain('refreshing the session failed');
    expect(error.cause).not.toBe(thrown);
    const texts = [
      error.message,
      String(error),
      JSON.stringify(error),
      String(error.cause),
      (error.cause as Error).stack,
    ];
    expect(texts.filter((text) => text?.includes(OLD) || text?.includes('rt-9z8y7x6w5v'))).toEqual([]);
  });
});

describe('a failing token provider', () => {
  it('never carries a token it returned before in the message or the cause', async () => {
    server.use(http.get(ME, () => HttpResponse.json(buildUser())));
    let calls = 0;
    const { transport } = transportUnderTest({
      session: {
        getAccessToken: () => {
          calls++;
          if (calls === 1) return 'plain-token-0a9b8c7d';
          throw new TypeError('cannot renew plain-token-0a9b8c7d from storage');
        },
      },
    });
    await transport.send(userRoutes.loadUser, {}, { requestId: 'first' });

    const error = await rejectionOf(transport.send(userRoutes.loadUser, {}, { requestId: 'second' }));

    if (!isBackendError(error)) throw error;
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', requestId: 'second' });
    expect(error.message).toContain('auth.getAccessToken failed (cannot renew [REDACTED] from storage)');
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).name).toBe('TypeError');
    expect([String(error.cause), (error.cause as Error).stack, error.message].join(' ')).not.toContain('plain-token');
  });
});
