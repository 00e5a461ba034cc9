import type { BillingInformation } from '../interfaces/organization-interface';
import { demoCredentials, freemiumCredentials, viewerCredentials } from '../testing';
import { setupReference, useReferenceApi, type ReferenceContext } from './support/reference';

useReferenceApi();

const BILLING: BillingInformation = {
  legalName: 'Northwind Group S.A.',
  CIFNIF: 'A12345678',
  email: 'invoices@northwind.dev',
  language: 'en',
  country: 'Spain',
  region: 'Catalonia',
  city: 'Barcelona',
  address: 'Passeig de Gràcia 10',
  zipcode: '08007',
};

/** The organization `id` in the handler's state. */
const organizationIn = ({ handler }: ReferenceContext, id: string) =>
  handler.getState()?.organizations.find((organization) => organization.id === id);

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

describe('updateBillingInformation', () => {
  it('replaces the billing information; the state follows', async () => {
    const context = setupReference();
    const { bridge, log, signIn } = context;
    await signIn();

    const organization = await bridge.request('updateBillingInformation', {
      organizationId: 'org-1',
      billingInformation: BILLING,
    });

    expect(organization).toMatchObject({ id: 'org-1', billingInformation: BILLING });
    expect(organizationIn(context, 'org-1')?.billingInformation).toEqual(BILLING);
    expect(log.names()).toEqual(['updateBillingInformation', 'state:changed', 'updateBillingInformation:success']);
  });

  it('refuses a member who is not the owner with FORBIDDEN (403)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);
    const before = handler.getState();

    const error = await expectError(
      bridge.request('updateBillingInformation', { organizationId: 'org-1', billingInformation: BILLING }),
    );

    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
      method: 'PUT',
      path: '/organizations/org-1/billing',
    });
    expect(handler.getState()).toBe(before);
  });

  it('refuses invalid billing fields with VALIDATION naming each one, before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('updateBillingInformation', {
        organizationId: 'org-1',
        billingInformation: { ...BILLING, legalName: '', email: 'billing-at-northwind' },
      }),
    );

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['billingInformation.legalName', 'billingInformation.email']);
    expect(httpCalls).toEqual([]);
  });

  it('answers an unknown organization with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('updateBillingInformation', { organizationId: 'org-404', billingInformation: BILLING }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('loadInvoices', () => {
  it('lists the invoices with a sort, a filter and a limit; totalCount counts every match; the state is unchanged', async () => {
    const { bridge, handler, log, httpCalls, signIn } = setupReference();
    await signIn();
    const before = handler.getState();

    const page = await bridge.request('loadInvoices', {
      organizationId: 'org-1',
      query: {
        sort: [{ field: 'date', direction: 'desc' }],
        filter: { operator: 'and', filters: [{ field: 'cost', operator: 'gt', value: 150 }] },
        limit: 1,
      },
    });

    expect(page).toEqual({
      items: [
        {
          id: 'inv-3',
          name: 'March 2026',
          customer: 'Northwind Labs S.L.',
          customerCIF: 'B87654321',
          cost: 215.93,
          date: '2026-03-31',
          invoiceFile: 'http://aurora.test/api/organizations/org-1/invoices/inv-3/file',
        },
      ],
      totalCount: 2,
    });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['loadInvoices', 'loadInvoices:success']);
    expect(httpCalls).toEqual(['GET /api/organizations/org-1/invoices']);
  });

  it('lists every invoice without a query, also to a member who is not the owner', async () => {
    const { bridge, signIn } = setupReference();
    await signIn(viewerCredentials);

    const page = await bridge.request('loadInvoices', { organizationId: 'org-1' });

    expect(page.items.map(({ id }) => id)).toEqual(['inv-1', 'inv-2', 'inv-3']);
    expect(page.totalCount).toBe(3);
  });

  it('refuses a filter value that does not suit its operator with VALIDATION (400) from the API', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('loadInvoices', {
        organizationId: 'org-1',
        query: { filter: { operator: 'and', filters: [{ field: 'cost', operator: 'gt', value: true }] } },
      }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400, path: '/organizations/org-1/invoices' });
    expect(error.details).toEqual([
      { path: 'filter.filters.0.value', message: 'gt needs a number, a text or an ISO date' },
    ]);
  });

  it('refuses a limit above 1000 with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('loadInvoices', { organizationId: 'org-1', query: { limit: 5000 } }),
    );

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['query.limit']);
    expect(httpCalls).toEqual([]);
  });

  it('answers an organization the user is not a member of with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('loadInvoices', { organizationId: 'org-2' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('downloadInvoice', () => {
  it('downloads an invoice as a PDF: data is an ArrayBuffer starting with %PDF', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    const before = handler.getState();

    const file = await bridge.request('downloadInvoice', { organizationId: 'org-1', invoiceId: 'inv-1' });

    expect(file).toMatchObject({ organizationId: 'org-1', invoiceId: 'inv-1', contentType: 'application/pdf' });
    expect(file.data).toBeInstanceOf(ArrayBuffer);
    const text = new TextDecoder('latin1').decode(file.data);
    expect(text.startsWith('%PDF')).toBe(true);
    expect(text).toContain('Total: 143.07 EUR');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['downloadInvoice', 'downloadInvoice:success']);
  });

  it('answers an unknown invoice with NOT_FOUND (404), decoded from the binary error body', async () => {
    const { bridge, log, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('downloadInvoice', { organizationId: 'org-1', invoiceId: 'inv-404' }),
    );

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      method: 'GET',
      path: '/organizations/org-1/invoices/inv-404/file',
    });
    expect(error.message).toContain('Invoice inv-404 not found');
    expect(log.names()).toEqual(['downloadInvoice', 'downloadInvoice:error']);
  });
});

