import { demoCredentials, freemiumCredentials, viewerCredentials } from '../testing';
import { statePayloads } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

const NEW_PASSWORD = 'a-brand-new-passphrase-2026';

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
    expect(log.entries[1]?.args).toEqual([null, { requestId: 'delete-1', name: 'deleteUser' }]);
  });
});
