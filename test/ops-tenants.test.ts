import type { BackendHandler } from '../backend-handler';
import type { OperationInput, OperationName } from '../event-names';
import type { ReferenceApi } from '../testing';
import { freemiumCredentials, labsOwnerCredentials, viewerCredentials } from '../testing';
import type { LoggedEvent } from './support/setup';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

// Seeded ids (testing/reference-api/seed-tenants.ts): the demo user owns ten-1 (northwind-prod) and is admin of
// ten-2 (northwind-labs); the viewer is viewer in both.
const PROD = 'ten-1';
const LABS = 'ten-2';
const ACCOUNT_SECRET = 'gcp-Sup3r-S3cret-credential-4f7a';
const RESOURCE_SECRET = 'sk_test_very-secret-value-91c2';

/** Tenant `id` in the handler's state. */
const tenantIn = (handler: BackendHandler, id: string) =>
  handler.getState()?.tenants.find((tenant) => tenant.id === id);

/** What the reference API holds for tenants, members, accounts, environments and resources, to see it unchanged. */
const storeSnapshot = ({ store }: ReferenceApi): string =>
  JSON.stringify({
    tenants: [...store.tenants.values()],
    memberships: store.memberships,
    accounts: [...store.accounts.values()],
    environments: [...store.environments.values()],
    resources: [...store.resources.values()],
  });

/** The events after the first one, which must be the request event of `operation` (the only one holding its input). */
function afterRequestEvent(entries: readonly LoggedEvent[], operation: OperationName): LoggedEvent[] {
  expect(entries[0]?.event).toBe(operation);
  return entries.slice(1);
}

const newAccount = {
  tenantId: PROD,
  name: 'gcp-analytics',
  logo: 'https://cdn.aurora.dev/logos/gcp.svg',
  cloudProvider: {
    name: 'gcp',
    region: 'europe-west1',
    authType: 'serviceAccount',
    credentialId: 'deployer@northwind.iam.gserviceaccount.com',
    credentialSecret: ACCOUNT_SECRET,
  },
};

describe('createTenant', () => {
  it('creates a tenant in an organization with the creator as its owner; the state lists it', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState()!;

    const tenant = await bridge.request('createTenant', { name: 'northwind-qa', organizationId: 'org-1' });

    expect(tenant).toMatchObject({
      id: 'ten-4',
      name: 'northwind-qa',
      organizationsIds: ['org-1'],
      role: 'owner',
      users: 1,
      services: [],
      accounts: [],
      environments: [],
      resources: [],
      status: 'active',
    });
    expect(tenant.marketplaceItems.length).toBeGreaterThan(0);
    expect(handler.getState()!.tenants.map(({ id }) => id)).toEqual([PROD, LABS, 'ten-4']);
    expect(tenantIn(handler, 'ten-4')).toEqual(tenant);
    expect(tenantIn(handler, PROD)).toBe(before.tenants[0]);
    expect(log.names()).toEqual(['createTenant', 'state:changed', 'createTenant:success']);
  });

  it('lists the new tenant among the tenantsIds of its organization in the state', async () => {
    const { bridge, handler, signIn } = setupReference();
    await signIn();

    await bridge.request('createTenant', { name: 'northwind-qa', organizationId: 'org-1' });

    const organization = handler.getState()!.organizations.find(({ id }) => id === 'org-1');
    expect(organization?.tenantsIds).toEqual([PROD, LABS, 'ten-4']);
  });

  it('refuses a name the organization already has with CONFLICT (409), keeping the state', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('createTenant', { name: 'northwind-prod', organizationId: 'org-1' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'POST', path: '/tenants' });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['createTenant', 'createTenant:error']);
  });

  it('refuses an organization the user is not a member of with VALIDATION (400) naming organizationId', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const unknown = await expectError(bridge.request('createTenant', { name: 'qa', organizationId: 'org-404' }));
    const foreign = await expectError(bridge.request('createTenant', { name: 'qa', organizationId: 'org-2' }));

    for (const error of [unknown, foreign]) {
      expect(error).toMatchObject({ code: 'VALIDATION', status: 400 });
      expect(error.details).toEqual([{ path: 'organizationId', message: 'you are not a member of this organization' }]);
    }
    expect(handler.getState()).toBe(before);
  });

  it('refuses a blank name with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('createTenant', { name: '', organizationId: 'org-1' }));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['name']);
    expect(httpCalls).toEqual([]);
  });
});