describe('addOrganizationMember', () => {
  it('adds a registered user by email; the state follows', async () => {
    const context = setupReference();
    const { bridge, log, signIn } = context;
    await signIn();

    const organization = await bridge.request('addOrganizationMember', {
      organizationId: 'org-1',
      email: freemiumCredentials.email,
    });

    expect(organization.usersIds).toEqual(['usr-1', 'usr-2', 'usr-4', 'usr-3']);
    expect(organizationIn(context, 'org-1')).toEqual(organization);
    expect(log.names()).toEqual(['addOrganizationMember', 'state:changed', 'addOrganizationMember:success']);
  });

  it('refuses a user who already is a member with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('addOrganizationMember', { organizationId: 'org-1', email: viewerCredentials.email }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, path: '/organizations/org-1/members' });
    expect(handler.getState()).toBe(before);
  });

  it('refuses an email no user is registered with: VALIDATION (400) naming email', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('addOrganizationMember', { organizationId: 'org-1', email: 'nobody@aurora.dev' }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(error.details).toEqual([{ path: 'email', message: 'no registered user has this email' }]);
  });

  it('refuses a member who is not the owner with FORBIDDEN (403)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);

    const error = await expectError(
      bridge.request('addOrganizationMember', { organizationId: 'org-1', email: freemiumCredentials.email }),
    );

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('answers an unknown organization with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('addOrganizationMember', { organizationId: 'org-404', email: freemiumCredentials.email }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('removeOrganizationMember', () => {
  it('removes a member; the state follows', async () => {
    const context = setupReference();
    const { bridge, log, signIn } = context;
    await signIn();

    const organization = await bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-4' });

    expect(organization.usersIds).toEqual(['usr-1', 'usr-2']);
    expect(organizationIn(context, 'org-1')).toEqual(organization);
    expect(log.names()).toEqual(['removeOrganizationMember', 'state:changed', 'removeOrganizationMember:success']);
  });

  it('lets a member leave: the organization is no longer in their state', async () => {
    const context = setupReference();
    const { bridge, handler, signIn } = context;
    await signIn(viewerCredentials);

    const organization = await bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-2' });
    const reloaded = setupReference();
    const fresh = await reloaded.signIn(viewerCredentials);

    expect(organization.usersIds).toEqual(['usr-1', 'usr-4']);
    expect(fresh.organizations).toEqual([]);
    expect(handler.getState()!.organizations).toEqual(fresh.organizations);
  });

  it('answers a user who is not a member with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-3' }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, path: '/organizations/org-1/members/usr-3' });
  });

  it('refuses to remove the owner with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-1' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(handler.getState()).toBe(before);
  });

  it('refuses a member who is not the owner removing someone else with FORBIDDEN (403)', async () => {
    const { api, bridge, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);

    const error = await expectError(
      bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-4' }),
    );

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(api.store.organizations.get('org-1')?.usersIds).toContain('usr-4');
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
