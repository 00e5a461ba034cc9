// The live console end to end: real handlers with their real `GET /events` stream on the loopback reference
// server. Each scenario is one the issue names: what another user changes arrives with no request of one's own,
// a dropped stream resumes with no gap and no duplicate, a gap too old reloads, a token renewed mid-stream.
import { createBackendHandler, type BackendHandler } from '../backend-handler';
import { createWUIBridge, type WUIBridge } from '../event-helper';
import type { LiveEvent } from '../api/contract/live-events';
import type { StreamStatus } from '../api/stream/stream-status';
import type { HttpCallInfo } from '../api/http/transport';
import { createTestBackend, labsOwnerCredentials, type Credentials, type TestBackend } from '../testing';
import { demoCredentials } from '../testing';
import { SEED } from './support/reference-seed';

const FAST_STREAM = { backoff: { initialMs: 10, maxMs: 50 }, heartbeatTimeoutMs: 5_000 };

interface Console {
  bridge: WUIBridge;
  handler: BackendHandler;
  events: LiveEvent[];
  statuses: StreamStatus[];
  calls: HttpCallInfo[];
  /** Resolves once a pushed event matches. */
  until(match: (event: LiveEvent) => boolean): Promise<LiveEvent>;
  /** Resolves once the stream reports `state`. */
  untilStatus(state: StreamStatus['state']): Promise<void>;
}

const started: BackendHandler[] = [];
let backend: TestBackend | undefined;

afterEach(async () => {
  for (const handler of started.splice(0)) handler.stop();
  await backend?.dispose();
  backend = undefined;
});

async function start(options: Parameters<typeof createTestBackend>[0] = {}): Promise<TestBackend> {
  backend = await createTestBackend({ ...options, handler: { stream: false } });
  return backend;
}

/** A second console (another tab or another user) on the same reference server, signed in as `credentials`. */
async function openConsole(server: TestBackend, credentials: Credentials): Promise<Console> {
  const bridge = createWUIBridge();
  const calls: HttpCallInfo[] = [];
  const handler = createBackendHandler({
    bridge,
    environment: { apiBaseUrl: server.url, logLevel: 'silent', timeoutMs: 5_000 },
    polling: { initialMs: 5, factor: 1.5, maxMs: 50 },
    stream: FAST_STREAM,
    onHttpCall: (call) => calls.push(call),
  });
  handler.start();
  started.push(handler);
  const events: LiveEvent[] = [];
  const statuses: StreamStatus[] = [];
  bridge.on('stream:event', (event) => void events.push(event));
  bridge.on('stream:status', (status) => void statuses.push(status));
  const until = (match: (event: LiveEvent) => boolean) =>
    new Promise<LiveEvent>((resolve) => {
      const seen = events.find(match);
      if (seen !== undefined) return resolve(seen);
      const off = bridge.on('stream:event', (event) => {
        if (!match(event)) return;
        off();
        resolve(event);
      });
    });
  const untilStatus = (state: StreamStatus['state']) =>
    new Promise<void>((resolve) => {
      if (statuses.at(-1)?.state === state) return resolve();
      const off = bridge.on('stream:status', (status) => {
        if (status.state !== state) return;
        off();
        resolve();
      });
    });
  await bridge.request('login', { email: credentials.email, password: credentials.password });
  await untilStatus('open');
  return { bridge, handler, events, statuses, calls, until, untilStatus };
}

const tenantOf = (console: Console, tenantId: string) =>
  console.handler.getState()?.tenants.find((tenant) => tenant.id === tenantId);