describe('updateTenant', () => {
  it('renames a tenant; the state follows and the other tenant keeps its identity', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState()!;

    const tenant = await bridge.request('updateTenant', { tenantId: PROD, name: 'northwind-production' });

    expect(tenant).toMatchObject({ id: PROD, name: 'northwind-production', role: 'owner' });
    expect(tenantIn(handler, PROD)).toEqual(tenant);
    expect(tenantIn(handler, LABS)).toBe(before.tenants[1]);
    expect(log.names()).toEqual(['updateTenant', 'state:changed', 'updateTenant:success']);
  });

  it('refuses the name of another tenant of the organization with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('updateTenant', { tenantId: PROD, name: 'northwind-labs' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'PATCH', path: `/tenants/${PROD}` });
    expect(handler.getState()).toBe(before);
  });

  it('refuses an admin who is not the owner with FORBIDDEN (403)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('updateTenant', { tenantId: LABS, name: 'renamed' }));

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(error.message).toContain('Your role in tenant northwind-labs is admin');
  });
});

describe('deleteTenant', () => {
  it('deletes a tenant that runs no services: the payload echoes its id and the state drops it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();
    await bridge.request('createTenant', { name: 'northwind-qa', organizationId: 'org-1' });
    log.entries.length = 0;

    const result = await bridge.request('deleteTenant', { tenantId: 'ten-4' });

    expect(result).toEqual({ tenantId: 'ten-4' });
    expect(handler.getState()!.tenants.map(({ id }) => id)).toEqual([PROD, LABS]);
    expect(api.store.tenants.has('ten-4')).toBe(false);
    expect(log.names()).toEqual(['deleteTenant', 'state:changed', 'deleteTenant:success']);
  });

  it('refuses a tenant that still runs services with CONFLICT (409), keeping it in the state', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteTenant', { tenantId: PROD }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'DELETE', path: `/tenants/${PROD}` });
    expect(error.message).toContain('shop, payments, analytics');
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['deleteTenant', 'deleteTenant:error']);
  });
});

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

describe('createAccount', () => {
  it('connects a cloud account; its credentialSecret is in neither the payload, the state nor any later event', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const account = await bridge.request('createAccount', newAccount);

    const { name, region, authType, credentialId } = newAccount.cloudProvider;
    expect(account).toMatchObject({
      id: 'acc-6',
      tenant: PROD,
      name: 'gcp-analytics',
      cloudProvider: { name, region, authType, credentialId },
      environments: [],
      services: [],
      status: 'active',
    });
    expect(account.cloudProvider).not.toHaveProperty('credentialSecret');
    expect(tenantIn(handler, PROD)?.accounts.map(({ id }) => id)).toEqual(['acc-1', 'acc-2', 'acc-6']);
    expect(tenantIn(handler, PROD)?.accounts[2]).toEqual(account);
    expect(log.names()).toEqual(['createAccount', 'state:changed', 'createAccount:success']);
    expect(JSON.stringify(log.entries[0])).toContain(ACCOUNT_SECRET);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'createAccount'))).not.toContain(ACCOUNT_SECRET);
    expect(JSON.stringify(handler.getState())).not.toContain(ACCOUNT_SECRET);
    expect(api.store.accounts.get('acc-6')?.credentialSecret).toBe(ACCOUNT_SECRET);
  });

  it('refuses a name the tenant already has with CONFLICT (409), without echoing the secret', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('createAccount', { ...newAccount, name: 'aws-production' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'POST', path: `/tenants/${PROD}/accounts` });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['createAccount', 'createAccount:error']);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'createAccount'))).not.toContain(ACCOUNT_SECRET);
    expect(error.message).not.toContain(ACCOUNT_SECRET);
  });

  it('refuses an account without credentials with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('createAccount', {
        tenantId: PROD,
        name: 'gcp-analytics',
        cloudProvider: { name: 'gcp' },
      } as never),
    );

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual([
      'cloudProvider.credentialId',
      'cloudProvider.credentialSecret',
    ]);
    expect(httpCalls).toEqual([]);
  });
});

