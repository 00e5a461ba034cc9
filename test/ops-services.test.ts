import { BackendError } from '../errors/backend-error';
import type { OperationEventMeta, OutcomeMeta } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import { createReferenceApi, demoCredentials, freemiumCredentials, viewerCredentials } from '../testing';
import {
  SEED,
  blogForm,
  findService,
  formOf,
  rejectionOf,
  seededSpec,
  serviceOf,
  tenantOf,
  useReferenceApi,
} from './support/reference-services';

const { api, server, calls, signIn } = useReferenceApi();

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
    expect(log.names()).toEqual(['deployService', 'deployService:success', 'state:changed', 'operation:completed']);
    expect(log.entries.every(({ args }) => requestIdOf(args) === 'deploy-blog')).toBe(true);
  });

  it('reports the progress of a deployment that takes a while, then its completion', async () => {
    const slowUrl = 'http://slow.aurora.test/api';
    const slow = createReferenceApi({ baseUrl: slowUrl, operationDurationMs: 40 });
    server.use(...slow.handlers);
    const { bridge, log } = await signIn(demoCredentials, {
      environment: { apiBaseUrl: slowUrl, logLevel: 'silent', timeoutMs: 5_000 },
    });

    const accepted = await bridge.request('deployService', blogForm(), { requestId: 'deploy-slow' });
    const completed = new Promise<Operation>((resolve) => {
      bridge.on('operation:completed', (operation) => resolve(operation));
    });
    await completed;

    expect(accepted).toMatchObject({ status: 'pending', progress: 0 });
    const names = log.names();
    const progress = log.entries
      .filter(({ event }) => event === 'operation:progress')
      .map(({ args }) => args[0] as Operation);
    expect(names.slice(0, 2)).toEqual(['deployService', 'deployService:success']);
    expect(names.slice(2, 2 + progress.length).every((name) => name === 'operation:progress')).toBe(true);
    expect(names.slice(2 + progress.length)).toEqual(['state:changed', 'operation:completed']);
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
    expect(log.names()).toEqual(['deployService', 'deployService:success', 'state:changed', 'operation:failed']);
    expect(log.entries.at(-1)?.args[0]).toBe(error);
    expect(log.entries.at(-1)?.args[1]).toMatchObject({
      operation: 'deployService',
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

describe('updateService', () => {
  it('deploys a new revision and, once completed, the state shows it as current', async () => {
    const { bridge, handler, log } = await signIn();
    const form = { ...formOf(prod, seededSpec(shop)), serviceId: shop, imageName: 'northwind/shop:2.5.0' };

    await bridge.request('updateService', form, { until: 'completed' });

    const updated = serviceOf(handler.getState(), prod, shop);
    expect(updated).toMatchObject({ status: 'running', imageName: 'northwind/shop:2.5.0' });
    expect(updated.revisions).toHaveLength(4);
    expect(updated.currentRevision).toBe(updated.revisions[3]);
    expect(updated.revisions.slice(0, 3)).toEqual(SEED.shopRevisions);
    expect(log.names()).toEqual([
      'updateService',
      'state:changed',
      'updateService:success',
      'state:changed',
      'operation:completed',
    ]);
    expect(log.stateChanges().map(({ state }) => serviceOf(state, prod, shop).status)).toEqual([
      'deploying',
      'running',
    ]);
  });

  it('refuses an update of a service the tenant does not have, without any HTTP call', async () => {
    const { bridge } = await signIn();
    const callsBefore = calls.length;

    const error = await rejectionOf(
      bridge.request('updateService', { ...formOf(prod, seededSpec(shop)), serviceId: 'svc-404' }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'serviceId' }] });
    expect(calls.length).toBe(callsBefore);
  });

  it('after a failed update, the state shows the previous revision running again, as the API does', async () => {
    const { bridge, handler } = await signIn();
    const form = { ...formOf(prod, seededSpec(shop)), serviceId: shop, imageName: 'northwind/shop:fail-2.5.0' };

    const error = await rejectionOf(bridge.request('updateService', form, { until: 'completed' }));

    expect(error).toMatchObject({ code: 'SERVER', message: expect.stringContaining('could not be pulled') as string });
    const record = api.store.services.get(shop);
    expect([record?.status, record?.spec.imageName]).toEqual(['running', 'northwind/shop:2.4.1']);
    expect(serviceOf(handler.getState(), prod, shop)).toMatchObject({
      status: 'running',
      imageName: 'northwind/shop:2.4.1',
    });
  });
});

describe('scaleService', () => {
  it('changes the replica range and, once completed, the state shows the new range and instances', async () => {
    const { bridge, handler, log } = await signIn();
    const before = handler.getState();

    const completed = await bridge.request(
      'scaleService',
      { tenantId: prod, serviceId: payments, minReplicas: 2, maxReplicas: 3 },
      { until: 'completed' },
    );

    expect(completed).toMatchObject({ kind: 'scaleService', status: 'succeeded', target: { id: payments } });
    const scaled = serviceOf(handler.getState(), prod, payments);
    expect(scaled).toMatchObject({ status: 'running', minReplicas: 2, maxReplicas: 3 });
    expect(scaled.roles.map((role) => [role.name, role.instances.length])).toEqual([['worker', 2]]);
    expect(scaled.revisions).toEqual(serviceOf(before, prod, payments).revisions);
    expect(log.names()).toEqual([
      'scaleService',
      'state:changed',
      'scaleService:success',
      'state:changed',
      'operation:completed',
    ]);
  });

  it('refuses minReplicas above maxReplicas as VALIDATION without any HTTP call', async () => {
    const { bridge } = await signIn();
    const callsBefore = calls.length;

    const error = await rejectionOf(
      bridge.request('scaleService', { tenantId: prod, serviceId: payments, minReplicas: 3, maxReplicas: 2 }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'maxReplicas' }] });
    expect(calls.length).toBe(callsBefore);
  });

  it('refuses to scale a service while another of its operations runs, with CONFLICT', async () => {
    const slowUrl = 'http://slow.aurora.test/api';
    const slow = createReferenceApi({ baseUrl: slowUrl, operationDurationMs: 60_000 });
    server.use(...slow.handlers);
    const { bridge } = await signIn(demoCredentials, {
      environment: { apiBaseUrl: slowUrl, logLevel: 'silent', timeoutMs: 5_000 },
    });
    await bridge.request('restartService', { tenantId: prod, serviceId: payments });

    const error = await rejectionOf(
      bridge.request('scaleService', { tenantId: prod, serviceId: payments, minReplicas: 1, maxReplicas: 3 }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('is busy with') as string });
  });
});

