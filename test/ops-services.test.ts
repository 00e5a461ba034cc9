import { BackendError } from '../errors/backend-error';
import type { OperationEventMeta, OutcomeMeta } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import { demoCredentials, freemiumCredentials, viewerCredentials } from '../testing';
import { findService, rejectionOf, serviceOf, tenantOf, useReferenceApi } from './support/reference';
import { SEED, blogForm } from './support/reference-seed';

const { api, calls, signIn } = useReferenceApi();

const { prod, fran } = SEED.tenants;
const { shop, payments, analytics } = SEED.services;

/** The requestId an outcome or operation event carries. */
const requestIdOf = (args: unknown[]): string => (args[1] as OutcomeMeta | OperationEventMeta).requestId;

describe('listServices', () => {
  it('lists the services of a tenant filtered, sorted and limited, with the total count, and upserts them into the state', async () => {
    const { bridge, handler, log } = await signIn();
    const before = handler.getState();
    // The API changed payments after the state was loaded.
    const record = api.store.services.get(payments);
    if (record === undefined) throw new Error('no payments service');
    record.spec = { ...record.spec, description: 'Payments, now with refunds' };

    const page = await bridge.request('listServices', {
      tenantId: prod,
      query: {
        filter: {
          operator: 'and',
          filters: [{ field: 'environment', operator: 'eq', value: SEED.environments.production }],
        },
        sort: [{ field: 'name', direction: 'asc' }],
        limit: 1,
      },
    });

    expect(page.totalCount).toBe(2);
    expect(page.items.map((service) => [service.name, service.description])).toEqual([
      ['payments', 'Payments, now with refunds'],
    ]);
    const after = handler.getState();
    expect(serviceOf(after, prod, payments).description).toBe('Payments, now with refunds');
    expect(tenantOf(after, prod).services.map((service) => service.id)).toEqual([shop, payments, analytics]);
    expect(serviceOf(after, prod, shop)).toBe(serviceOf(before, prod, shop));
    expect(serviceOf(after, prod, analytics)).toBe(serviceOf(before, prod, analytics));
    expect(log.names()).toEqual(['listServices', 'state:changed', 'listServices:success']);
  });

  it('applies nested or-groups and descending sorts, paging with offset', async () => {
    const { bridge } = await signIn();

    const page = await bridge.request('listServices', {
      tenantId: prod,
      query: {
        filter: {
          operator: 'or',
          filters: [
            { field: 'name', operator: 'ilike', value: 'pay%' },
            {
              operator: 'and',
              filters: [
                { field: 'status', operator: 'in', value: ['running', 'degraded'] },
                { field: 'roles.name', operator: 'eq', value: 'dashboard' },
              ],
            },
          ],
        },
        sort: [{ field: 'name', direction: 'desc' }],
        offset: 1,
      },
    });

    expect(page).toMatchObject({ totalCount: 2, items: [{ name: 'analytics' }] });
    expect(page.items).toHaveLength(1);
  });

  it('leaves the state untouched, and its identity, when the listed services did not change', async () => {
    const { bridge, handler, log } = await signIn();
    const before = handler.getState();

    await bridge.request('listServices', { tenantId: prod });

    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['listServices', 'listServices:success']);
  });
});