describe('updateAccount', () => {
  it('renames an account; the state follows', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const account = await bridge.request('updateAccount', {
      tenantId: PROD,
      accountId: 'acc-2',
      name: 'openstack-madrid-2',
    });

    expect(account).toMatchObject({ id: 'acc-2', name: 'openstack-madrid-2', environments: ['env-2'] });
    expect(tenantIn(handler, PROD)?.accounts[1]).toEqual(account);
    expect(log.names()).toEqual(['updateAccount', 'state:changed', 'updateAccount:success']);
  });

  it('rotates the credentials: the account turns pending and the new secret never comes back', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const account = await bridge.request('updateAccount', {
      tenantId: PROD,
      accountId: 'acc-1',
      cloudProvider: { credentialId: 'AKIA4ROTATED0EXAMPLE', credentialSecret: ACCOUNT_SECRET },
    });

    expect(account).toMatchObject({ id: 'acc-1', status: 'pending' });
    expect(account.cloudProvider).toEqual({
      name: 'aws',
      region: 'eu-west-1',
      authType: 'accessKey',
      credentialId: 'AKIA4ROTATED0EXAMPLE',
    });
    expect(tenantIn(handler, PROD)?.accounts[0]).toEqual(account);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'updateAccount'))).not.toContain(ACCOUNT_SECRET);
    expect(JSON.stringify(handler.getState())).not.toContain(ACCOUNT_SECRET);
    expect(api.store.accounts.get('acc-1')?.credentialSecret).toBe(ACCOUNT_SECRET);
  });

  it('refuses the name of another account of the tenant with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('updateAccount', { tenantId: PROD, accountId: 'acc-2', name: 'aws-production' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, path: `/tenants/${PROD}/accounts/acc-2` });
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown account, or one of another tenant, with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const unknown = await expectError(
      bridge.request('updateAccount', { tenantId: PROD, accountId: 'acc-404', name: 'x' }),
    );
    const elsewhere = await expectError(
      bridge.request('updateAccount', { tenantId: PROD, accountId: 'acc-3', name: 'x' }),
    );

    expect(unknown).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(elsewhere).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('refuses a change of nothing with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('updateAccount', { tenantId: PROD, accountId: 'acc-1' }));

    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Give at least one field to change');
    expect(httpCalls).toEqual([]);
  });
});

describe('deleteAccount', () => {
  it('disconnects an account without environments: the payload echoes the ids and the state drops it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const result = await bridge.request('deleteAccount', { tenantId: LABS, accountId: 'acc-4' });

    expect(result).toEqual({ tenantId: LABS, accountId: 'acc-4' });
    expect(tenantIn(handler, LABS)?.accounts.map(({ id }) => id)).toEqual(['acc-3']);
    expect(api.store.accounts.has('acc-4')).toBe(false);
    expect(log.names()).toEqual(['deleteAccount', 'state:changed', 'deleteAccount:success']);
  });

  it('refuses an account that still has environments with CONFLICT (409), keeping it', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteAccount', { tenantId: PROD, accountId: 'acc-1' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'DELETE' });
    expect(error.message).toContain('production');
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown account with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('deleteAccount', { tenantId: PROD, accountId: 'acc-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, path: `/tenants/${PROD}/accounts/acc-404` });
  });
});

describe('validateAccountCredentials', () => {
  it('reports credentials the provider accepts as valid', async () => {
    const { bridge, log, signIn } = setupReference();
    await signIn();

    const check = await bridge.request('validateAccountCredentials', { tenantId: PROD, accountId: 'acc-1' });

    expect(check).toMatchObject({
      accountId: 'acc-1',
      valid: true,
      message: 'aws accepted AKIA4NORTHWIND7EXAMPLE in eu-west-1',
      account: { id: 'acc-1', status: 'active' },
    });
    expect(log.names()).toEqual(['validateAccountCredentials', 'state:changed', 'validateAccountCredentials:success']);
  });

  it('reports credentials the provider refuses as not valid, as a success outcome', async () => {
    const { bridge, signIn } = setupReference();
    await signIn();

    const check = await bridge.request('validateAccountCredentials', { tenantId: LABS, accountId: 'acc-4' });

    expect(check).toMatchObject({
      accountId: 'acc-4',
      valid: false,
      message: 'aws refused AKIA4LEGACY0EXAMPLE in us-east-1: authentication failed',
      account: { id: 'acc-4', status: 'error' },
    });
  });

  it('after rotated credentials pass the check, the account is active again in the state', async () => {
    const { api, bridge, handler, signIn } = setupReference();
    await signIn();
    await bridge.request('updateAccount', {
      tenantId: PROD,
      accountId: 'acc-1',
      cloudProvider: { credentialSecret: ACCOUNT_SECRET },
    });

    const check = await bridge.request('validateAccountCredentials', { tenantId: PROD, accountId: 'acc-1' });

    expect(check.valid).toBe(true);
    expect(api.store.accounts.get('acc-1')?.status).toBe('active');
    expect(tenantIn(handler, PROD)?.accounts[0]?.status).toBe('active');
  });

  it('answers an unknown account with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('validateAccountCredentials', { tenantId: PROD, accountId: 'acc-404' }),
    );

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      method: 'POST',
      path: `/tenants/${PROD}/accounts/acc-404/validate`,
    });
  });
});