describe('restartService and restartInstance', () => {
  it('restarts every instance of a service; once completed, the state shows the restarts', async () => {
    const { bridge, handler } = await signIn();

    await bridge.request('restartService', { tenantId: prod, serviceId: payments }, { until: 'completed' });

    const instances = serviceOf(handler.getState(), prod, payments).roles.flatMap((role) => role.instances);
    expect(instances.map((instance) => instance.containers.map((container) => container.restartCount))).toEqual([[1]]);
    expect(instances[0]?.logs).toEqual(expect.arrayContaining([expect.stringContaining('Received SIGTERM')]));
  });

  it('restarts one instance, following an operation whose target is the instance', async () => {
    const { bridge, log } = await signIn();
    const instanceId = SEED.shopFrontendInstances[0] ?? 'none';

    const completed = await bridge.request(
      'restartInstance',
      { tenantId: prod, serviceId: shop, instanceId },
      { until: 'completed', requestId: 'restart-one' },
    );

    expect(completed).toMatchObject({
      kind: 'restartInstance',
      status: 'succeeded',
      target: { type: 'instance', id: instanceId, tenant: prod },
    });
    expect(log.names().at(-1)).toBe('operation:completed');
    expect(api.store.services.get(shop)?.instances.find((item) => item.id === instanceId)?.restartCount).toBe(1);
  });

  it('after restartInstance completes, the state shows that instance restarted and the others untouched', async () => {
    const { bridge, handler } = await signIn();
    const [restarted = 'none', other = 'none'] = SEED.shopFrontendInstances;
    const before = handler.getState();
    const instance = (state: typeof before, id: string) =>
      serviceOf(state, prod, shop)
        .roles.flatMap((role) => role.instances)
        .find((item) => item.id === id);

    await bridge.request(
      'restartInstance',
      { tenantId: prod, serviceId: shop, instanceId: restarted },
      { until: 'completed' },
    );

    expect(instance(handler.getState(), restarted)?.containers[0]?.restartCount).toBe(1);
    expect(instance(handler.getState(), other)).toEqual(instance(before, other));
  });

  it('answers restartInstance of an unknown instance with NOT_FOUND', async () => {
    const { bridge } = await signIn();

    const error = await rejectionOf(
      bridge.request('restartInstance', { tenantId: prod, serviceId: shop, instanceId: 'inst-404' }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Instance inst-404') as string });
  });
});

describe('loadServiceRevisions and rollbackService', () => {
  it('lists the revisions newest first, marking the current one, and pages them by query', async () => {
    const { bridge, log } = await signIn();

    const all = await bridge.request('loadServiceRevisions', { tenantId: prod, serviceId: shop });
    const oldestTwo = await bridge.request('loadServiceRevisions', {
      tenantId: prod,
      serviceId: shop,
      query: { sort: [{ field: 'number', direction: 'asc' }], limit: 2 },
    });

    expect(all.totalCount).toBe(3);
    expect(all.items.map((revision) => [revision.number, revision.imageName, revision.current])).toEqual([
      [3, 'northwind/shop:2.4.1', true],
      [2, 'northwind/shop:2.4.0', false],
      [1, 'northwind/shop:2.3.0', false],
    ]);
    expect(all.items.map((revision) => revision.id)).toEqual([...SEED.shopRevisions].reverse());
    expect(oldestTwo).toMatchObject({ totalCount: 3, items: [{ number: 1 }, { number: 2 }] });
    expect(oldestTwo.items).toHaveLength(2);
    expect(log.names()).toEqual([
      'loadServiceRevisions',
      'loadServiceRevisions:success',
      'loadServiceRevisions',
      'loadServiceRevisions:success',
    ]);
  });

  it('rolls back to an earlier revision, which becomes a new current revision with its image', async () => {
    const { bridge, handler } = await signIn();
    const [first = 'none'] = SEED.shopRevisions;

    const completed = await bridge.request(
      'rollbackService',
      { tenantId: prod, serviceId: shop, revision: first },
      { until: 'completed' },
    );
    const revisions = await bridge.request('loadServiceRevisions', { tenantId: prod, serviceId: shop });

    expect(completed).toMatchObject({ kind: 'rollbackService', status: 'succeeded' });
    const rolledBack = serviceOf(handler.getState(), prod, shop);
    expect(rolledBack).toMatchObject({ status: 'running', imageName: 'northwind/shop:2.3.0' });
    expect(rolledBack.revisions).toHaveLength(4);
    expect(revisions.items[0]).toMatchObject({ number: 4, imageName: 'northwind/shop:2.3.0', current: true });
    expect(rolledBack.currentRevision).toBe(revisions.items[0]?.id);
  });

  it('refuses a rollback to the current revision with CONFLICT', async () => {
    const { bridge, handler } = await signIn();
    const current = SEED.shopRevisions.at(-1) ?? 'none';
    const before = handler.getState();

    const error = await rejectionOf(
      bridge.request('rollbackService', { tenantId: prod, serviceId: shop, revision: current }),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: expect.stringContaining('Revision 3 is already the current revision of shop') as string,
    });
    expect(handler.getState()).toBe(before);
  });

  it('refuses a rollback to a revision of another service as VALIDATION', async () => {
    const { bridge } = await signIn();
    const [first = 'none'] = SEED.shopRevisions;

    const error = await rejectionOf(
      bridge.request('rollbackService', { tenantId: prod, serviceId: payments, revision: first }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400, details: [{ path: 'revision' }] });
  });
});

describe('loadInstanceLogs', () => {
  /** The time a log line was written: its first word. */
  const writtenAt = (line: string): number => Date.parse(line.slice(0, line.indexOf(' ')));

  it('returns the log lines of an instance, the last `tail` ones, and those written `since` a time', async () => {
    const { bridge, log } = await signIn();
    const instanceId = SEED.shopFrontendInstances[0] ?? 'none';
    const ref = { tenantId: prod, serviceId: shop, instanceId };

    const all = await bridge.request('loadInstanceLogs', ref);
    const since = all.lines[20]?.split(' ')[0] ?? 'none';
    const last5 = await bridge.request('loadInstanceLogs', { ...ref, tail: 5 });
    const recent = await bridge.request('loadInstanceLogs', { ...ref, since });
    const lastRecent = await bridge.request('loadInstanceLogs', { ...ref, since, tail: 3 });

    expect(all.instanceId).toBe(instanceId);
    expect(all.lines.length).toBeGreaterThan(40);
    expect(all.lines.filter((line) => line.includes(' GET '))).toHaveLength(40);
    expect(last5.lines).toEqual(all.lines.slice(-5));
    const expected = all.lines.filter((line) => writtenAt(line) >= Date.parse(since));
    expect(recent.lines).toEqual(expected);
    expect(recent.lines.length).toBeLessThan(all.lines.length);
    expect(lastRecent.lines).toEqual(expected.slice(-3));
    expect(log.names().filter((name) => name === 'state:changed')).toEqual([]);
  });

  it('refuses a tail outside 1 to 10000 as VALIDATION without any HTTP call', async () => {
    const { bridge } = await signIn();
    const callsBefore = calls.length;
    const instanceId = SEED.shopFrontendInstances[0] ?? 'none';

    const error = await rejectionOf(
      bridge.request('loadInstanceLogs', { tenantId: prod, serviceId: shop, instanceId, tail: 0 }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'tail' }] });
    expect(calls.length).toBe(callsBefore);
  });
});

