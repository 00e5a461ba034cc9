import { viewerCredentials } from '../testing';
import { findService, rejectionOf, serviceOf, tenantOf, useReferenceApi } from './support/reference';
import { SEED, blogForm } from './support/reference-seed';

const { calls, signIn } = useReferenceApi();

const { prod } = SEED.tenants;
const { postgres, redis, grafana, keycloak } = SEED.marketplace;
const deployRedis = {
  tenantId: prod,
  itemId: redis,
  name: 'cache',
  environment: SEED.environments.production,
  account: SEED.accounts.aws,
};

describe('loadMarketplace', () => {
  it('lists the marketplace items of a tenant filtered, sorted and limited, with the total count', async () => {
    const { bridge } = await signIn();

    const page = await bridge.request('loadMarketplace', {
      tenantId: prod,
      query: {
        filter: { operator: 'and', filters: [{ field: 'status', operator: 'neq', value: 'deprecated' }] },
        sort: [{ field: 'name', direction: 'asc' }],
        limit: 2,
      },
    });

    expect(page.totalCount).toBe(3);
    expect(page.items.map((item) => [item.id, item.name, item.status])).toEqual([
      [grafana, 'grafana', 'available'],
      [postgres, 'postgres', 'available'],
    ]);
    expect(page.items[1]).toMatchObject({ version: '16.4', requirements: { cpu: 1, memory: 2048 }, type: 'database' });
  });

  it('filters by nested fields and or-groups, and pages with offset', async () => {
    const { bridge } = await signIn();

    const page = await bridge.request('loadMarketplace', {
      tenantId: prod,
      query: {
        filter: {
          operator: 'or',
          filters: [
            { field: 'requirements.cpu', operator: 'gte', value: 1 },
            { field: 'type', operator: 'eq', value: 'cache' },
          ],
        },
        sort: [{ field: 'requirements.memory', direction: 'desc' }],
        offset: 1,
      },
    });

    expect(page.totalCount).toBe(3);
    expect(page.items.map((item) => item.name)).toEqual(['keycloak', 'redis']);
  });

  it('keeps the state, and its identity, when the listed items did not change', async () => {
    const { bridge, handler, log } = await signIn();
    const before = handler.getState();

    await bridge.request('loadMarketplace', { tenantId: prod });

    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['loadMarketplace', 'loadMarketplace:success']);
  });

  it('refuses an invalid list query as VALIDATION without any HTTP call', async () => {
    const { bridge } = await signIn();
    const callsBefore = calls.length;

    const error = await rejectionOf(bridge.request('loadMarketplace', { tenantId: prod, query: { limit: 5000 } }));

    expect(error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'query.limit' }] });
    expect(calls.length).toBe(callsBefore);
  });
});

describe('deployMarketplaceItem', () => {
  it('deploys an item as a service and, once its operation completes, the state holds the service', async () => {
    const { bridge, handler, log } = await signIn();
    const before = handler.getState();

    const completed = await bridge.request('deployMarketplaceItem', deployRedis, {
      until: 'completed',
      requestId: 'deploy-redis',
    });

    expect(completed).toMatchObject({
      kind: 'deployMarketplaceItem',
      status: 'succeeded',
      progress: 100,
      target: { type: 'service', tenant: prod },
    });
    const cache = serviceOf(handler.getState(), prod, completed.target.id);
    expect(cache).toMatchObject({
      name: 'cache',
      status: 'running',
      project: 'redis',
      registry: 'registry.aurora.dev',
      imageName: 'library/redis:7.4',
      description: 'Redis 7 in-memory cache',
      minReplicas: 1,
      maxReplicas: 1,
      serverChannels: [{ name: 'db', protocol: 'tcp', port: 6379 }],
      resources: [],
    });
    expect(cache.roles.map((role) => [role.name, role.instances.map((instance) => instance.status)])).toEqual([
      ['cache', ['running']],
    ]);
    // The new service is read into the state as soon as the deploy is accepted, before the success event.
    expect(log.names()).toEqual([
      'deployMarketplaceItem',
      'state:changed',
      'deployMarketplaceItem:success',
      'operation:completed',
    ]);
    expect(log.entries.every(({ args }) => (args[1] as { requestId: string }).requestId === 'deploy-redis')).toBe(true);
    // Only the tenant that received the service changed.
    const after = handler.getState();
    expect(after?.organizations).toBe(before?.organizations);
    expect(tenantOf(after, SEED.tenants.labs)).toBe(tenantOf(before, SEED.tenants.labs));
    expect(serviceOf(after, prod, SEED.services.shop)).toBe(serviceOf(before, prod, SEED.services.shop));
  });

  it('shows the item installed, with the instances of its service, when the marketplace is loaded again', async () => {
    const { bridge, handler, log } = await signIn();
    const before = handler.getState();
    const itemIn = (state: typeof before, id: string) =>
      tenantOf(state, prod).marketplaceItems.find((item) => item.id === id);
    await bridge.request('deployMarketplaceItem', deployRedis, { until: 'completed' });
    log.clear();

    await bridge.request('loadMarketplace', { tenantId: prod });

    const after = handler.getState();
    expect(itemIn(after, redis)?.status).toBe('installed');
    expect(itemIn(after, redis)?.instances.map((instance) => instance.status)).toEqual(['running']);
    expect(itemIn(after, postgres)).toBe(itemIn(before, postgres));
    expect(itemIn(after, keycloak)).toBe(itemIn(before, keycloak));
    expect(log.names()).toEqual(['loadMarketplace', 'state:changed', 'loadMarketplace:success']);
  });

  it('refuses a deprecated item with CONFLICT', async () => {
    const { bridge } = await signIn();

    const error = await rejectionOf(
      bridge.request('deployMarketplaceItem', { ...deployRedis, itemId: keycloak, name: 'identity' }),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: expect.stringContaining('keycloak is deprecated') as string,
    });
  });

  it('refuses an item the tenant does not offer with NOT_FOUND', async () => {
    const { bridge } = await signIn();

    const error = await rejectionOf(bridge.request('deployMarketplaceItem', { ...deployRedis, itemId: 'mkt-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('refuses a second service with the name of an existing one with CONFLICT', async () => {
    const { bridge } = await signIn();

    const error = await rejectionOf(bridge.request('deployMarketplaceItem', { ...deployRedis, name: 'shop' }));

    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('named shop') as string });
  });

  it('refuses a viewer with FORBIDDEN', async () => {
    const { bridge } = await signIn(viewerCredentials);

    const error = await rejectionOf(bridge.request('deployMarketplaceItem', deployRedis));

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('refuses a name that is not a DNS label as VALIDATION without any HTTP call', async () => {
    const { bridge } = await signIn();
    const callsBefore = calls.length;

    const error = await rejectionOf(bridge.request('deployMarketplaceItem', { ...deployRedis, name: 'My Cache' }));

    expect(error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'name' }] });
    expect(calls.length).toBe(callsBefore);
  });
});

