import { demoCredentials } from '../testing';
import { findService, rejectionOf, serviceOf, tenantOf, useReferenceApi } from './support/reference';
import { SEED } from './support/reference-seed';

const { api, calls, signIn } = useReferenceApi();

const { prod } = SEED.tenants;
const { shop, payments, analytics } = SEED.services;

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
    const { bridge } = await signIn(demoCredentials, { operationDurationMs: 60_000 });
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
    // Dropped as its declaration says (removesTarget), not by asking the API for a service that is gone.
    expect(calls.filter((call) => call === `GET /api/tenants/${prod}/services/${analytics}`)).toEqual([]);
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