describe('deployService', () => {
  it('deploys a service and, once its operation completes, holds it in the state with its roles and instances', async () => {
    const { bridge, handler, log } = await signIn();

    const completed = await bridge.request('deployService', blogForm(), {
      until: 'completed',
      requestId: 'deploy-blog',
    });

    expect(completed).toMatchObject({
      kind: 'deployService',
      status: 'succeeded',
      progress: 100,
      target: { type: 'service', tenant: prod },
    });
    const blog = serviceOf(handler.getState(), prod, completed.target.id);
    expect(blog).toMatchObject({
      name: 'blog',
      status: 'running',
      environment: SEED.environments.production,
      account: SEED.accounts.aws,
      imageName: 'northwind/blog:1.0.0',
      minReplicas: 2,
      maxReplicas: 3,
      serverChannels: [{ name: 'http', protocol: 'http', port: 8080 }],
    });
    expect(blog.roles.map((role) => [role.name, role.instances.map((instance) => instance.status)])).toEqual([
      ['web', ['running', 'running']],
    ]);
    expect(blog.revisions).toHaveLength(1);
    expect(blog.currentRevision).toBe(blog.revisions[0]);
    expect(blog.resources.map((resource) => resource.id)).toEqual([SEED.resources.dbPassword]);
    // The new service is read into the state as soon as the deploy is accepted, before the success event.
    expect(log.names()).toEqual(['deployService', 'state:changed', 'deployService:success', 'operation:completed']);
    expect(log.entries.every(({ args }) => requestIdOf(args) === 'deploy-blog')).toBe(true);
  });

  it('reports the progress of a deployment that takes a while, then its completion', async () => {
    // A minute long until accepted, so the first state is read while it is surely under way however busy the
    // machine; then about 100 ms from its start, to be followed to its end by polls.
    const { bridge, log, api: slow } = await signIn(demoCredentials, { operationDurationMs: 60_000 });

    const accepted = await bridge.request('deployService', blogForm(), { requestId: 'deploy-slow' });
    const completed = new Promise<void>((resolve) => {
      bridge.on('operation:completed', () => resolve());
    });
    slow.advanceOperations(59_900);
    await completed;

    expect(accepted).toMatchObject({ status: 'pending', progress: 0 });
    const names = log.names();
    const progress = log.entries
      .filter(({ event }) => event === 'operation:progress')
      .map(({ args }) => args[0] as Operation);
    expect(names.slice(0, 3)).toEqual(['deployService', 'state:changed', 'deployService:success']);
    // Visible from the start: the service is in the state, deploying, with the operation working on it.
    const shown = log.stateChanges()[0]?.state ?? null;
    expect(findService(shown, prod, 'blog')).toMatchObject({
      status: 'deploying',
      operation: accepted.id,
    });
    expect(names.slice(3, 3 + progress.length).every((name) => name === 'operation:progress')).toBe(true);
    expect(names.slice(3 + progress.length)).toEqual(['state:changed', 'operation:completed']);
    const rank = { pending: 0, running: 1, succeeded: 2, failed: 3 } as const;
    for (const [index, current] of progress.entries()) {
      const previous = progress[index - 1];
      if (previous === undefined) continue;
      expect(current.progress).toBeGreaterThanOrEqual(previous.progress);
      expect(rank[current.status]).toBeGreaterThanOrEqual(rank[previous.status]);
    }
    expect(progress.at(-1)).toMatchObject({ status: 'succeeded', progress: 100 });
    expect(log.entries.every(({ args }) => requestIdOf(args) === 'deploy-slow')).toBe(true);
  });

  it('reports a deployment whose image cannot be pulled as operation:failed; request(until completed) rejects with that error', async () => {
    const { bridge, log } = await signIn();

    const error = await rejectionOf(
      bridge.request('deployService', blogForm({ name: 'broken', imageName: 'northwind/blog:fail-1' }), {
        until: 'completed',
        requestId: 'deploy-broken',
      }),
    );

    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({
      code: 'SERVER',
      retryable: false,
      requestId: 'deploy-broken',
      message: expect.stringContaining('Image northwind/blog:fail-1 could not be pulled') as string,
    });
    expect(log.names()).toEqual(['deployService', 'state:changed', 'deployService:success', 'operation:failed']);
    expect(log.entries.at(-1)?.args[0]).toBe(error);
    expect(log.entries.at(-1)?.args[1]).toMatchObject({
      name: 'deployService',
      target: { type: 'service', tenant: prod },
    });
  });

  it('refuses a form that breaks the deployment rules with every problem listed, without any HTTP call', async () => {
    const { bridge, log } = await signIn();
    const callsBefore = calls.length;

    const error = await rejectionOf(
      bridge.request(
        'deployService',
        blogForm({
          roles: [
            { name: 'web', cpu: 0.5, memory: 512 },
            { name: 'web', cpu: 0.25, memory: 256 },
          ],
          serverChannels: [
            { name: 'http', protocol: 'http', port: 8080 },
            { name: 'admin', protocol: 'http', port: 8080 },
          ],
          clientChannels: [{ name: 'db', protocol: 'tcp' }],
          links: [{ name: 'to-db', origin: 'http', target: 'db' }],
          minReplicas: 3,
          maxReplicas: 2,
          resources: ['res-missing'],
        }),
      ),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: undefined });
    expect((error as BackendError).details.map((detail) => detail.path)).toEqual([
      'roles.1.name',
      'serverChannels.1.port',
      'links.0.origin',
      'links.0.target',
      'maxReplicas',
      'resources.0',
    ]);
    expect(calls.length).toBe(callsBefore);
    expect(log.names()).toEqual(['deployService', 'deployService:error']);
  });

  it('refuses a malformed form (not a DNS name, no roles) as VALIDATION without any HTTP call', async () => {
    const { bridge } = await signIn();
    const callsBefore = calls.length;

    const error = await rejectionOf(bridge.request('deployService', blogForm({ name: 'My Blog', roles: [] })));

    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect((error as BackendError).details.map((detail) => detail.path).sort()).toEqual(['name', 'roles']);
    expect(calls.length).toBe(callsBefore);
  });

  it('refuses a deployment past the freemium plan with a VALIDATION error that names the plan and its limits', async () => {
    const { bridge, handler } = await signIn(freemiumCredentials);
    const form = blogForm({
      tenantId: fran,
      name: 'api',
      environment: SEED.environments.dev,
      account: SEED.accounts.franCloud,
      minReplicas: 1,
      maxReplicas: 2,
      roles: [{ name: 'api', cpu: 0.75, memory: 256 }],
      resources: [],
    });
    // The environment has room for it, so the client-side check lets it through: the API refuses it for the plan.
    const dev = tenantOf(handler.getState(), fran).environments.find((item) => item.id === SEED.environments.dev);
    expect((dev?.usage.current.cpu ?? Infinity) + 1.5).toBeLessThanOrEqual(dev?.usage.limit.cpu.max ?? 0);

    const error = await rejectionOf(bridge.request('deployService', form));

    expect(error).toMatchObject({
      code: 'VALIDATION',
      status: 400,
      message: expect.stringContaining('exceeds the freemium plan') as string,
      details: [
        { path: 'roles', message: expect.stringContaining('freemium plan allows 2 vCPU and 4096 MB') as string },
      ],
    });
    expect(calls).toContain(`POST /api/tenants/${fran}/services`);
    expect(findService(handler.getState(), fran, 'api')).toBeUndefined();
  });

  it('refuses a second service with the name of an existing one with CONFLICT', async () => {
    const { bridge } = await signIn();

    const error = await rejectionOf(bridge.request('deployService', blogForm({ name: 'shop' })));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: expect.stringContaining('already has a service named shop') as string,
    });
  });
});

