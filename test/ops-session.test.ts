import { demoCredentials, freemiumCredentials, labsOwnerCredentials, viewerCredentials } from '../testing';
import type { LoggedEvent } from './support/setup';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

const NEW_PASSWORD = 'a-brand-new-passphrase-2026';

/** The payloads of every `state:changed` in `entries`. */
const statePayloads = (entries: readonly LoggedEvent[]): unknown[] =>
  entries.filter(({ event }) => event === 'state:changed').map(({ args }) => args[0]);

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
    expect(log.entries[1]?.args).toEqual([handler.getState(), { requestId: 'login-1', operation: 'login' }]);
    expect(log.entries[2]?.args[1]).toMatchObject({ requestId: 'login-1', operation: 'login' });
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
    expect(log.entries[1]?.args).toEqual([null, { requestId: 'logout-1', operation: 'logout' }]);
    expect(httpCalls).toEqual(['POST /api/auth/logout', 'GET /api/users/me']);
  });

  it('without a session is refused with UNAUTHORIZED (401) and the state stays null', async () => {
    const { bridge, handler, log, expectError } = setupReference();

    const error = await expectError(bridge.request('logout'));

    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(handler.getState()).toBeNull();
    expect(log.names()).toEqual(['logout', 'logout:error']);
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

describe('updateUser', () => {
  it('changes profile fields: the state follows and the unchanged tenants keep their identity', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState()!;

    const user = await bridge.request('updateUser', {
      name: 'Alexandra',
      companyName: 'Northwind Group',
      notificationsEnabled: false,
    });

    expect(user).toMatchObject({
      id: 'usr-1',
      name: 'Alexandra',
      surname: 'Morgan',
      companyName: 'Northwind Group',
      notificationsEnabled: false,
    });
    expect(handler.getState()).toEqual(user);
    expect(handler.getState()!.tenants).toBe(before.tenants);
    expect(log.names()).toEqual(['updateUser', 'state:changed', 'updateUser:success']);
  });

  it('refuses an email another user already has with CONFLICT (409), keeping the state', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('updateUser', { email: viewerCredentials.email }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'PATCH', path: '/users/me' });
    expect(error.message).toContain('already registered');
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['updateUser', 'updateUser:error']);
  });

  it('refuses an empty change or an unknown field with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const empty = await expectError(bridge.request('updateUser', {}));
    const unknown = await expectError(bridge.request('updateUser', { role: 'admin' } as never));

    expect(empty.code).toBe('VALIDATION');
    expect(empty.message).toContain('Give at least one field to change');
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.details).toContainEqual({ path: 'role', message: '"role" is not a known field' });
    expect(httpCalls).toEqual([]);
  });
});

describe('changePassword', () => {
  it('with the right current password: the new one signs in, the old one no longer does, this session goes on', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState();

    const result = await bridge.request('changePassword', {
      currentPassword: demoCredentials.password,
      newPassword: NEW_PASSWORD,
    });
    const stateAfterChange = handler.getState();
    const reloaded = await bridge.request('loadUser');

    expect(result).toBeUndefined();
    expect(stateAfterChange).toBe(before);
    expect(reloaded.id).toBe('usr-1');
    expect(log.names()).toEqual([
      'changePassword',
      'changePassword:success',
      'loadUser',
      'state:changed',
      'loadUser:success',
    ]);
    expect(JSON.stringify(log.entries.slice(1))).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(log.entries.slice(1))).not.toContain(demoCredentials.password);

    const other = setupReference();
    const oldOne = await other.expectError(other.bridge.request('login', { ...demoCredentials }));
    const newOne = await other.bridge.request('login', { email: demoCredentials.email, password: NEW_PASSWORD });
    expect(oldOne).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(newOne.id).toBe('usr-1');
  });

  it('refuses a wrong current password with VALIDATION (400) whose detail names currentPassword', async () => {
    const { bridge, log, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('changePassword', { currentPassword: 'not-the-password', newPassword: NEW_PASSWORD }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400, method: 'PUT', path: '/users/me/password' });
    expect(error.details).toEqual([{ path: 'currentPassword', message: 'does not match the current password' }]);
    expect(log.names()).toEqual(['changePassword', 'changePassword:error']);
    const other = setupReference();
    await expect(other.bridge.request('login', { ...demoCredentials })).resolves.toMatchObject({ id: 'usr-1' });
  });

  it('refuses a new password equal to the current one, or too short, with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const same = await expectError(
      bridge.request('changePassword', {
        currentPassword: demoCredentials.password,
        newPassword: demoCredentials.password,
      }),
    );
    const short = await expectError(
      bridge.request('changePassword', { currentPassword: demoCredentials.password, newPassword: 'short' }),
    );

    expect(same.details).toEqual([{ path: 'newPassword', message: 'must differ from the current password' }]);
    expect(short.details).toEqual([{ path: 'newPassword', message: 'must be at least 8 characters' }]);
    expect([same.code, short.code]).toEqual(['VALIDATION', 'VALIDATION']);
    expect(httpCalls).toEqual([]);
  });
});

