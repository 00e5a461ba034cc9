import type { RequestInput, RequestName } from '../event-names';
import { freemiumCredentials, viewerCredentials, type ReferenceApi } from '../testing';
import { LABS, PROD, newAccount, tenantIn } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

/** What the reference API holds for tenants, members, accounts, environments and resources, to see it unchanged. */
const storeSnapshot = ({ store }: ReferenceApi): string =>
  JSON.stringify({
    tenants: [...store.tenants.values()],
    memberships: store.memberships,
    accounts: [...store.accounts.values()],
    environments: [...store.environments.values()],
    resources: [...store.resources.values()],
  });

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

/** One request of every tenant operation, aimed at `tenantId`. */
function tenantRequests(tenantId: string): Array<[RequestName, RequestInput<RequestName>]> {
  const requests: { [K in RequestName]?: RequestInput<K> } = {
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
  return Object.entries(requests) as Array<[RequestName, RequestInput<RequestName>]>;
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
