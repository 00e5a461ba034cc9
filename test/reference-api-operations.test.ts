import { listResponseSchema } from '../api/contract/list-query';
import { OperationBatchSchema, RevisionSchema } from '../api/contract/service-routes';
import { MarketplaceItemSchema, ServiceSchema } from '../interfaces';
import { OperationSchema, type Operation } from '../interfaces/operation-interface';
import { freemiumCredentials, type ReferenceApiOptions } from '../testing';
import { signedInClient } from './support/reference-client';
import { blogSpec } from './support/reference-seed';

const START = new Date('2026-04-01T10:00:00.000Z');

/** How long an operation runs unless a test says otherwise: the reference API's default, on a fake clock. */
const DURATION_MS = 1500;

async function setup(options: ReferenceApiOptions = {}) {
  jest.useFakeTimers({ now: START });
  const client = await signedInClient({ operationDurationMs: DURATION_MS, ...options });
  const { call, token } = client;
  const operation = async (id: string): Promise<Operation> =>
    OperationSchema.parse((await call('getOperation', { token, params: { operationId: id } })).body);
  const service = async (serviceId: string, tenantId = 'ten-1') =>
    ServiceSchema.parse((await call('getService', { token, params: { tenantId, serviceId } })).body);
  return { ...client, operation, service };
}

afterEach(() => {
  jest.useRealTimers();
});

