import { http, HttpResponse } from 'msw';
import type { User } from '../interfaces/user-interface';
import { buildTenant, buildUser } from '../testing/factories';
import { settleAll } from './support/http-abort';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

const ME = `${API}/users/me`;

/** Serves GET /users/me with each of `users` in turn (the last one from then on). */
function serveUsers(...users: User[]): void {
  let served = 0;
  server.use(http.get(ME, () => HttpResponse.json(users[Math.min(served++, users.length - 1)])));
}

/** A started handler whose state holds `user`, with an empty event log. */
async function loadedWith(user: User) {
  serveUsers(user);
  const context = setup();
  await context.bridge.request('loadUser');
  context.log.entries.length = 0;
  return context;
}

describe('user state', () => {
  it('stores the loaded user and emits state:changed with it before loadUser:success', async () => {
    const user = buildUser();
    serveUsers(user);
    const { bridge, handler, log } = setup();
    expect(handler.getState()).toBeNull();

    const loaded = await bridge.request('loadUser', undefined, { requestId: 'req-load' });

    expect(handler.getState()).toEqual(user);
    expect(loaded).toBe(handler.getState());
    expect(log.entries.map(({ event, args }) => [event, args[1]])).toEqual([
      ['loadUser', { requestId: 'req-load', signal: expect.any(AbortSignal) as AbortSignal }],
      ['state:changed', { requestId: 'req-load', name: 'loadUser' }],
      ['loadUser:success', { requestId: 'req-load', name: 'loadUser', durationMs: expect.any(Number) as number }],
    ]);
    expect(log.entries[1]?.args[0]).toBe(handler.getState());
  });

  it('keeps the state object and emits no state:changed when a reload returns an equal tree', async () => {
    const { bridge, handler, log } = await loadedWith(buildUser());
    const before = handler.getState();

    await bridge.request('loadUser');

    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['loadUser', 'loadUser:success']);
  });

  it('keeps the identity of the tenants, organizations and tokens when updateUser changes only the name', async () => {
    const { bridge, handler, log } = await loadedWith(buildUser());
    const before = handler.getState()!;
    server.use(http.patch(ME, () => HttpResponse.json(buildUser({ name: 'Grace' }))));

    await bridge.request('updateUser', { name: 'Grace' });

    const after = handler.getState()!;
    expect(after).not.toBe(before);
    expect(after.name).toBe('Grace');
    expect(after.tenants).toBe(before.tenants);
    expect(after.organizations).toBe(before.organizations);
    expect(after.tokens).toBe(before.tokens);
    expect(log.names()).toEqual(['updateUser', 'state:changed', 'updateUser:success']);
    expect(log.entries[1]?.args[0]).toBe(after);
  });

  it('shares the unchanged items of an array whose other items changed', async () => {
    const acme = buildTenant({ id: 'ten-1', name: 'acme' });
    const globex = buildTenant({ id: 'ten-2', name: 'globex' });
    const { bridge, handler } = await loadedWith(buildUser({ tenants: [acme, globex] }));
    const before = handler.getState()!;
    serveUsers(buildUser({ tenants: [acme, { ...globex, name: 'globex-renamed' }] }));

    await bridge.request('loadUser');

    const after = handler.getState()!;
    expect(after.tenants).not.toBe(before.tenants);
    expect(after.tenants[0]).toBe(before.tenants[0]);
    expect(after.tenants[1]?.name).toBe('globex-renamed');
    expect(after.tenants[1]?.services).toBe(before.tenants[1]?.services);
    expect(after.organizations).toBe(before.organizations);
  });

  it('leaves the state untouched when an update fails', async () => {
    const { bridge, handler, log } = await loadedWith(buildUser());
    const before = handler.getState();
    server.use(http.patch(ME, () => HttpResponse.json({ code: 'CONFLICT', message: 'taken' }, { status: 409 })));

    await expect(bridge.request('updateUser', { email: 'grace@acme.example' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['updateUser', 'updateUser:error']);
  });

  it('emits one success outcome and no error outcome when a success or state:changed listener throws', async () => {
    serveUsers(buildUser());
    const { bridge, log, listenerErrors } = setup();
    const stateFailure = new Error('state listener bug');
    const successFailure = new Error('success listener bug');
    bridge.on('state:changed', () => {
      throw stateFailure;
    });
    bridge.on('loadUser:success', () => {
      throw successFailure;
    });

    const user = await bridge.request('loadUser', undefined, { requestId: 'req-throw' });
    await settleAll();

    expect(user.id).toBe('usr-1');
    expect(log.names()).toEqual(['loadUser', 'state:changed', 'loadUser:success']);
    expect(listenerErrors).toEqual([stateFailure, successFailure]);
  });
});