describe('changePlan', () => {
  it('switches a freemium user to premium and back; the state follows each time', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    const before = await signIn(freemiumCredentials);

    const premium = await bridge.request('changePlan', { plan: 'premium' });
    const premiumState = handler.getState();
    const freemium = await bridge.request('changePlan', { plan: 'freemium' });

    expect(before.axebowPlan).toBe('freemium');
    expect(premium).toMatchObject({ id: 'usr-3', axebowPlan: 'premium' });
    expect(premiumState).toEqual(premium);
    expect(freemium.axebowPlan).toBe('freemium');
    expect(handler.getState()).toEqual(freemium);
    expect(log.names()).toEqual([
      'changePlan',
      'state:changed',
      'changePlan:success',
      'changePlan',
      'state:changed',
      'changePlan:success',
    ]);
    expect(statePayloads(log.entries).map((state) => (state as { axebowPlan: string }).axebowPlan)).toEqual([
      'premium',
      'freemium',
    ]);
  });

  it('refuses an unknown plan with VALIDATION before any HTTP call', async () => {
    const { bridge, handler, httpCalls, signIn, expectError } = setupReference();
    await signIn(freemiumCredentials);
    const before = handler.getState();

    const error = await expectError(bridge.request('changePlan', { plan: 'platinum' } as never));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['plan']);
    expect(httpCalls).toEqual([]);
    expect(handler.getState()).toBe(before);
  });
});

describe('deleteUser', () => {
  it('refuses to delete the owner of a tenant with CONFLICT (409): the user, the state and the session remain', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteUser'));
    await bridge.request('loadUser');

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'DELETE', path: '/users/me' });
    expect(error.message).toContain('northwind-prod');
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['deleteUser', 'deleteUser:error', 'loadUser', 'loadUser:success']);
  });

  it('deletes a user without tenants: the state becomes null, the session ends and the user can no longer sign in', async () => {
    const { api, bridge, handler, log, signIn, expectError } = setupReference({ seed: 'empty' });
    const user = await signIn(viewerCredentials);

    await expect(bridge.request('deleteUser', undefined, { requestId: 'delete-1' })).resolves.toBeUndefined();
    const later = await expectError(bridge.request('loadUser'));
    const login = await expectError(bridge.request('login', { ...viewerCredentials }));

    expect(user.tenants).toEqual([]);
    expect(handler.getState()).toBeNull();
    expect(api.store.users.has(user.id)).toBe(false);
    expect(later).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(login).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(log.names()).toEqual([
      'deleteUser',
      'state:changed',
      'deleteUser:success',
      'loadUser',
      'loadUser:error',
      'login',
      'login:error',
    ]);
    expect(log.entries[1]?.args).toEqual([null, { requestId: 'delete-1', operation: 'deleteUser' }]);
  });
});

describe('createToken', () => {
  const input = {
    name: 'deploy-bot',
    tenant: 'ten-1',
    description: 'Deploys from the release pipeline',
    expiration: '2099-06-30T00:00:00.000Z',
  };

  it('returns the secret once in the success payload; the state and every state:changed keep the token without it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const created = await bridge.request('createToken', input);

    expect(created).toMatchObject({ id: 'tok-2', ...input, lastUsed: null });
    expect(created.token).toMatch(/^aur_[0-9a-f]{32}$/);
    expect(api.store.tokens.get('tok-2')?.secret).toBe(created.token);
    const { token: secret, ...metadata } = created;
    const tokens = handler.getState()!.tokens;
    expect(tokens.map(({ id }) => id)).toEqual(['tok-1', 'tok-2']);
    expect(tokens[1]).toEqual(metadata);
    expect(tokens[1]).not.toHaveProperty('token');
    expect(JSON.stringify(handler.getState())).not.toContain(secret);
    expect(log.names()).toEqual(['createToken', 'state:changed', 'createToken:success']);
    expect(statePayloads(log.entries)).toHaveLength(1);
    for (const state of statePayloads(log.entries)) expect(JSON.stringify(state)).not.toContain(secret);
    expect(log.entries[2]?.args[0]).toEqual(created);
  });

  it('refuses a tenant the user is not a member of with VALIDATION (400) naming tenant', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('createToken', { ...input, tenant: 'ten-3' }));

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400, method: 'POST', path: '/tokens' });
    expect(error.details.map(({ path }) => path)).toEqual(['tenant']);
    expect(handler.getState()).toBe(before);
  });

  it('refuses a second token of the same name with CONFLICT (409)', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('createToken', { ...input, name: 'ci-pipeline' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['createToken', 'createToken:error']);
  });

  it('refuses an expiration in the past (400 from the API) and a malformed one (before any HTTP call)', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const past = await expectError(bridge.request('createToken', { ...input, expiration: '2020-01-01T00:00:00.000Z' }));
    const callsAfterPast = [...httpCalls];
    const malformed = await expectError(bridge.request('createToken', { ...input, expiration: 'next tuesday' }));

    expect(past).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(past.details).toEqual([{ path: 'expiration', message: 'must be in the future' }]);
    expect(malformed.code).toBe('VALIDATION');
    expect(malformed.status).toBeUndefined();
    expect(malformed.details.map(({ path }) => path)).toEqual(['expiration']);
    expect(callsAfterPast).toEqual(['POST /api/tokens']);
    expect(httpCalls).toEqual(['POST /api/tokens']);
  });
});

describe('deleteToken', () => {
  it('revokes a token: the payload echoes its id and the state drops it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const result = await bridge.request('deleteToken', { tokenId: 'tok-1' });

    expect(result).toEqual({ tokenId: 'tok-1' });
    expect(handler.getState()!.tokens).toEqual([]);
    expect(api.store.tokens.has('tok-1')).toBe(false);
    expect(log.names()).toEqual(['deleteToken', 'state:changed', 'deleteToken:success']);
  });

  it('answers an unknown token with NOT_FOUND (404), keeping the state', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteToken', { tokenId: 'tok-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, method: 'DELETE', path: '/tokens/tok-404' });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['deleteToken', 'deleteToken:error']);
  });

  it("answers another user's token with NOT_FOUND (404): it is not theirs to revoke", async () => {
    const { api, bridge, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);

    const error = await expectError(bridge.request('deleteToken', { tokenId: 'tok-1' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(api.store.tokens.has('tok-1')).toBe(true);
  });
});
