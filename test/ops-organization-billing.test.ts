import { viewerCredentials } from '../testing';
import { BILLING, organizationIn } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

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