describe('createEnvironment', () => {
  const input = {
    tenantId: PROD,
    name: 'qa',
    account: 'acc-2',
    labels: ['qa', 'eu'],
    limits: { cpu: 4, memory: 8192 },
  };

  it('creates an environment on an account of the tenant; the state lists it in the tenant', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const environment = await bridge.request('createEnvironment', input);

    expect(environment).toMatchObject({
      id: 'env-5',
      tenant: PROD,
      account: 'acc-2',
      name: 'qa',
      labels: ['qa', 'eu'],
      services: [],
      organization: 'org-1',
      cloudProvider: 'openstack',
      status: 'active',
    });
    expect(tenantIn(handler, PROD)?.environments.map(({ id }) => id)).toEqual(['env-1', 'env-2', 'env-5']);
    expect(tenantIn(handler, PROD)?.environments[2]).toEqual(environment);
    expect(log.names()).toEqual(['createEnvironment', 'state:changed', 'createEnvironment:success']);
  });

  it('lists the new environment under its account in the state', async () => {
    const { bridge, handler, signIn } = setupReference();
    await signIn();

    await bridge.request('createEnvironment', input);

    const account = tenantIn(handler, PROD)?.accounts.find(({ id }) => id === 'acc-2');
    expect(account?.environments).toEqual(['env-2', 'env-5']);
  });

  it('refuses an account that is not in the tenant with VALIDATION (400) naming account', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const unknown = await expectError(bridge.request('createEnvironment', { ...input, account: 'acc-404' }));
    const elsewhere = await expectError(bridge.request('createEnvironment', { ...input, account: 'acc-3' }));

    expect(unknown).toMatchObject({ code: 'VALIDATION', status: 400, path: `/tenants/${PROD}/environments` });
    expect(unknown.details).toEqual([{ path: 'account', message: 'no account acc-404 in this tenant' }]);
    expect(elsewhere.details).toEqual([{ path: 'account', message: 'no account acc-3 in this tenant' }]);
    expect(handler.getState()).toBe(before);
  });

  it('refuses a name the tenant already has with CONFLICT (409)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('createEnvironment', { ...input, name: 'production' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
  });

  it('refuses limits below the minimum with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('createEnvironment', { ...input, limits: { cpu: 0, memory: 64 } }));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['limits.cpu', 'limits.memory']);
    expect(httpCalls).toEqual([]);
  });
});

describe('updateEnvironment', () => {
  it('renames an environment and changes its labels; the state follows', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const environment = await bridge.request('updateEnvironment', {
      tenantId: PROD,
      environmentId: 'env-2',
      name: 'pre-production',
      labels: ['staging', 'madrid'],
    });

    expect(environment).toMatchObject({
      id: 'env-2',
      name: 'pre-production',
      labels: ['staging', 'madrid'],
      services: ['svc-3'],
    });
    expect(tenantIn(handler, PROD)?.environments[1]).toEqual(environment);
    expect(log.names()).toEqual(['updateEnvironment', 'state:changed', 'updateEnvironment:success']);
  });

  it('refuses the name of another environment of the tenant with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('updateEnvironment', { tenantId: PROD, environmentId: 'env-2', name: 'production' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'PATCH' });
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown environment with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('updateEnvironment', { tenantId: PROD, environmentId: 'env-404', name: 'x' }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, path: `/tenants/${PROD}/environments/env-404` });
  });

  it('refuses a change of nothing with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('updateEnvironment', { tenantId: PROD, environmentId: 'env-2' }));

    expect(error.code).toBe('VALIDATION');
    expect(httpCalls).toEqual([]);
  });
});