describe('refusals by the API', () => {
  it.each([
    ['scaleService', () => ({ tenantId: prod, serviceId: payments, minReplicas: 1, maxReplicas: 3 })],
    ['restartService', () => ({ tenantId: prod, serviceId: payments })],
    ['deleteService', () => ({ tenantId: prod, serviceId: payments })],
    ['deployService', () => blogForm()],
  ] as const)('refuses %s to a viewer with FORBIDDEN and leaves the state as it was', async (operation, input) => {
    const { bridge, handler, log } = await signIn(viewerCredentials);
    const before = handler.getState();

    const error = await rejectionOf(bridge.request(operation, input()));

    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
      message: expect.stringContaining('is viewer') as string,
    });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual([operation, `${operation}:error`]);
  });

  it.each([
    ['scaleService', { tenantId: prod, serviceId: 'svc-404', minReplicas: 1, maxReplicas: 2 }],
    ['restartService', { tenantId: prod, serviceId: 'svc-404' }],
    ['restartInstance', { tenantId: prod, serviceId: 'svc-404', instanceId: 'inst-1' }],
    ['rollbackService', { tenantId: prod, serviceId: 'svc-404', revision: 'rev-1' }],
    ['loadServiceRevisions', { tenantId: prod, serviceId: 'svc-404' }],
    ['loadInstanceLogs', { tenantId: prod, serviceId: 'svc-404', instanceId: 'inst-1' }],
    ['deleteService', { tenantId: prod, serviceId: 'svc-404' }],
  ] as const)('answers %s of an unknown service with NOT_FOUND', async (operation, input) => {
    const { bridge } = await signIn();

    const error = await rejectionOf(bridge.request(operation, input));

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      message: expect.stringContaining('Service svc-404 not found') as string,
    });
  });
});
