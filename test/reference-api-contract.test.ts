import { setupServer } from 'msw/node';
import { routes, type RouteId } from '../api/contract';
import type { RouteDefinition } from '../api/contract/define-route';
import { UserSchema } from '../interfaces';
import {
  createReferenceApi,
  demoCredentials,
  freemiumCredentials,
  labsOwnerCredentials,
  viewerCredentials,
  type ReferenceApiOptions,
} from '../testing';
import { referenceHandlers } from '../testing/msw';
import type { RawCall } from '../testing/reference-api/raw-client';
import { referenceClient } from './support/reference-client';

function setup(options: ReferenceApiOptions = {}) {
  const client = referenceClient(options);
  const answered = new Set<RouteId>();
  // rawClient checks every success body against the route's response schema; this records which routes ran.
  const call = async (id: RouteId, init?: RawCall) => {
    const response = await client.call(id, init);
    if (response.status === routes[id].successStatus) answered.add(id);
    return response;
  };
  return { api: client.api, call, login: client.login, answered };
}

const filter = (value: object) => JSON.stringify(value);
interface Page {
  items: Array<Record<string, unknown>>;
  totalCount: number;
}

describe('reference API contract conformance', () => {
  it('every read route answers the seeded data of every user in the shape of its response schema', async () => {
    const { call, login, answered } = setup();
    for (const credentials of [demoCredentials, viewerCredentials, freemiumCredentials, labsOwnerCredentials]) {
      const token = await login(credentials);
      const user = UserSchema.parse((await call('loadUser', { token })).body);
      await call('loadNotifications', { token });
      for (const organization of user.organizations) {
        await call('loadInvoices', { token, params: { organizationId: organization.id } });
        for (const invoice of organization.invoices) {
          await call('downloadInvoice', { token, params: { organizationId: organization.id, invoiceId: invoice.id } });
        }
      }
      for (const tenant of user.tenants) {
        const tenantId = tenant.id;
        await call('listServices', { token, params: { tenantId } });
        await call('loadMarketplace', { token, params: { tenantId } });
        for (const service of tenant.services) {
          const serviceId = service.id;
          await call('getService', { token, params: { tenantId, serviceId } });
          await call('loadServiceRevisions', { token, params: { tenantId, serviceId } });
          for (const instance of service.roles.flatMap((role) => role.instances)) {
            await call('loadInstanceLogs', { token, params: { tenantId, serviceId, instanceId: instance.id } });
          }
        }
      }
    }
    const reads = (Object.keys(routes) as RouteId[]).filter(
      (id) =>
        routes[id].method === 'GET' &&
        (routes[id] as RouteDefinition).responseType !== 'event-stream' &&
        id !== 'getOperation' &&
        id !== 'getOperations',
    );
    expect([...answered].sort()).toEqual(reads.sort());
  });

  it('the seed holds two Northwind tenants for the demo user, with accounts on two cloud providers', async () => {
    const { call, login } = setup();
    const token = await login(demoCredentials);
    const user = UserSchema.parse((await call('loadUser', { token })).body);
    const prod = user.tenants.find((tenant) => tenant.id === 'ten-1');
    expect(prod?.name).toBe('northwind-prod');
    expect(prod?.accounts.map((account) => [account.id, account.cloudProvider.name])).toEqual([
      ['acc-1', 'aws'],
      ['acc-2', 'openstack'],
    ]);
    expect(prod?.environments.map((environment) => [environment.id, environment.name])).toEqual([
      ['env-1', 'production'],
      ['env-2', 'staging'],
    ]);
    expect(prod?.services.map((service) => [service.id, service.name, service.status])).toEqual([
      ['svc-1', 'shop', 'running'],
      ['svc-2', 'payments', 'running'],
      ['svc-3', 'analytics', 'degraded'],
    ]);
    expect(prod?.resources.map((resource) => resource.type)).toEqual(
      expect.arrayContaining(['secret', 'volume', 'domain', 'port', 'certificate']),
    );
    expect(prod?.resources.find((resource) => resource.type === 'volume')).toMatchObject({ kind: 'persistent' });
    expect(user.tenants.find((tenant) => tenant.id === 'ten-2')).toMatchObject({
      name: 'northwind-labs',
      role: 'admin',
    });
  });

  it('downloadInvoice answers the invoice as application/pdf bytes', async () => {
    const { api, login } = setup();
    const token = await login(demoCredentials);
    const response = await api.app.fetch(
      new Request(`${api.baseUrl}/organizations/org-1/invoices/inv-3/file`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    const text = new TextDecoder().decode(await response.arrayBuffer());
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('(Total: 215.93 EUR)');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('listServices filters, sorts, pages and counts the matches before paging', async () => {
    const { call, login } = setup();
    const token = await login(demoCredentials);
    const response = await call('listServices', {
      token,
      params: { tenantId: 'ten-1' },
      query: {
        filter: filter({ operator: 'and', filters: [{ field: 'status', operator: 'eq', value: 'running' }] }),
        sort: '-name',
        limit: '1',
      },
    });
    const page = response.body as Page;
    expect(page.totalCount).toBe(2);
    expect(page.items.map((item) => item.name)).toEqual(['shop']);
  });

  it('listServices filters on nested fields and selects only the requested fields', async () => {
    const { call, login } = setup();
    const token = await login(demoCredentials);
    const response = await call('listServices', {
      token,
      params: { tenantId: 'ten-1' },
      query: {
        filter: filter({
          operator: 'or',
          filters: [
            { field: 'roles.name', operator: 'eq', value: 'worker' },
            { field: 'usage.limit.cpu.max', operator: 'gte', value: 6 },
          ],
        }),
        sort: 'name',
        fields: 'id,name,roles.name',
      },
    });
    expect(response.body).toEqual({
      items: [
        { id: 'svc-2', name: 'payments', roles: [{ name: 'worker' }] },
        { id: 'svc-1', name: 'shop', roles: [{ name: 'frontend' }, { name: 'api' }] },
      ],
      totalCount: 2,
    });
  });

  it('loadInvoices sorts by date and pages with offset and limit', async () => {
    const { call, login } = setup();
    const token = await login(demoCredentials);
    const response = await call('loadInvoices', {
      token,
      params: { organizationId: 'org-1' },
      query: { sort: '-date', offset: '1', limit: '1' },
    });
    const page = response.body as Page;
    expect(page).toMatchObject({ totalCount: 3, items: [{ id: 'inv-2', name: 'February 2026' }] });
  });

  it('loadMarketplace matches names with ilike', async () => {
    const { call, login } = setup();
    const token = await login(demoCredentials);
    const response = await call('loadMarketplace', {
      token,
      params: { tenantId: 'ten-1' },
      query: {
        filter: filter({
          operator: 'and',
          filters: [{ field: 'description', operator: 'ilike', value: '%DATABASE%' }],
        }),
      },
    });
    expect((response.body as Page).items.map((item) => item.name)).toEqual(['postgres']);
  });

  it('the msw handlers answer fetch calls under a custom base URL and leave other URLs unhandled', async () => {
    const api = createReferenceApi({ baseUrl: 'http://aurora.test/v2/api', operationDurationMs: 0 });
    const server = setupServer(...referenceHandlers(api));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const login = await fetch('http://aurora.test/v2/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(demoCredentials),
      });
      const { session } = (await login.json()) as { session: { accessToken: string } };
      const me = await fetch('http://aurora.test/v2/api/users/me', {
        headers: { Authorization: `Bearer ${session.accessToken}` },
      });
      const user = UserSchema.parse(await me.json());
      expect(user.organizations[0]?.invoices[0]?.invoiceFile).toBe(
        'http://aurora.test/v2/api/organizations/org-1/invoices/inv-1/file',
      );
      const unhandled = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      await expect(fetch('http://elsewhere.test/api/users/me')).rejects.toThrow();
      expect(unhandled).toHaveBeenCalledWith(expect.stringContaining('GET http://elsewhere.test/api/users/me'));
    } finally {
      server.close();
    }
  });

  it('reset forgets every change and restarts the ids from the seed', async () => {
    const { api, call, login } = setup();
    const token = await login(demoCredentials);
    const created = await call('createTenant', { token, body: { name: 'scratch', organizationId: 'org-1' } });
    expect(created.body).toMatchObject({ id: 'ten-4' });
    api.reset();
    expect(api.store.tenants.has('ten-4')).toBe(false);
    const again = await call('createTenant', {
      token: await login(demoCredentials),
      body: { name: 'scratch', organizationId: 'org-1' },
    });
    expect(again.body).toMatchObject({ id: 'ten-4' });
  });

  it('the empty seed has the seeded users and nothing else', async () => {
    const { call, login } = setup({ seed: 'empty' });
    const token = await login(demoCredentials);
    const user = UserSchema.parse((await call('loadUser', { token })).body);
    expect(user).toMatchObject({ organizations: [], tenants: [], tokens: [] });
    expect((await call('login', { body: viewerCredentials })).status).toBe(200);
  });

  it('answers CORS preflights so that a browser page on another origin may call the server', async () => {
    const { api } = setup();
    const response = await api.app.fetch(
      new Request(`${api.baseUrl}/users/me`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:5173',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
  });
});