describe('resources referenced by deployments', () => {
  it('a deployed service lists the resources it uses, without the values of secrets', async () => {
    const { bridge, handler } = await signIn();

    const completed = await bridge.request(
      'deployService',
      blogForm({ resources: [SEED.resources.dbPassword, SEED.resources.logLevel] }),
      { until: 'completed' },
    );

    const blog = serviceOf(handler.getState(), prod, completed.target.id);
    expect(blog.resources.map(({ id, type, name, value }) => ({ id, type, name, value }))).toEqual([
      { id: SEED.resources.dbPassword, type: 'secret', name: 'db-password', value: undefined },
      { id: SEED.resources.logLevel, type: 'string', name: 'log-level', value: 'info' },
    ]);
  });

  it('a resource a service uses cannot be deleted until the service is', async () => {
    const { bridge, handler } = await signIn();
    const banner = await bridge.request('createResource', {
      tenantId: prod,
      type: 'string',
      name: 'blog-banner',
      value: 'Welcome to the Northwind blog',
    });
    const blog = await bridge.request('deployService', blogForm({ resources: [banner.id] }), { until: 'completed' });

    const refused = await rejectionOf(bridge.request('deleteResource', { tenantId: prod, resourceId: banner.id }));
    await bridge.request('deleteService', { tenantId: prod, serviceId: blog.target.id }, { until: 'completed' });
    const deleted = await bridge.request('deleteResource', { tenantId: prod, resourceId: banner.id });

    expect(refused).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: expect.stringContaining('Resource blog-banner is used by blog') as string,
    });
    expect(deleted).toEqual({ tenantId: prod, resourceId: banner.id });
    const tenant = tenantOf(handler.getState(), prod);
    expect(tenant.resources.map((resource) => resource.id)).not.toContain(banner.id);
    expect(findService(handler.getState(), prod, 'blog')).toBeUndefined();
  });

  it('a seeded resource used by running services is refused deletion with the names of those services', async () => {
    const { bridge, handler } = await signIn();
    const before = handler.getState();

    const error = await rejectionOf(
      bridge.request('deleteResource', { tenantId: prod, resourceId: SEED.resources.stripeKey }),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('stripe-api-key is used by payments') as string,
    });
    expect(handler.getState()).toBe(before);
  });

  it('a deploy form naming a resource of another tenant is refused without any HTTP call', async () => {
    const { bridge } = await signIn();
    const callsBefore = calls.length;
    const labsVolume = tenantOf(await bridge.request('loadUser'), SEED.tenants.labs).resources[0]?.id;
    const afterLoad = calls.length;

    const error = await rejectionOf(bridge.request('deployService', blogForm({ resources: [labsVolume ?? 'none'] })));

    expect(afterLoad).toBe(callsBefore + 1);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'resources.0', message: expect.stringContaining('northwind-prod') as string }],
    });
    expect(calls.length).toBe(afterLoad);
  });
});
