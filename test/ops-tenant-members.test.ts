import { freemiumCredentials, labsOwnerCredentials, viewerCredentials } from '../testing';
import { LABS, PROD, tenantIn } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

describe('inviteTenantUser', () => {
  it('gives a registered user a role: the payload is the membership and the tenant counts one more user', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState()!;

    const member = await bridge.request('inviteTenantUser', {
      tenantId: PROD,
      email: freemiumCredentials.email,
      role: 'member',
    });

    expect(member).toEqual({ tenant: PROD, userId: 'usr-3', email: freemiumCredentials.email, role: 'member' });
    expect(before.tenants[0]?.users).toBe(3);
    expect(tenantIn(handler, PROD)?.users).toBe(4);
    expect(tenantIn(handler, LABS)).toBe(before.tenants[1]);
    expect(log.names()).toEqual(['inviteTenantUser', 'state:changed', 'inviteTenantUser:success']);
  });

  it('refuses a user who already is a member with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('inviteTenantUser', { tenantId: PROD, email: viewerCredentials.email, role: 'member' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, path: `/tenants/${PROD}/members` });
    expect(handler.getState()).toBe(before);
  });

  it('refuses the owner role and an unregistered email with VALIDATION (400) from the API, naming the field', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const owner = await expectError(
      bridge.request('inviteTenantUser', { tenantId: PROD, email: freemiumCredentials.email, role: 'owner' }),
    );
    const stranger = await expectError(
      bridge.request('inviteTenantUser', { tenantId: PROD, email: 'nobody@aurora.dev', role: 'member' }),
    );

    expect(owner).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(owner.details.map(({ path }) => path)).toEqual(['role']);
    expect(stranger).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(stranger.details).toEqual([{ path: 'email', message: 'no registered user has this email' }]);
  });

  it('refuses an unknown role with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('inviteTenantUser', {
        tenantId: PROD,
        email: freemiumCredentials.email,
        role: 'superuser',
      } as never),
    );

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['role']);
    expect(httpCalls).toEqual([]);
  });
});

describe('removeTenantUser', () => {
  it('removes a member: the payload echoes the ids and the tenant counts one user less', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const result = await bridge.request('removeTenantUser', { tenantId: PROD, userId: 'usr-4' });

    expect(result).toEqual({ tenantId: PROD, userId: 'usr-4' });
    expect(tenantIn(handler, PROD)?.users).toBe(2);
    expect(log.names()).toEqual(['removeTenantUser', 'state:changed', 'removeTenantUser:success']);
  });

  it('lets the signed-in user leave a tenant: it disappears from their state', async () => {
    const { bridge, handler, signIn } = setupReference();
    await signIn();

    await bridge.request('removeTenantUser', { tenantId: LABS, userId: 'usr-1' });

    expect(handler.getState()!.tenants.map(({ id }) => id)).toEqual([PROD]);
  });

  it('refuses to remove the owner with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('removeTenantUser', { tenantId: PROD, userId: 'usr-1' }));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      method: 'DELETE',
      path: `/tenants/${PROD}/members/usr-1`,
    });
    expect(handler.getState()).toBe(before);
  });

  it('answers a user who is not a member with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('removeTenantUser', { tenantId: PROD, userId: 'usr-3' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('changeTenantUserRole', () => {
  it("changes another member's role: the payload has the new role, the signed-in user's state is unchanged", async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState();

    const member = await bridge.request('changeTenantUserRole', { tenantId: PROD, userId: 'usr-4', role: 'admin' });

    expect(member).toEqual({ tenant: PROD, userId: 'usr-4', email: labsOwnerCredentials.email, role: 'admin' });
    expect(api.store.roleOf('usr-4', PROD)).toBe('admin');
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['changeTenantUserRole', 'changeTenantUserRole:success']);
  });

  it("changes the signed-in user's own role: their role in that tenant of the state follows", async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState()!;

    const member = await bridge.request('changeTenantUserRole', { tenantId: LABS, userId: 'usr-1', role: 'member' });

    expect(member).toMatchObject({ tenant: LABS, userId: 'usr-1', role: 'member' });
    expect(before.tenants[1]?.role).toBe('admin');
    expect(tenantIn(handler, LABS)?.role).toBe('member');
    expect(tenantIn(handler, PROD)).toBe(before.tenants[0]);
    expect(log.names()).toEqual(['changeTenantUserRole', 'state:changed', 'changeTenantUserRole:success']);
  });

  it('refuses to demote the owner with CONFLICT (409)', async () => {
    const { api, bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('changeTenantUserRole', { tenantId: LABS, userId: 'usr-4', role: 'member' }),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      method: 'PUT',
      path: `/tenants/${LABS}/members/usr-4/role`,
    });
    expect(api.store.roleOf('usr-4', LABS)).toBe('owner');
    expect(handler.getState()).toBe(before);
  });

  it('refuses to make anyone owner with VALIDATION (400) naming role', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('changeTenantUserRole', { tenantId: PROD, userId: 'usr-4', role: 'owner' }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(error.details.map(({ path }) => path)).toEqual(['role']);
  });

  it('answers a user who is not a member with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('changeTenantUserRole', { tenantId: PROD, userId: 'usr-3', role: 'viewer' }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
