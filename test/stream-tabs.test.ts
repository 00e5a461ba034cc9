import type { LiveSource } from '../api/stream/live-source';
import { createSharedSource, sharedSourceName, type SharedSourceOptions } from '../api/stream/shared-source';
import type { StreamStatus } from '../api/stream/stream-status';
import { BackendError } from '../errors/backend-error';
import { createFakeLocks, type FakeLocks } from './support/fake-locks';
import { createScriptedServer, liveEvent, type ScriptedServer } from './support/scripted-stream';

// Tabs are shared sources in one process: the fake lock manager stands for `navigator.locks`, and Node's
// BroadcastChannel delivers between channels of one process as between the tabs of an origin.

const NAME = sharedSourceName('https://console.test/api', 'user-1');

let channels: BroadcastChannel[] = [];
let tabs: LiveSource[] = [];

afterEach(() => {
  for (const tab of tabs) tab.close();
  for (const channel of channels) channel.close();
  tabs = [];
  channels = [];
});

function openChannel(name: string): BroadcastChannel {
  const channel = new BroadcastChannel(name);
  const close = channel.close.bind(channel);
  channels.push(channel);
  channel.close = () => {
    closed.add(channel);
    close();
  };
  return channel;
}
const closed = new Set<BroadcastChannel>();

/** A tab: a shared source whose events and statuses are written to one ordered log. */
function openTab(server: ScriptedServer, locks: FakeLocks, options: Partial<SharedSourceOptions> = {}) {
  const source = createSharedSource({
    name: NAME,
    createOwn: server.createOwn,
    locks,
    channel: openChannel,
    page: null,
    ...options,
  });
  tabs.push(source);
  const log: string[] = [];
  const statuses: StreamStatus[] = [];
  source.subscribe({
    events: (batch) => log.push(`events ${batch.map((event) => event.id).join(',')}`),
    status: (status) => {
      statuses.push(status);
      log.push(`${status.state}/${status.role}${status.lastEventId === undefined ? '' : `@${status.lastEventId}`}`);
    },
  });
  source.open();
  const events = () => log.filter((entry) => entry.startsWith('events'));
  return { source, log, statuses, events };
}

/** Lets messages and lock grants go round until `done()` holds; fails if it never does. */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 200; turn++) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the tabs never reached the expected state');
}

/** A few more turns, so that a duplicate on its way would arrive before the assertions. */
async function quiet(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
}

const hasEvent = (tab: { log: string[] }, id: number) =>
  tab.log.some((entry) => entry.startsWith('events') && entry.slice(7).split(',').includes(String(id)));

