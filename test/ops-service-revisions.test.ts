import { rejectionOf, serviceOf, useReferenceApi } from './support/reference';
import { SEED, formOf, seededSpec } from './support/reference-seed';

const { api, calls, signIn } = useReferenceApi();

const { prod } = SEED.tenants;
const { shop, payments } = SEED.services;

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