describe('deleteEnvironment', () => {
  it('deletes an environment that runs no services: the payload echoes the ids and the state drops it', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    await bridge.request('createEnvironment', { tenantId: PROD, name: 'qa', account: 'acc-2' });
    log.entries.length = 0;

    const result = await bridge.request('deleteEnvironment', { tenantId: PROD, environmentId: 'env-5' });

    expect(result).toEqual({ tenantId: PROD, environmentId: 'env-5' });
    expect(tenantIn(handler, PROD)?.environments.map(({ id }) => id)).toEqual(['env-1', 'env-2']);
    expect(log.names()).toEqual(['deleteEnvironment', 'state:changed', 'deleteEnvironment:success']);
  });

  it('refuses an environment that still runs services with CONFLICT (409), keeping it', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteEnvironment', { tenantId: PROD, environmentId: 'env-1' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'DELETE' });
    expect(error.message).toContain('shop, payments');
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown environment with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('deleteEnvironment', { tenantId: PROD, environmentId: 'env-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('createResource', () => {
  it('creates a secret: its value is in neither the payload, the state nor any later event', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const resource = await bridge.request('createResource', {
      tenantId: PROD,
      type: 'secret',
      name: 'api-key',
      value: RESOURCE_SECRET,
    });

    expect(resource).toMatchObject({ id: 'res-11', tenant: PROD, type: 'secret', name: 'api-key' });
    expect(resource).not.toHaveProperty('value');
    expect(tenantIn(handler, PROD)?.resources.at(-1)).toEqual(resource);
    expect(log.names()).toEqual(['createResource', 'state:changed', 'createResource:success']);
    expect(JSON.stringify(log.entries[0])).toContain(RESOURCE_SECRET);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'createResource'))).not.toContain(RESOURCE_SECRET);
    expect(JSON.stringify(handler.getState())).not.toContain(RESOURCE_SECRET);
    expect(api.store.resources.get('res-11')?.value).toBe(RESOURCE_SECRET);
  });

  it('creates a volume with its kind; a value that is not secret comes back', async () => {
    const { bridge, handler, signIn } = setupReference();
    await signIn();

    const resource = await bridge.request('createResource', {
      tenantId: PROD,
      type: 'volume',
      name: 'uploads',
      value: '4096',
      kind: 'persistent',
    });

    expect(resource).toMatchObject({ id: 'res-11', type: 'volume', value: '4096', kind: 'persistent' });
    expect(tenantIn(handler, PROD)?.resources.at(-1)).toEqual(resource);
  });

  it('refuses a volume without a kind with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('createResource', { tenantId: PROD, type: 'volume', name: 'uploads', value: '4096' }),
    );

    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([
      { path: 'kind', message: 'a volume needs a kind: volatile, nonReplicated or persistent' },
    ]);
    expect(httpCalls).toEqual([]);
  });

  it('refuses a value that does not suit the type with VALIDATION (400) from the API naming value', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('createResource', { tenantId: PROD, type: 'port', name: 'admin-port', value: '70000' }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400, path: `/tenants/${PROD}/resources` });
    expect(error.details).toEqual([{ path: 'value', message: 'must be a port, 1 to 65535' }]);
  });

  it('refuses a name the tenant already has with CONFLICT (409), without echoing the value', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('createResource', { tenantId: PROD, type: 'secret', name: 'db-password', value: RESOURCE_SECRET }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(handler.getState()).toBe(before);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'createResource'))).not.toContain(RESOURCE_SECRET);
  });
});