describe('reference API long-running operations', () => {
  it('deployService answers 202 with a pending operation that runs, progresses and succeeds after operationDurationMs', async () => {
    const { call, token, operation, service } = await setup({ operationDurationMs: 1000 });
    const accepted = await call('deployService', { token, params: { tenantId: 'ten-1' }, body: blogSpec() });
    expect(accepted.status).toBe(202);
    const started = OperationSchema.parse(accepted.body);
    expect(started).toMatchObject({
      kind: 'deployService',
      status: 'pending',
      progress: 0,
      target: { type: 'service', tenant: 'ten-1' },
    });
    expect(await service(started.target.id)).toMatchObject({ status: 'deploying', revisions: [] });

    jest.advanceTimersByTime(500);
    const halfway = await operation(started.id);
    expect(halfway).toMatchObject({ status: 'running', progress: 50 });
    jest.advanceTimersByTime(300);
    expect((await operation(started.id)).progress).toBe(80);

    jest.advanceTimersByTime(200);
    expect(await operation(started.id)).toMatchObject({
      status: 'succeeded',
      progress: 100,
      updatedAt: '2026-04-01T10:00:01.000Z',
    });
    const deployed = await service(started.target.id);
    expect(deployed).toMatchObject({ status: 'running', lastDeployed: '2026-04-01T10:00:01.000Z' });
    expect(deployed.revisions).toHaveLength(1);
    expect(deployed.roles[0]?.instances.map((instance) => instance.status)).toEqual(['running', 'running']);
  });

  it('the effect of an operation applies once its time is up, without anyone polling it', async () => {
    const { call, token, service } = await setup();
    const started = OperationSchema.parse(
      (await call('deployService', { token, params: { tenantId: 'ten-1' }, body: blogSpec() })).body,
    );
    jest.advanceTimersByTime(1500);
    expect((await service(started.target.id)).status).toBe('running');
  });

  it('with operationDurationMs 0 an operation has succeeded when the 202 arrives', async () => {
    const { call, token, service } = await setup({ operationDurationMs: 0 });
    const accepted = OperationSchema.parse(
      (await call('deployService', { token, params: { tenantId: 'ten-1' }, body: blogSpec() })).body,
    );
    expect(accepted).toMatchObject({ status: 'succeeded', progress: 100 });
    expect((await service(accepted.target.id)).status).toBe('running');
  });

  it('deploying an image whose name contains "fail" ends failed with a SERVER error and a failed service', async () => {
    const { call, token, operation, service } = await setup();
    const body = blogSpec({ name: 'broken', imageName: 'shop:fail' });
    const started = OperationSchema.parse(
      (await call('deployService', { token, params: { tenantId: 'ten-1' }, body })).body,
    );
    jest.advanceTimersByTime(1500);
    const failed = await operation(started.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({
      code: 'SERVER',
      message:
        'Image shop:fail could not be pulled from registry.northwind.dev: manifest unknown. Check the image name and tag',
    });
    expect(await service(started.target.id)).toMatchObject({ status: 'failed', revisions: [] });
  });

  it('a failed update leaves the previous revision running', async () => {
    const { api, call, token, operation, service } = await setup();
    const shop = api.store.services.get('svc-1');
    const body = { ...shop?.spec, imageName: 'northwind/shop:fail-2.5.0' };
    const started = OperationSchema.parse(
      (await call('updateService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' }, body })).body,
    );
    expect((await service('svc-1')).status).toBe('deploying');
    jest.advanceTimersByTime(1500);
    expect((await operation(started.id)).status).toBe('failed');
    expect(await service('svc-1')).toMatchObject({
      status: 'running',
      imageName: 'northwind/shop:2.4.1',
      currentRevision: 'rev-3',
    });
  });

  it('updateService rolls out a new revision that loadServiceRevisions lists first, as current', async () => {
    const { api, call, token, service } = await setup({ operationDurationMs: 0 });
    const shop = api.store.services.get('svc-1');
    const body = { ...shop?.spec, imageName: 'northwind/shop:2.5.0' };
    expect(
      (await call('updateService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' }, body })).status,
    ).toBe(202);
    const updated = await service('svc-1');
    expect(updated).toMatchObject({ imageName: 'northwind/shop:2.5.0', status: 'running' });
    expect(updated.roles[0]?.version).toBe('2.5.0');
    const revisions = await call('loadServiceRevisions', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' } });
    const page = listResponseSchema(RevisionSchema).parse(revisions.body);
    expect(page.items.map((revision) => [revision.number, revision.imageName, revision.current])).toEqual([
      [4, 'northwind/shop:2.5.0', true],
      [3, 'northwind/shop:2.4.1', false],
      [2, 'northwind/shop:2.4.0', false],
      [1, 'northwind/shop:2.3.0', false],
    ]);
  });

  it('rollbackService brings an earlier revision back as a new current revision', async () => {
    const { call, token, service } = await setup({ operationDurationMs: 0 });
    const response = await call('rollbackService', {
      token,
      params: { tenantId: 'ten-1', serviceId: 'svc-1' },
      body: { revision: 'rev-1' },
    });
    expect(response.status).toBe(202);
    const rolledBack = await service('svc-1');
    expect(rolledBack).toMatchObject({ imageName: 'northwind/shop:2.3.0' });
    expect(rolledBack.revisions).toHaveLength(4);
    const current = await call('rollbackService', {
      token,
      params: { tenantId: 'ten-1', serviceId: 'svc-1' },
      body: { revision: rolledBack.currentRevision },
    });
    expect(current.status).toBe(409);
  });

  it('scaleService changes the replica range and the number of instances when it succeeds', async () => {
    const { call, token, service } = await setup();
    await call('scaleService', {
      token,
      params: { tenantId: 'ten-1', serviceId: 'svc-2' },
      body: { minReplicas: 3, maxReplicas: 5 },
    });
    expect((await service('svc-2')).roles[0]?.instances).toHaveLength(1);
    jest.advanceTimersByTime(1500);
    const scaled = await service('svc-2');
    expect(scaled).toMatchObject({ minReplicas: 3, maxReplicas: 5, status: 'running' });
    expect(scaled.roles[0]?.instances).toHaveLength(3);
  });

  it('restartService restarts every instance: each restart count grows by one', async () => {
    const { call, token, service } = await setup({ operationDurationMs: 0 });
    const before = (await service('svc-1')).roles.flatMap((role) =>
      role.instances.map((instance) => instance.containers[0]?.restartCount),
    );
    await call('restartService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' } });
    const after = (await service('svc-1')).roles.flatMap((role) =>
      role.instances.map((instance) => instance.containers[0]?.restartCount),
    );
    expect(after).toEqual(before.map((count) => (count ?? 0) + 1));
  });

  it('restartInstance brings back the crashed instance of a degraded service, which runs again', async () => {
    const { call, token, operation, service } = await setup();
    const analytics = await service('svc-3');
    expect(analytics.status).toBe('degraded');
    const crashed = analytics.roles.flatMap((role) => role.instances).find((instance) => instance.status === 'failed');
    const started = OperationSchema.parse(
      (
        await call('restartInstance', {
          token,
          params: { tenantId: 'ten-1', serviceId: 'svc-3', instanceId: crashed?.id ?? '' },
        })
      ).body,
    );
    expect(started.target).toEqual({ type: 'instance', id: crashed?.id, tenant: 'ten-1' });
    jest.advanceTimersByTime(1500);
    expect((await operation(started.id)).status).toBe('succeeded');
    expect((await service('svc-3')).status).toBe('running');
  });

  it('deleteService marks the service deleting, then it is gone with its links', async () => {
    const { api, call, token } = await setup();
    const accepted = await call('deleteService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-2' } });
    expect(OperationSchema.parse(accepted.body).kind).toBe('deleteService');
    expect((await call('getService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-2' } })).body).toMatchObject(
      { status: 'deleting' },
    );
    jest.advanceTimersByTime(1500);
    expect((await call('getService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-2' } })).status).toBe(404);
    expect(api.store.links).not.toContainEqual(expect.objectContaining({ name: 'shop-payments' }));
  });

  it('a second change to a service while an operation runs on it answers 409', async () => {
    const { call, token } = await setup();
    await call('restartService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' } });
    const busy = await call('deleteService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' } });
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is busy with operation') as unknown,
    });
    jest.advanceTimersByTime(1500);
    expect((await call('deleteService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' } })).status).toBe(
      202,
    );
  });

  it('deployMarketplaceItem deploys the item as a service and the item then shows installed', async () => {
    const { call, token, operation } = await setup();
    const market = await call('loadMarketplace', {
      token,
      params: { tenantId: 'ten-1' },
      query: {
        filter: JSON.stringify({ operator: 'and', filters: [{ field: 'name', operator: 'eq', value: 'postgres' }] }),
      },
    });
    const item = listResponseSchema(MarketplaceItemSchema).parse(market.body).items[0];
    expect(item?.status).toBe('available');
    const started = OperationSchema.parse(
      (
        await call('deployMarketplaceItem', {
          token,
          params: { tenantId: 'ten-1', itemId: item?.id ?? '' },
          body: { name: 'orders-db', environment: 'env-1', account: 'acc-1' },
        })
      ).body,
    );
    expect(started.kind).toBe('deployMarketplaceItem');
    jest.advanceTimersByTime(1500);
    expect((await operation(started.id)).status).toBe('succeeded');
    const after = listResponseSchema(MarketplaceItemSchema).parse(
      (await call('loadMarketplace', { token, params: { tenantId: 'ten-1' } })).body,
    );
    const installed = after.items.find((entry) => entry.id === item?.id);
    expect(installed).toMatchObject({ status: 'installed', requirements: { cpu: 1, memory: 2048 } });
    expect(installed?.instances).toHaveLength(1);
  });

  it('a deprecated marketplace item cannot be deployed (409)', async () => {
    const { api, call, token } = await setup();
    const keycloak = api.store.marketplaceOf('ten-1').find((item) => item.name === 'keycloak');
    const response = await call('deployMarketplaceItem', {
      token,
      params: { tenantId: 'ten-1', itemId: keycloak?.id ?? '' },
      body: { name: 'sso', environment: 'env-1', account: 'acc-1' },
    });
    expect(response.status).toBe(409);
  });
});