describe('deleteService', () => {
  it('undeploys a service: the state shows it deleting, then loses it once the operation completes', async () => {
    const { bridge, handler, log } = await signIn();
    const before = handler.getState();

    await bridge.request('deleteService', { tenantId: prod, serviceId: analytics }, { until: 'completed' });
    const fromApi = await bridge.request('listServices', { tenantId: prod });

    expect(log.names()).toEqual([
      'deleteService',
      'state:changed',
      'deleteService:success',
      'state:changed',
      'operation:completed',
      'listServices',
      'listServices:success',
    ]);
    const [deleting, deleted] = log.stateChanges().map(({ state }) => state);
    expect(serviceOf(deleting ?? null, prod, analytics).status).toBe('deleting');
    expect(findService(deleted ?? null, prod, 'analytics')).toBeUndefined();
    expect(tenantOf(handler.getState(), prod).services.map((service) => service.id)).toEqual([shop, payments]);
    expect(serviceOf(handler.getState(), prod, shop)).toBe(serviceOf(before, prod, shop));
    expect(fromApi.items.map((service) => service.name)).toEqual(['shop', 'payments']);
  });
});

describe('linkServices and unlinkServices', () => {
  const link = {
    tenantId: prod,
    name: 'shop-to-payments',
    origin: { service: shop, channel: 'payments' },
    target: { service: payments, channel: 'api' },
  };

  it('unlinks two services, then links them under another name; the API answers the link', async () => {
    const { bridge } = await signIn();

    const unlinked = await bridge.request('unlinkServices', { tenantId: prod, linkName: 'shop-payments' });
    const linked = await bridge.request('linkServices', link);
    const services = await bridge.request('listServices', { tenantId: prod });

    expect(unlinked).toEqual({ tenantId: prod, linkName: 'shop-payments' });
    expect(linked).toEqual({ name: 'shop-to-payments', origin: shop, target: payments });
    expect(services.items.find((service) => service.id === shop)?.links).toEqual([linked]);
    expect(services.items.find((service) => service.id === payments)?.links).toEqual([linked]);
  });

  it('keeps the links of the services in the state current after unlinkServices and linkServices', async () => {
    const { bridge, handler } = await signIn();
    const linksOf = (serviceId: string) =>
      serviceOf(handler.getState(), prod, serviceId).links.map((item) => item.name);
    expect(linksOf(shop)).toEqual(['shop-payments']);

    await bridge.request('unlinkServices', { tenantId: prod, linkName: 'shop-payments' });
    const afterUnlink = [linksOf(shop), linksOf(payments)];
    await bridge.request('linkServices', link);
    const afterLink = [linksOf(shop), linksOf(payments)];

    expect(afterUnlink).toEqual([[], []]);
    expect(afterLink).toEqual([['shop-to-payments'], ['shop-to-payments']]);
  });

  it('refuses a link whose name the tenant already uses, or from a channel already linked, with CONFLICT', async () => {
    const { bridge } = await signIn();

    const sameName = await rejectionOf(bridge.request('linkServices', { ...link, name: 'shop-payments' }));
    const sameChannel = await rejectionOf(bridge.request('linkServices', link));

    expect(sameName).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already has a link named shop-payments') as string,
    });
    expect(sameChannel).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already linked by link shop-payments') as string,
    });
  });

  it('refuses a link of a service to itself as VALIDATION without any HTTP call', async () => {
    const { bridge } = await signIn();
    const callsBefore = calls.length;

    const error = await rejectionOf(
      bridge.request('linkServices', { ...link, target: { service: shop, channel: 'https' } }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'target.service' }] });
    expect(calls.length).toBe(callsBefore);
  });

  it('answers unlinking a link the tenant does not have with NOT_FOUND', async () => {
    const { bridge } = await signIn();

    const error = await rejectionOf(bridge.request('unlinkServices', { tenantId: prod, linkName: 'no-such-link' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