describe('one stream for all tabs', () => {
  it('gives three tabs one connection: the first leads, the others deliver every batch once, in order', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    const [a, b, c] = [openTab(server, locks), openTab(server, locks), openTab(server, locks)];
    await until(() => [b, c].every((tab) => tab.source.status.state === 'open'));

    server.publish(2);
    server.publish(3);
    await until(() => hasEvent(b, 5) && hasEvent(c, 5));
    await quiet();

    expect(server.sources).toHaveLength(1);
    expect(a.log).toEqual(['connecting/leader', 'open/leader', 'events 1,2', 'events 3,4,5']);
    for (const follower of [b, c]) {
      expect(follower.log).toEqual(['connecting/follower', 'open/follower', 'events 1,2', 'events 3,4,5']);
    }
  });

  it('shows a tab that joins the leader state at once, and relays each status change with its delay and error', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    const a = openTab(server, locks);
    await until(() => a.source.status.state === 'open');
    server.publish(2);
    const error = new BackendError({ code: 'NETWORK', message: 'The event stream dropped', path: '/events' });
    server.sources[0]?.report({ state: 'reconnecting', attempt: 1, retryInMs: 1_500, error });

    const b = openTab(server, locks);
    await until(() => b.source.status.state === 'reconnecting');
    server.sources[0]?.report({ state: 'open', attempt: 0 });
    server.publish(1);
    await until(() => hasEvent(b, 3));

    expect(b.log).toEqual(['connecting/follower', 'reconnecting/follower@2', 'open/follower@2', 'events 3']);
    const relayed = b.statuses[1];
    expect(relayed).toMatchObject({ retryInMs: 1_500, attempt: 1, error: { code: 'NETWORK', path: '/events' } });
    expect(relayed?.error).toBeInstanceOf(BackendError);
    expect(relayed?.error?.message).toBe(error.message);
  });

  it('hands over when the leader closes: a follower resumes after the last id it delivered, with no gap and no duplicate', async () => {
    // The server resends the last event a connection already had: the new leader must drop it.
    const server = createScriptedServer({ overlap: 1 });
    const locks = createFakeLocks();
    const [a, b, c] = [openTab(server, locks), openTab(server, locks), openTab(server, locks)];
    await until(() => [b, c].every((tab) => tab.source.status.state === 'open'));
    server.publish(3);
    await until(() => hasEvent(b, 3) && hasEvent(c, 3));

    a.source.close();
    server.publish(2); // while no tab is connected
    await until(() => b.source.status.role === 'leader' && hasEvent(c, 5));
    server.publish(1);
    await until(() => hasEvent(c, 6));
    await quiet();

    expect(server.sources.map((source) => source.resumedAfter)).toEqual([undefined, '3']);
    expect(a.log).toEqual(['connecting/leader', 'open/leader', 'events 1,2,3', 'closed/leader@3']);
    expect(b.log).toEqual([
      'connecting/follower',
      'open/follower',
      'events 1,2,3',
      'connecting/leader@3',
      'open/leader@3',
      'events 4,5',
      'events 6',
    ]);
    expect(c.log).toEqual([
      'connecting/follower',
      'open/follower',
      'events 1,2,3',
      'connecting/follower@3',
      'open/follower@3',
      'events 4,5',
      'events 6',
    ]);
  });

  it('hands over when the leader stream ends by itself (its session is over), without relaying the end', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    const a = openTab(server, locks);
    const b = openTab(server, locks);
    await until(() => b.source.status.state === 'open');
    server.publish(1);
    await until(() => hasEvent(b, 1));

    const error = new BackendError({ code: 'UNAUTHORIZED', message: 'The session could not be renewed' });
    server.sources[0]?.report({ state: 'closed', attempt: 0, error });
    await until(() => b.source.status.role === 'leader' && b.source.status.state === 'open');

    expect(a.log).toEqual(['connecting/leader', 'open/leader', 'events 1', 'closed/leader@1']);
    expect(a.source.status.error).toBe(error);
    expect(b.log).toEqual(['connecting/follower', 'open/follower', 'events 1', 'connecting/leader@1', 'open/leader@1']);
    expect(server.sources.map((source) => source.resumedAfter)).toEqual([undefined, '1']);
  });

  it('hands over when the leader page goes away, and the page back from the cache follows the new leader', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    const page = new EventTarget();
    const a = openTab(server, locks, { page });
    const b = openTab(server, locks);
    await until(() => b.source.status.state === 'open');
    server.publish(1);
    await until(() => hasEvent(b, 1));

    page.dispatchEvent(new Event('pagehide'));
    await until(() => b.source.status.role === 'leader' && b.source.status.state === 'open');
    page.dispatchEvent(new Event('pageshow'));
    await until(() => a.source.status.state === 'open');
    server.publish(1);
    await until(() => hasEvent(a, 2));

    expect(server.sources.map((source) => source.resumedAfter)).toEqual([undefined, '1']);
    expect(a.log).toEqual([
      'connecting/leader',
      'open/leader',
      'events 1',
      'closed/leader@1',
      'connecting/follower@1',
      'open/follower@1',
      'events 2',
    ]);
  });

  it('resumes from where the leader was when the follower that takes over joined after the last event', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    const a = openTab(server, locks);
    await until(() => a.source.status.state === 'open');
    server.publish(2);
    const b = openTab(server, locks);
    await until(() => b.source.status.state === 'open');

    a.source.close();
    server.publish(1);
    await until(() => hasEvent(b, 3));

    expect(server.sources.map((source) => source.resumedAfter)).toEqual([undefined, '2']);
    expect(b.events()).toEqual(['events 3']);
  });
});

