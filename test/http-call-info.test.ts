import { http, HttpResponse } from 'msw';
import type { HttpCallInfo } from '../api/http/transport';
import { buildUser } from '../testing/factories';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

describe('onHttpCall', () => {
  it('reports each HTTP call with its request id, method, path, status and duration', async () => {
    server.use(
      http.get(`${API}/users/me`, () => HttpResponse.json(buildUser())),
      http.patch(`${API}/users/me`, () =>
        HttpResponse.json({ code: 'CONFLICT', message: 'Email taken' }, { status: 409 }),
      ),
    );
    const calls: HttpCallInfo[] = [];
    const { bridge } = setup({ onHttpCall: (call) => calls.push(call) });

    await bridge.request('loadUser', undefined, { requestId: 'load-1' });
    await bridge
      .request('updateUser', { email: 'taken@acme.example' }, { requestId: 'update-1' })
      .catch(() => undefined);

    expect(calls.map(({ durationMs, ...call }) => ({ ...call, timed: durationMs >= 0 }))).toEqual([
      {
        requestId: 'load-1',
        method: 'GET',
        path: '/users/me',
        status: 200,
        errorCode: undefined,
        attempt: 1,
        timed: true,
      },
      {
        requestId: 'update-1',
        method: 'PATCH',
        path: '/users/me',
        status: 409,
        errorCode: 'CONFLICT',
        attempt: 1,
        timed: true,
      },
    ]);
  });

  it('reports nothing for a request refused before sending', async () => {
    const calls: HttpCallInfo[] = [];
    const { bridge } = setup({ onHttpCall: (call) => calls.push(call) });

    await bridge.request('deleteToken', { tokenId: '..' }).catch(() => undefined);
    await bridge.request('updateUser', { email: 'nope' }).catch(() => undefined);

    expect(calls).toEqual([]);
  });

  it('keeps the outcome of a call whose onHttpCall callback throws', async () => {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(buildUser())));
    const { bridge, log } = setup({
      onHttpCall: () => {
        throw new Error('devtools broke');
      },
    });

    await expect(bridge.request('loadUser')).resolves.toMatchObject({ id: 'usr-1' });
    expect(log.names()).toEqual(['loadUser', 'state:changed', 'loadUser:success']);
  });
});
