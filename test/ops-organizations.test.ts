import { demoCredentials, freemiumCredentials, viewerCredentials } from '../testing';
import { BILLING, organizationIn } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

describe('createOrganization', () => {
  it('creates an organization owned by the signed-in user, billed to them by default; the state lists it', async () => {
    const context = setupReference();
    const { bridge, handler, log, signIn } = context;
    await signIn();

    const organization = await bridge.request('createOrganization', { name: 'Side Project' });

    expect(organization).toMatchObject({
      id: 'org-3',
      name: 'Side Project',
      usersIds: ['usr-1'],
      tenantsIds: [],
      invoices: [],
      billingInformation: { legalName: 'Side Project', email: demoCredentials.email },
    });
    expect(handler.getState()!.organizations.map(({ id }) => id)).toEqual(['org-1', 'org-3']);
    expect(organizationIn(context, 'org-3')).toEqual(organization);
    expect(log.names()).toEqual(['createOrganization', 'state:changed', 'createOrganization:success']);
  });

  it('keeps the billing information given at creation', async () => {
    const { bridge, signIn } = setupReference();
    await signIn();

    const organization = await bridge.request('createOrganization', {
      name: 'Northwind Group',
      billingInformation: BILLING,
    });

    expect(organization.billingInformation).toEqual(BILLING);
  });

  it('refuses a second organization of the same name with CONFLICT (409), keeping the state', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('createOrganization', { name: 'Northwind Labs' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'POST', path: '/organizations' });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['createOrganization', 'createOrganization:error']);
  });

  it('refuses a blank name or incomplete billing information with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const blank = await expectError(bridge.request('createOrganization', { name: '   ' }));
    const billing = await expectError(
      bridge.request('createOrganization', { name: 'Side', billingInformation: { ...BILLING, email: 'nope' } }),
    );

    expect(blank.code).toBe('VALIDATION');
    expect(blank.details.map(({ path }) => path)).toEqual(['name']);
    expect(billing.code).toBe('VALIDATION');
    expect(billing.details.map(({ path }) => path)).toEqual(['billingInformation.email']);
    expect(httpCalls).toEqual([]);
  });
});

describe('updateOrganization', () => {
  it('renames an organization; the state follows', async () => {
    const context = setupReference();
    const { bridge, log, signIn } = context;
    await signIn();

    const organization = await bridge.request('updateOrganization', {
      organizationId: 'org-1',
      name: 'Northwind Group',
    });

    expect(organization).toMatchObject({ id: 'org-1', name: 'Northwind Group', tenantsIds: ['ten-1', 'ten-2'] });
    expect(organizationIn(context, 'org-1')).toEqual(organization);
    expect(log.names()).toEqual(['updateOrganization', 'state:changed', 'updateOrganization:success']);
  });

  it("refuses a member who is not the owner with FORBIDDEN (403), keeping the viewer's state", async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);
    const before = handler.getState();

    const error = await expectError(
      bridge.request('updateOrganization', { organizationId: 'org-1', name: 'Hijacked' }),
    );

    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
      method: 'PATCH',
      path: '/organizations/org-1',
    });
    expect(error.message).toContain('Only the owner of organization Northwind Labs');
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['updateOrganization', 'updateOrganization:error']);
  });

  it('answers an unknown organization, or one the user is not a member of, with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const unknown = await expectError(bridge.request('updateOrganization', { organizationId: 'org-404', name: 'X' }));
    const foreign = await expectError(bridge.request('updateOrganization', { organizationId: 'org-2', name: 'X' }));

    expect(unknown).toMatchObject({ code: 'NOT_FOUND', status: 404, path: '/organizations/org-404' });
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', status: 404, path: '/organizations/org-2' });
  });

  it('refuses the name of another organization of the same owner with CONFLICT (409)', async () => {
    const context = setupReference();
    const { bridge, signIn, expectError } = context;
    await signIn();
    await bridge.request('createOrganization', { name: 'Side Project' });

    const error = await expectError(
      bridge.request('updateOrganization', { organizationId: 'org-3', name: 'Northwind Labs' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(organizationIn(context, 'org-3')?.name).toBe('Side Project');
  });
});

describe('deleteOrganization', () => {
  it('deletes an organization without tenants: the payload echoes its id and the state drops it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();
    await bridge.request('createOrganization', { name: 'Side Project' });
    log.entries.length = 0;

    const result = await bridge.request('deleteOrganization', { organizationId: 'org-3' });

    expect(result).toEqual({ organizationId: 'org-3' });
    expect(handler.getState()!.organizations.map(({ id }) => id)).toEqual(['org-1']);
    expect(api.store.organizations.has('org-3')).toBe(false);
    expect(log.names()).toEqual(['deleteOrganization', 'state:changed', 'deleteOrganization:success']);
  });

  it('refuses an organization that has tenants with CONFLICT (409), keeping it in the state', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteOrganization', { organizationId: 'org-1' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'DELETE', path: '/organizations/org-1' });
    expect(error.message).toContain('northwind-prod, northwind-labs');
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['deleteOrganization', 'deleteOrganization:error']);
  });

  it('refuses a member who is not the owner with FORBIDDEN (403)', async () => {
    const { api, bridge, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);

    const error = await expectError(bridge.request('deleteOrganization', { organizationId: 'org-1' }));

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(api.store.organizations.has('org-1')).toBe(true);
  });

  it('answers an unknown organization with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('deleteOrganization', { organizationId: 'org-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('organization mutations of a member who is not the owner', () => {
  it.each([
    ['updateOrganization', { organizationId: 'org-1', name: 'Hijacked' }],
    ['deleteOrganization', { organizationId: 'org-1' }],
    ['updateBillingInformation', { organizationId: 'org-1', billingInformation: BILLING }],
    ['addOrganizationMember', { organizationId: 'org-1', email: freemiumCredentials.email }],
    ['removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-4' }],
  ] as const)('%s is refused with FORBIDDEN (403) and changes nothing', async (operation, input) => {
    const { api, bridge, handler, log, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);
    const before = handler.getState();
    const stored = structuredClone(api.store.organizations.get('org-1'));

    const error = await expectError(bridge.request(operation, input));

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(handler.getState()).toBe(before);
    expect(api.store.organizations.get('org-1')).toEqual(stored);
    expect(log.names()).toEqual([operation, `${operation}:error`]);
  });
});
