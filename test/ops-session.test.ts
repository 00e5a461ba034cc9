import { demoCredentials, labsOwnerCredentials } from '../testing';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

describe('login', () => {
  it('signs the demo user in: the success payload is the whole tree they can see, and it becomes the state', async () => {
    const { bridge, handler, log, httpCalls } = setupReference();

    const user = await bridge.request('login', { ...demoCredentials }, { requestId: 'login-1' });

    expect(user).toMatchObject({ id: 'usr-1', email: demoCredentials.email, name: 'Alex', axebowPlan: 'premium' });
    expect(user.tenants.map(({ id, name, role }) => ({ id, name, role }))).toEqual([
      { id: 'ten-1', name: 'northwind-prod', role: 'owner' },
      { id: 'ten-2', name: 'northwind-labs', role: 'admin' },
    ]);
    expect(user.organizations.map(({ id }) => id)).toEqual(['org-1']);
    expect(user.tokens.map(({ id }) => id)).toEqual(['tok-1']);
    expect(handler.getState()).toEqual(user);
    expect(log.names()).toEqual(['login', 'state:changed', 'login:success']);
    expect(log.entries[1]?.args).toEqual([handler.getState(), { requestId: 'login-1', name: 'login' }]);
    expect(log.entries[2]?.args[1]).toMatchObject({ requestId: 'login-1', name: 'login' });
    expect(httpCalls).toEqual(['POST /api/auth/login']);
  });

  it('never puts the password in an event after the request event', async () => {
    const { bridge, log } = setupReference();

    await bridge.request('login', { ...demoCredentials });

    expect(log.names()[0]).toBe('login');
    expect(JSON.stringify(log.entries.slice(1))).not.toContain(demoCredentials.password);
  });

  it('refuses a wrong password with UNAUTHORIZED (401) and stays signed out', async () => {
    const { bridge, handler, log, expectError } = setupReference();

    const error = await expectError(
      bridge.request('login', { email: demoCredentials.email, password: 'not-the-password' }),
    );
    const later = await expectError(bridge.request('loadUser'));

    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, method: 'POST', path: '/auth/login' });
    expect(error.message).toContain('Email or password is wrong');
    expect(later).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(handler.getState()).toBeNull();
    expect(log.names()).toEqual(['login', 'login:error', 'loadUser', 'loadUser:error']);
  });

  it('refuses a malformed email with VALIDATION before any HTTP call', async () => {
    const { bridge, handler, httpCalls, expectError } = setupReference();

    const error = await expectError(bridge.request('login', { email: 'not-an-email', password: 'whatever' }));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['email']);
    expect(httpCalls).toEqual([]);
    expect(handler.getState()).toBeNull();
  });
});

describe('logout', () => {
  it('ends the session: the state becomes null and a later call is refused with 401', async () => {
    const { api, bridge, handler, log, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    await expect(bridge.request('logout', undefined, { requestId: 'logout-1' })).resolves.toBeUndefined();
    const later = await expectError(bridge.request('loadUser'));

    expect(handler.getState()).toBeNull();
    expect(api.store.sessions.size).toBe(0);
    expect(later).toMatchObject({ code: 'UNAUTHORIZED', status: 401, path: '/users/me' });
    expect(log.names()).toEqual(['logout', 'state:changed', 'logout:success', 'loadUser', 'loadUser:error']);
    expect(log.entries[1]?.args).toEqual([null, { requestId: 'logout-1', name: 'logout' }]);
    expect(httpCalls).toEqual(['POST /api/auth/logout', 'GET /api/users/me']);
  });

  it('without a session succeeds: the API holds no session for the caller, so they are signed out', async () => {
    const { bridge, handler, log } = setupReference();

    await expect(bridge.request('logout')).resolves.toBeUndefined();

    expect(handler.getState()).toBeNull();
    expect(log.names()).toEqual(['logout', 'logout:success']);
  });
});

describe('loadUser', () => {
  it('reloads the tree: changes made elsewhere show up, unchanged branches keep their identity', async () => {
    const demo = setupReference();
    await demo.signIn();
    const before = demo.handler.getState()!;
    const sam = setupReference();
    await sam.signIn(labsOwnerCredentials);
    await sam.bridge.request('updateTenant', { tenantId: 'ten-2', name: 'northwind-research' });

    const user = await demo.bridge.request('loadUser');

    const after = demo.handler.getState()!;
    expect(user.tenants.map(({ name }) => name)).toEqual(['northwind-prod', 'northwind-research']);
    expect(after).toEqual(user);
    expect(after.tenants[0]).toBe(before.tenants[0]);
    expect(after.organizations).toBe(before.organizations);
    expect(after.tenants[1]).not.toBe(before.tenants[1]);
    expect(demo.log.names()).toEqual(['loadUser', 'state:changed', 'loadUser:success']);
  });

  it('leaves the state untouched and emits no state:changed when nothing changed', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState();

    await bridge.request('loadUser');

    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['loadUser', 'loadUser:success']);
  });

  it('without a session is refused with UNAUTHORIZED (401)', async () => {
    const { bridge, handler, log, expectError } = setupReference();

    const error = await expectError(bridge.request('loadUser'));

    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, method: 'GET', path: '/users/me' });
    expect(handler.getState()).toBeNull();
    expect(log.names()).toEqual(['loadUser', 'loadUser:error']);
  });
});