describe('reference API getOperations (GET /operations?ids=)', () => {
  const ids = (body: unknown) => OperationBatchSchema.parse(body).items.map((item) => item.id);

  it('answers the operations asked for as they stand now, in the order asked, each once', async () => {
    const { call, token } = await setup();
    const restart = async (serviceId: string) =>
      OperationSchema.parse((await call('restartService', { token, params: { tenantId: 'ten-1', serviceId } })).body);
    const first = await restart('svc-1');
    const second = await restart('svc-2');
    jest.advanceTimersByTime(750);

    const response = await call('getOperations', { token, query: { ids: `${second.id},${first.id},${second.id}` } });

    expect(response.status).toBe(200);
    expect(OperationBatchSchema.parse(response.body).items).toEqual([
      expect.objectContaining({ id: second.id, status: 'running', progress: 50 }),
      expect.objectContaining({ id: first.id, status: 'running', progress: 50 }),
    ]);
  });

  it('leaves out unknown ids and the operations of tenants the caller is not a member of, alike', async () => {
    const { call, token, login } = await setup();
    const free = await login(freemiumCredentials);
    const own = OperationSchema.parse(
      (await call('restartService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' } })).body,
    );
    const foreign = OperationSchema.parse(
      (
        await call('deployService', {
          token: free,
          params: { tenantId: 'ten-3' },
          body: blogSpec({ environment: 'env-4', account: 'acc-5', minReplicas: 1, maxReplicas: 2, resources: [] }),
        })
      ).body,
    );

    const asked = { ids: `op-999,${foreign.id},${own.id}` };

    expect(ids((await call('getOperations', { token, query: asked })).body)).toEqual([own.id]);
    expect(ids((await call('getOperations', { token: free, query: asked })).body)).toEqual([foreign.id]);
  });

  it.each([
    ['no id', ''],
    ['an empty id', 'op-1,,op-2'],
    ['more than 100 ids', Array.from({ length: 101 }, (_, index) => `op-${index}`).join(',')],
    ['an id longer than 128 characters', `op-1,${'x'.repeat(129)}`],
  ])('refuses %s with 400 VALIDATION', async (_case, value) => {
    const { call, token } = await setup();

    const response = await call('getOperations', { token, query: { ids: value } });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION', details: [expect.objectContaining({ path: 'ids' })] });
  });

  it('answers 100 ids', async () => {
    const { call, token } = await setup();
    const hundred = Array.from({ length: 100 }, (_, index) => `op-${index + 1}`).join(',');

    expect((await call('getOperations', { token, query: { ids: hundred } })).status).toBe(200);
  });
});
