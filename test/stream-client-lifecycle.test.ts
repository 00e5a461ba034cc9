import { HttpResponse } from 'msw';
import { createEventStream } from '../api/stream/event-stream';
import { API, useMockApi } from './support/setup';
import {
  createFakeDocument,
  createTestClock,
  mockEventsRoute,
  settle,
  sse,
  streamUnderTest,
  TOKEN,
  until,
} from './stream-client-harness';

useMockApi();

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));
afterEach(async () => {
  // Rejections are reported after the microtasks of the turn that made them.
  await settle();
  expect(unhandled).toEqual([]);
});

describe('the live stream client: close', () => {
  it('contacts nothing before open, and close() while open, waiting or paused leaves no timer or listener', async () => {
    const page = createFakeDocument();
    const { requests, connections } = mockEventsRoute((_request, index) =>
      index === 1 ? HttpResponse.json({ code: 'SERVER', message: 'Down' }, { status: 503 }) : undefined,
    );
    const { stream, time, log } = streamUnderTest({ document: page.document, pauseWhenHiddenMs: 1_000 });
    await settle();
    expect(requests).toHaveLength(0);
    expect(stream.status).toEqual({ state: 'closed', role: 'own', attempt: 0 });

    // Open and streaming.
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    expect(page.listenerCount()).toBe(1);
    stream.close();
    expect([time.pending(), page.listenerCount()]).toEqual([0, 0]);

    // Waiting to reconnect.
    stream.open();
    await until(() => stream.status.state === 'reconnecting', 'the 503');
    stream.close();
    expect([time.pending(), page.listenerCount()]).toEqual([0, 0]);

    // Paused by a hidden page.
    stream.open();
    await until(() => connections.length === 2, 'a connection');
    page.set('hidden');
    await time.advance(1_000);
    expect(stream.status.state).toBe('paused');
    stream.close();
    expect([time.pending(), page.listenerCount()]).toEqual([0, 0]);

    stream.close();
    expect(log).toEqual([
      'status connecting attempt 0',
      'status open',
      'status closed attempt 0',
      'status connecting attempt 0',
      'status reconnecting attempt 1 in 500 SERVER',
      'status closed attempt 1',
      'status connecting attempt 1',
      'status open',
      'status paused attempt 1',
      'status closed attempt 1',
    ]);
  });

  it('ends the connection on close: what the API still sends is not delivered', async () => {
    const { connections } = mockEventsRoute();
    const { stream, ids } = streamUnderTest();
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(sse(1));
    await until(() => ids().length === 1, 'event 1');
    stream.close();
    connections[0]!.send(sse(2));
    await settle();
    expect(ids()).toEqual(['1']);
  });

  it('can be closed by a listener while it is handed a batch', async () => {
    const { connections } = mockEventsRoute();
    const { stream, ids, time, log } = streamUnderTest();
    stream.subscribe({ events: () => stream.close(), status: () => undefined });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(`${sse(1)}${sse(2)}`);
    await until(() => stream.status.state === 'closed', 'closed');
    connections[0]!.send(sse(3));
    await settle();
    expect(ids()).toEqual(['1', '2']);
    expect(time.pending()).toBe(0);
    expect(log).toEqual(['status connecting attempt 0', 'status open', 'events 1,2', 'status closed attempt 0']);
  });

  it('leaves a refresh in flight alone when closed, and does not reconnect when it resolves', async () => {
    let resolveRefresh: (renewed: boolean) => void = () => undefined;
    const { requests } = mockEventsRoute(() =>
      HttpResponse.json({ code: 'UNAUTHORIZED', message: 'x' }, { status: 401 }),
    );
    const { stream, time, log } = streamUnderTest({
      session: {
        getAccessToken: () => TOKEN,
        refresh: () =>
          new Promise<boolean>((resolve) => {
            resolveRefresh = resolve;
          }),
      },
    });
    stream.open();
    await until(() => requests.length === 1, 'a request');
    await settle();
    stream.close();
    resolveRefresh(true);
    await settle();
    expect(requests).toHaveLength(1);
    expect(time.pending()).toBe(0);
    expect(log).toEqual(['status connecting attempt 0', 'status closed attempt 0']);
  });

  it('opens again after close, resuming after the last event', async () => {
    const { connections } = mockEventsRoute();
    const { stream, ids } = streamUnderTest();
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(sse(1));
    await until(() => ids().length === 1, 'event 1');
    stream.close();
    stream.open();
    await until(() => connections.length === 2, 'a second connection');
    stream.close();
    expect(connections[1]!.lastEventId).toBe('1');
  });
});