describe('updateResource', () => {
  it('replaces the value of a plain resource; the state follows', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const resource = await bridge.request('updateResource', { tenantId: PROD, resourceId: 'res-7', value: 'debug' });

    expect(resource).toMatchObject({ id: 'res-7', type: 'string', name: 'log-level', value: 'debug' });
    expect(tenantIn(handler, PROD)?.resources.find(({ id }) => id === 'res-7')).toEqual(resource);
    expect(log.names()).toEqual(['updateResource', 'state:changed', 'updateResource:success']);
  });

  it('replaces a secret value without it ever coming back', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const resource = await bridge.request('updateResource', {
      tenantId: PROD,
      resourceId: 'res-1',
      value: RESOURCE_SECRET,
    });

    expect(resource).toMatchObject({ id: 'res-1', type: 'secret', name: 'db-password' });
    expect(resource).not.toHaveProperty('value');
    expect(JSON.stringify(afterRequestEvent(log.entries, 'updateResource'))).not.toContain(RESOURCE_SECRET);
    expect(JSON.stringify(handler.getState())).not.toContain(RESOURCE_SECRET);
    expect(api.store.resources.get('res-1')?.value).toBe(RESOURCE_SECRET);
  });

  it('refuses a value that does not suit the type with VALIDATION (400) from the API naming value', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('updateResource', { tenantId: PROD, resourceId: 'res-4', value: 'https' }),
    );

    expect(error).toMatchObject({
      code: 'VALIDATION',
      status: 400,
      method: 'PATCH',
      path: `/tenants/${PROD}/resources/res-4`,
    });
    expect(error.details).toEqual([{ path: 'value', message: 'must be a port, 1 to 65535' }]);
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown resource with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('updateResource', { tenantId: PROD, resourceId: 'res-404', value: 'x' }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('deleteResource', () => {
  it('deletes a resource no service uses: the payload echoes the ids and the state drops it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();
    await bridge.request('createResource', { tenantId: PROD, type: 'string', name: 'motd', value: 'hello' });
    log.entries.length = 0;

    const result = await bridge.request('deleteResource', { tenantId: PROD, resourceId: 'res-11' });

    expect(result).toEqual({ tenantId: PROD, resourceId: 'res-11' });
    expect(tenantIn(handler, PROD)?.resources.map(({ id }) => id)).not.toContain('res-11');
    expect(api.store.resources.has('res-11')).toBe(false);
    expect(log.names()).toEqual(['deleteResource', 'state:changed', 'deleteResource:success']);
  });

  it('refuses a resource a service uses with CONFLICT (409), keeping it', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteResource', { tenantId: PROD, resourceId: 'res-1' }));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      method: 'DELETE',
      path: `/tenants/${PROD}/resources/res-1`,
    });
    expect(error.message).toContain('db-password is used by shop');
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown resource with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('deleteResource', { tenantId: PROD, resourceId: 'res-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

/** One request of every tenant operation, aimed at `tenantId`. */
function tenantRequests(tenantId: string): Array<[OperationName, OperationInput<OperationName>]> {
  const requests: { [K in OperationName]?: OperationInput<K> } = {
    updateTenant: { tenantId, name: 'renamed' },
    deleteTenant: { tenantId },
    inviteTenantUser: { tenantId, email: freemiumCredentials.email, role: 'member' },
    removeTenantUser: { tenantId, userId: 'usr-4' },
    changeTenantUserRole: { tenantId, userId: 'usr-4', role: 'admin' },
    createAccount: { ...newAccount, tenantId },
    updateAccount: { tenantId, accountId: 'acc-1', name: 'renamed' },
    deleteAccount: { tenantId, accountId: 'acc-1' },
    validateAccountCredentials: { tenantId, accountId: 'acc-1' },
    createEnvironment: { tenantId, name: 'qa', account: 'acc-1' },
    updateEnvironment: { tenantId, environmentId: 'env-1', name: 'renamed' },
    deleteEnvironment: { tenantId, environmentId: 'env-1' },
    createResource: { tenantId, type: 'string', name: 'motd', value: 'hello' },
    updateResource: { tenantId, resourceId: 'res-7', value: 'debug' },
    deleteResource: { tenantId, resourceId: 'res-7' },
  };
  return Object.entries(requests) as Array<[OperationName, OperationInput<OperationName>]>;
}

describe('tenant mutations of a viewer', () => {
  it.each(tenantRequests(PROD))('%s is refused with FORBIDDEN (403) and changes nothing', async (operation, input) => {
    const { api, bridge, handler, log, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);
    const before = handler.getState();
    const stored = storeSnapshot(api);

    const error = await expectError(bridge.request(operation, input));

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(error.message).toContain('Your role in tenant northwind-prod is viewer');
    expect(handler.getState()).toBe(before);
    expect(storeSnapshot(api)).toBe(stored);
    expect(log.names()).toEqual([operation, `${operation}:error`]);
  });
});

describe('tenant operations on an unknown tenant', () => {
  it.each(tenantRequests('ten-404'))('%s is answered with NOT_FOUND (404)', async (operation, input) => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request(operation, input));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(error.path).toMatch(/^\/tenants\/ten-404(\/|$)/);
    expect(error.message).toContain('Tenant ten-404 not found');
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual([operation, `${operation}:error`]);
  });

  it('answers a tenant the user is not a member of with NOT_FOUND (404), not revealing that it exists', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('updateTenant', { tenantId: 'ten-3', name: 'mine-now' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
