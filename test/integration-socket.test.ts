import { createBackendHandler } from '../backend-handler';
import { createWUIBridge } from '../event-helper';
import { EventNames, type EventName } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import { demoCredentials, startReferenceServer, type ReferenceServer } from '../testing';

// Everything here goes over a real HTTP socket to a reference API server: no msw, no mocked transport.

const POLLING = { initialMs: 1, factor: 1, maxMs: 1 };

function startHandler(apiBaseUrl: string) {
  const bridge = createWUIBridge({ onListenerError: (error) => listenerErrors.push(error) });
  const events: Array<{ event: EventName; args: unknown[] }> = [];
  for (const event of EventNames) bridge.on(event, (...args: unknown[]) => void events.push({ event, args }));
  const handler = createBackendHandler({
    bridge,
    environment: { apiBaseUrl, logLevel: 'silent', timeoutMs: 5_000 },
    polling: POLLING,
  });
  handler.start();
  handlers.push(handler);
  return { bridge, handler, events };
}

const listenerErrors: unknown[] = [];
const handlers: Array<ReturnType<typeof createBackendHandler>> = [];

/** The events of one long-running request, in order: its acceptance, its progress and how it ended. */
function operationEvents(events: Array<{ event: EventName; args: unknown[] }>, requestId: string) {
  return events
    .filter(
      ({ event, args }) => event.startsWith('operation:') && (args[1] as { requestId: string }).requestId === requestId,
    )
    .map(({ event, args }) => [event, (args[0] as Operation).status]);
}

describe('over a real HTTP socket', () => {
  let server: ReferenceServer;

  beforeAll(async () => {
    server = await startReferenceServer({ port: 0, operationDurationMs: 50 });
  });

  afterEach(() => {
    for (const handler of handlers.splice(0)) handler.stop();
  });

  afterAll(async () => {
    await server.close();
  });

  it('signs in, builds a tenant, deploys, scales, reads logs, rolls back and deletes a service through bridge.request only', async () => {
    const { bridge, handler, events } = startHandler(server.url);

    const user = await bridge.request('login', { ...demoCredentials });
    const tenant = await bridge.request('createTenant', {
      name: 'socket-tenant',
      organizationId: user.organizations[0]?.id ?? 'none',
    });
    const account = await bridge.request('createAccount', {
      tenantId: tenant.id,
      name: 'socket-cloud',
      cloudProvider: {
        name: 'openstack',
        region: 'RegionOne',
        authType: 'password',
        authUrl: 'https://keystone.socket.example.net:5000/v3',
        credentialId: 'socket-bot',
        credentialSecret: 'socket-S3cr3t-pass',
      },
    });
    const environment = await bridge.request('createEnvironment', {
      tenantId: tenant.id,
      name: 'socket-env',
      account: account.id,
    });
    const form = {
      tenantId: tenant.id,
      name: 'echo',
      environment: environment.id,
      account: account.id,
      registry: 'registry.aurora.dev',
      imageName: 'aurora/echo:1.0.0',
      minReplicas: 1,
      maxReplicas: 2,
      roles: [{ name: 'web', cpu: 0.25, memory: 256 }],
      serverChannels: [{ name: 'http', protocol: 'http' as const, port: 8080 }],
      clientChannels: [],
      duplexChannels: [],
      links: [],
      resources: [],
    };

    const deployed = await bridge.request('deployService', form, { until: 'completed', requestId: 'deploy' });
    const serviceId = deployed.target.id;
    const scaled = await bridge.request(
      'scaleService',
      { tenantId: tenant.id, serviceId, minReplicas: 2, maxReplicas: 3 },
      { until: 'completed', requestId: 'scale' },
    );
    const service = handler.getState()?.tenants.find((item) => item.id === tenant.id)?.services[0];
    const instanceId = service?.roles[0]?.instances[0]?.id ?? 'none';
    const logs = await bridge.request('loadInstanceLogs', { tenantId: tenant.id, serviceId, instanceId, tail: 2 });
    await bridge.request(
      'updateService',
      { ...form, serviceId, imageName: 'aurora/echo:1.1.0' },
      { until: 'completed', requestId: 'update' },
    );
    const revisions = await bridge.request('loadServiceRevisions', { tenantId: tenant.id, serviceId });
    const first = revisions.items.find((revision) => revision.number === 1);
    const rolledBack = await bridge.request(
      'rollbackService',
      { tenantId: tenant.id, serviceId, revision: first?.id ?? 'none' },
      { until: 'completed', requestId: 'rollback' },
    );
    const afterRollback = handler.getState()?.tenants.find((item) => item.id === tenant.id)?.services[0];
    const deleted = await bridge.request(
      'deleteService',
      { tenantId: tenant.id, serviceId },
      { until: 'completed', requestId: 'delete' },
    );

    expect(user.email).toBe(demoCredentials.email);
    expect(tenant).toMatchObject({ name: 'socket-tenant', role: 'owner' });
    expect(deployed).toMatchObject({ kind: 'deployService', status: 'succeeded', progress: 100 });
    expect(scaled).toMatchObject({ kind: 'scaleService', status: 'succeeded', target: { id: serviceId } });
    expect(service).toMatchObject({ name: 'echo', status: 'running', minReplicas: 2, maxReplicas: 3 });
    expect(service?.roles[0]?.instances).toHaveLength(2);
    expect(logs.instanceId).toBe(instanceId);
    expect(logs.lines).toHaveLength(2);
    expect(logs.lines.at(-1)).toContain('Listening on http port 8080 (http)');
    expect(revisions.items.map((revision) => [revision.number, revision.imageName, revision.current])).toEqual([
      [2, 'aurora/echo:1.1.0', true],
      [1, 'aurora/echo:1.0.0', false],
    ]);
    expect(rolledBack).toMatchObject({ kind: 'rollbackService', status: 'succeeded' });
    expect(afterRollback).toMatchObject({ status: 'running', imageName: 'aurora/echo:1.0.0' });
    expect(afterRollback?.revisions).toHaveLength(3);
    expect(deleted).toMatchObject({ kind: 'deleteService', status: 'succeeded' });
    expect(handler.getState()?.tenants.find((item) => item.id === tenant.id)?.services).toEqual([]);
    for (const requestId of ['deploy', 'scale', 'update', 'rollback', 'delete']) {
      const followed = operationEvents(events, requestId);
      expect(followed.at(-2)).toEqual(['operation:progress', 'succeeded']);
      expect(followed.at(-1)).toEqual(['operation:completed', 'succeeded']);
      expect(followed.slice(0, -1).every(([event]) => event === 'operation:progress')).toBe(true);
    }
    expect(listenerErrors).toEqual([]);
  });

  it('answers a handler pointed at a closed port with a NETWORK error', async () => {
    const closed = await startReferenceServer({ port: 0 });
    await closed.close();
    const { bridge, events } = startHandler(closed.url);

    const error = await bridge.request('login', { ...demoCredentials }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      code: 'NETWORK',
      retryable: true,
      method: 'POST',
      path: '/auth/login',
      message: expect.stringContaining(`could not reach ${closed.url}`) as string,
    });
    expect(events.map(({ event }) => event)).toEqual(['login', 'login:error']);
  });
});