describe('what a tab accepts from the channel', () => {
  it('drops the events of a relayed batch it already delivered (a late batch of the former leader)', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    openTab(server, locks);
    const b = openTab(server, locks);
    await until(() => b.source.status.state === 'open');
    server.publish(3);
    await until(() => hasEvent(b, 3));

    const stranger = openChannel(NAME);
    stranger.postMessage({ kind: 'events', events: [2, 3, 4].map(liveEvent) });
    await until(() => hasEvent(b, 4));

    expect(b.events()).toEqual(['events 1,2,3', 'events 4']);
  });

  it('ignores malformed messages: not an object, unknown kinds, invalid events or statuses', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    const a = openTab(server, locks);
    const b = openTab(server, locks);
    await until(() => b.source.status.state === 'open');
    const logs = [[...a.log], [...b.log]];

    const stranger = openChannel(NAME);
    for (const message of [
      null,
      'events 1',
      { kind: 'token', accessToken: 'stolen-4f2a' },
      { kind: 'events', events: [] },
      { kind: 'events', events: [{ id: 'x1', type: 'tenant.deleted', data: { id: 't1' } }] },
      { kind: 'events', events: [{ id: '1', type: 'tenant.exploded', data: {} }] },
      { kind: 'events', events: [{ id: '1', type: 'tenant.deleted', data: {} }] },
      { kind: 'status', status: { state: 'exploded', attempt: 0 } },
      { kind: 'status', status: { state: 'open', attempt: -1 } },
      { kind: 'status', status: { state: 'reconnecting', attempt: 1, error: { code: 'NOPE', message: 'x' } } },
    ]) {
      stranger.postMessage(message);
    }
    // Messages of one sender arrive in order: once this one is delivered, all the above were read.
    stranger.postMessage({ kind: 'events', events: [liveEvent(7)] });
    await until(() => hasEvent(b, 7));

    expect(a.log).toEqual(logs[0]);
    expect(b.log).toEqual([...(logs[1] ?? []), 'events 7']);
  });
});

describe('closing and platforms without the APIs', () => {
  it('releases everything on close: the follower drops its lock request, the leader its lock, both their channels', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    const a = openTab(server, locks);
    const b = openTab(server, locks);
    await until(() => b.source.status.state === 'open' && locks.waiting(NAME) === 1);

    b.source.close();
    await until(() => locks.waiting(NAME) === 0);
    a.source.close();
    await until(() => !locks.isHeld(NAME));
    server.publish(1);
    await quiet();

    expect(b.log).toEqual(['connecting/follower', 'open/follower', 'closed/follower']);
    expect(a.log).toEqual(['connecting/leader', 'open/leader', 'closed/leader']);
    expect(server.sources.map((source) => source.opened)).toEqual([false]);
    expect(locks.grants).toBe(1);
    expect(channels.every((channel) => closed.has(channel))).toBe(true);
  });

  it('opens again after close, and a tab reopened while another leads follows it', async () => {
    const server = createScriptedServer();
    const locks = createFakeLocks();
    const a = openTab(server, locks);
    await until(() => a.source.status.state === 'open');
    a.source.close();
    const b = openTab(server, locks);
    await until(() => b.source.status.state === 'open');

    a.source.open();
    await until(() => a.source.status.state === 'open');

    expect(a.source.status.role).toBe('follower');
    expect(b.source.status.role).toBe('leader');
  });

  it.each([
    ['Web Locks', { locks: null }],
    ['BroadcastChannel', { channel: null }],
  ])('is the tab own source, created to start from now on, where %s is missing', (_api, missing) => {
    const server = createScriptedServer();
    const source = createSharedSource({
      name: NAME,
      createOwn: server.createOwn,
      locks: createFakeLocks(),
      channel: openChannel,
      ...missing,
    });

    expect(server.sources).toEqual([source]);
    expect(server.sources[0]?.resumedAfter).toBeUndefined();
  });

  it('streams on its own (role own) when the platform refuses the lock, as an opaque origin does', async () => {
    const server = createScriptedServer();
    const refusing = { request: () => Promise.reject(new DOMException('Access denied', 'SecurityError')) };
    const a = openTab(server, createFakeLocks(), { locks: refusing });
    await until(() => a.source.status.state === 'open');

    expect(a.log).toEqual(['connecting/own', 'open/own']);
    expect(server.sources).toHaveLength(1);
  });

  it('uses navigator.locks when the platform has it', async () => {
    const locks = createFakeLocks();
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    try {
      const server = createScriptedServer();
      const a = openTab(server, locks, { locks: undefined });
      await until(() => a.source.status.state === 'open');
      expect(a.source.status.role).toBe('leader');
      expect(locks.isHeld(NAME)).toBe(true);
    } finally {
      Reflect.deleteProperty(globalThis, 'navigator');
    }
  });

  it('shares a stream only between tabs of the same user: a tab of another user gets none of its events', async () => {
    const locks = createFakeLocks();
    const [first, second] = [createScriptedServer(), createScriptedServer()];
    const ada = openTab(first, locks);
    const bob = openTab(second, locks, { name: sharedSourceName('https://console.test/api', 'user-2') });
    await until(() => ada.source.status.state === 'open' && bob.source.status.state === 'open');

    first.publish(2);
    await until(() => hasEvent(ada, 2));
    await quiet();

    expect(bob.source.status.role).toBe('leader');
    expect(bob.events()).toEqual([]);
    expect(sharedSourceName('https://a.test/api', 'user-1')).toBe('aurora-live:v1:https://a.test/api:user-1');
  });
});