describe('the live stream client: hidden tabs', () => {
  it('pauses after the page stayed hidden pauseWhenHiddenMs, and resumes with Last-Event-ID when visible', async () => {
    const page = createFakeDocument();
    const { connections } = mockEventsRoute();
    const { stream, time, log, ids } = streamUnderTest({
      document: page.document,
      pauseWhenHiddenMs: 300_000,
      heartbeatTimeoutMs: 1_000_000,
    });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(sse(1));
    await until(() => ids().length === 1, 'event 1');

    // Hidden for less than the delay: nothing happens.
    page.set('hidden');
    await time.advance(10_000);
    connections[0]!.send(': heartbeat\n\n');
    page.set('visible');
    await time.advance(299_000);
    connections[0]!.send(': heartbeat\n\n');
    expect(stream.status.state).toBe('open');

    // Hidden for the whole delay: paused, connection ended.
    page.set('hidden');
    await time.advance(300_000);
    expect(stream.status.state).toBe('paused');
    connections[0]!.send(sse(2));
    await settle();
    expect(time.pending()).toBe(0);

    page.set('visible');
    await until(() => connections.length === 2, 'a second connection');
    expect(connections[1]!.lastEventId).toBe('1');
    connections[1]!.send(`${sse(2)}${sse(3)}`);
    await until(() => ids().length === 3, 'events 2 and 3');
    stream.close();
    expect(log).toEqual([
      'status connecting attempt 0',
      'status open',
      'events 1',
      'status paused attempt 0',
      'status connecting attempt 0',
      'status open',
      'events 2,3',
      'status closed attempt 0',
    ]);
  });

  it('starts the pause delay at open when the page is already hidden; open() resumes a paused stream', async () => {
    const page = createFakeDocument('hidden');
    const { connections } = mockEventsRoute();
    const { stream, time } = streamUnderTest({ document: page.document, pauseWhenHiddenMs: 5_000 });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    await time.advance(5_000);
    expect(stream.status.state).toBe('paused');
    stream.open();
    await until(() => connections.length === 2, 'a second connection');
    expect(stream.status.state).toBe('open');
    stream.close();
  });

  it('never pauses with pauseWhenHiddenMs false, nor where there is no document', async () => {
    const page = createFakeDocument('hidden');
    const { connections } = mockEventsRoute();
    const never = streamUnderTest({ document: page.document, pauseWhenHiddenMs: false });
    never.stream.open();
    await until(() => connections.length === 1, 'a connection');
    expect(page.listenerCount()).toBe(0);
    never.stream.close();

    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const time = createTestClock();
    const node = createEventStream({
      environment: { apiBaseUrl: API },
      session: { getAccessToken: () => TOKEN },
      clock: time.clock,
      heartbeatTimeoutMs: 1_000_000_000,
    });
    node.open();
    await until(() => node.status.state === 'open', 'open');
    await time.advance(600_000);
    expect(node.status.state).toBe('open');
    node.close();
    expect(time.pending()).toBe(0);
  });
});

describe('the live stream client: listeners that act on the stream', () => {
  it('tells every listener in the same order when one reopens the stream as it closes', async () => {
    const { connections } = mockEventsRoute((_request, index) =>
      index === 0 ? HttpResponse.json({ code: 'FORBIDDEN', message: 'Not now' }, { status: 403 }) : undefined,
    );
    const { stream, log } = streamUnderTest();
    const second: string[] = [];
    stream.subscribe({
      events: () => undefined,
      status: (status) => {
        if (status.state === 'closed' && connections.length === 0) stream.open();
      },
    });
    stream.subscribe({ events: () => undefined, status: (status) => void second.push(status.state) });
    stream.open();
    await until(() => connections.length === 1, 'the reopened connection');
    stream.close();
    expect(log).toEqual([
      'status connecting attempt 0',
      'status closed attempt 0 FORBIDDEN',
      'status connecting attempt 0',
      'status open',
      'status closed attempt 0',
    ]);
    expect(second).toEqual(['connecting', 'closed', 'connecting', 'open', 'closed']);
  });
});