describe('the live console', () => {
  it('shows what another user changes in a shared tenant, with no request of its own', async () => {
    const server = await start();
    const demo = await openConsole(server, demoCredentials);
    const sam = await openConsole(server, labsOwnerCredentials);
    const callsBefore = demo.calls.length;

    await sam.bridge.request('updateTenant', { tenantId: SEED.tenants.labs, name: 'northwind-research' });
    await sam.bridge.request('createResource', {
      tenantId: SEED.tenants.labs,
      type: 'domain',
      name: 'research-domain',
      value: 'research.northwind.example',
    });
    await demo.until((event) => event.type === 'resource.created');
    await demo.until((event) => event.type === 'tenant.updated');

    expect(tenantOf(demo, SEED.tenants.labs)?.name).toBe('northwind-research');
    expect(tenantOf(demo, SEED.tenants.labs)?.resources.map((resource) => resource.name)).toContain('research-domain');
    expect(demo.calls.slice(callsBefore)).toEqual([]);
  });

  it('resumes a dropped stream with no gap and no duplicate', async () => {
    const server = await start();
    const demo = await openConsole(server, demoCredentials);
    const sam = await openConsole(server, labsOwnerCredentials);
    const firstId = Number(demo.events.at(-1)?.id ?? server.api.store.events.lastId);

    for (let round = 0; round < 5; round++) {
      server.api.disconnectStreams();
      await sam.bridge.request('updateTenant', { tenantId: SEED.tenants.labs, name: `labs-round-${round}` });
      await demo.until((event) => event.type === 'tenant.updated' && event.data.name === `labs-round-${round}`);
    }

    const journal = server.api.store.events.since(firstId);
    if (!Array.isArray(journal)) throw new Error(`the journal answered ${journal}`);
    const meant = journal.filter((entry) => entry.audience.has(SEED.users.demo)).map((entry) => String(entry.id));
    const received = demo.events.map((event) => event.id).filter((id) => Number(id) > firstId);
    expect(received).toEqual(meant);
    expect(demo.statuses.filter((status) => status.state === 'reconnecting').length).toBeGreaterThanOrEqual(5);
    expect(tenantOf(demo, SEED.tenants.labs)?.name).toBe('labs-round-4');
  });

  it('reloads the whole tree when the API can no longer replay what was missed', async () => {
    const server = await start();
    const demo = await openConsole(server, demoCredentials);
    const sam = await openConsole(server, labsOwnerCredentials);
    const reloadsBefore = demo.calls.filter((call) => call.path === '/users/me').length;

    // The replay buffer forgets what the demo console missed while it was away.
    sam.handler.stop();
    server.api.disconnectStreams();
    server.api.store.events.clear();
    const labs = server.api.store.tenants.get(SEED.tenants.labs);
    if (labs === undefined) throw new Error('no labs tenant');
    labs.name = 'renamed-while-away';
    labs.updatedAt = server.api.store.timestamp();
    await demo.until((event) => event.type === 'stream.reset');
    await new Promise<void>((resolve) => {
      const check = () => (tenantOf(demo, SEED.tenants.labs)?.name === 'renamed-while-away' ? resolve() : undefined);
      demo.bridge.on('state:changed', check);
      check();
    });

    expect(demo.calls.filter((call) => call.path === '/users/me').length).toBe(reloadsBefore + 1);
  });

  it('renews the token when the API ends the stream at its expiry, and goes on with the new one', async () => {
    const server = await start({ accessTokenTtlMs: 400 });
    const demo = await openConsole(server, demoCredentials);
    const sam = await openConsole(server, labsOwnerCredentials);

    await demo.untilStatus('reconnecting');
    await demo.untilStatus('open');
    // Sam's token expired too: his request renews it the same way.
    await sam.bridge.request('updateTenant', { tenantId: SEED.tenants.labs, name: 'after-renewal' });
    await demo.until((event) => event.type === 'tenant.updated' && event.data.name === 'after-renewal');

    expect(demo.calls.some((call) => call.path === '/auth/refresh' && call.status === 200)).toBe(true);
    expect(demo.handler.getState()).not.toBeNull();
  });

  it('pushes a notification when an operation ends, and counts it until read', async () => {
    const server = await start();
    const demo = await openConsole(server, demoCredentials);
    const received: string[] = [];
    demo.bridge.on('notification:received', (notification, meta) => {
      received.push(`${notification.kind} unread=${meta.unread}`);
    });
    const unreadBefore = demo.handler.getState()?.unreadNotifications ?? 0;

    await demo.bridge.request('restartService', { tenantId: SEED.tenants.prod, serviceId: SEED.services.shop });
    const pushed = await demo.until((event) => event.type === 'notification.created');
    if (pushed.type !== 'notification.created') throw new Error('not a notification');

    expect(received).toEqual([`operation_succeeded unread=${unreadBefore + 1}`]);
    expect(demo.handler.getState()?.unreadNotifications).toBe(unreadBefore + 1);
    await demo.bridge.request('markNotificationRead', { notificationId: pushed.data.notification.id });
    expect(demo.handler.getState()?.unreadNotifications).toBe(unreadBefore);
  });

  it('follows operations by push: no poll while the stream is open', async () => {
    const server = await start({ operationDurationMs: 300 });
    const demo = await openConsole(server, demoCredentials);
    const completed = new Promise<void>((resolve) => demo.bridge.on('operation:completed', () => resolve()));

    await demo.bridge.request('restartService', { tenantId: SEED.tenants.prod, serviceId: SEED.services.shop });
    await completed;

    expect(demo.calls.filter((call) => call.path.startsWith('/operations'))).toEqual([]);
  });
});
