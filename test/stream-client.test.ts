import { useMockApi } from './support/setup';
import { mockEventsRoute, settle, sse, streamUnderTest, TOKEN, until } from './stream-client-harness';

useMockApi();

describe('the live stream client: delivery', () => {
  it('delivers the events of one read as one batch, in order, across reads that split an event', async () => {
    const { connections } = mockEventsRoute();
    const { stream, log, batches } = streamUnderTest();
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    const [connection] = connections;
    connection!.send(`${sse(1)}${sse(2)}`);
    await until(() => batches.length === 1, 'the first batch');
    connection!.send(`${sse(3)}${sse(4).slice(0, 10)}`);
    await until(() => batches.length === 2, 'the second batch');
    connection!.send(sse(4).slice(10));
    await until(() => batches.length === 3, 'the third batch');
    stream.close();

    expect(log).toEqual([
      'status connecting attempt 0',
      'status open',
      'events 1,2',
      'events 3',
      'events 4',
      'status closed attempt 0',
    ]);
    expect(batches[0]![0]).toEqual({ id: '1', type: 'tenant.deleted', data: { id: 'ten-1' } });
    expect(stream.lastEventId).toBe('4');
  });

  it('sends the Authorization header and asks for an event stream, with no Last-Event-ID at first', async () => {
    const { requests } = mockEventsRoute();
    const { stream } = streamUnderTest();
    stream.open();
    await until(() => requests.length === 1, 'a request');
    stream.close();
    expect(requests[0]).toEqual({
      url: 'http://aurora.test/api/events',
      authorization: `Bearer ${TOKEN}`,
      lastEventId: null,
    });
  });

  it('starts after a given lastEventId: the first request carries it and older events are dropped', async () => {
    const { connections } = mockEventsRoute();
    const { stream, ids } = streamUnderTest({ lastEventId: '41' });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    expect(connections[0]!.lastEventId).toBe('41');
    connections[0]!.send(`${sse(40)}${sse(41)}${sse(42)}`);
    await until(() => ids().length === 1, 'event 42');
    stream.close();
    expect(ids()).toEqual(['42']);
  });

  it('resumes after a dropped connection with Last-Event-ID: no gap, no duplicate', async () => {
    const { connections } = mockEventsRoute();
    const { stream, time, log, ids } = streamUnderTest();
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(`${sse(1)}${sse(2)}${sse(3)}`);
    await until(() => ids().length === 3, 'three events');
    connections[0]!.end();
    await until(() => stream.status.state === 'reconnecting', 'reconnecting');
    await time.advance(stream.status.retryInMs ?? 0);
    await until(() => connections.length === 2, 'a second connection');
    expect(connections[1]!.lastEventId).toBe('3');
    // The API replays from what it received, which may overlap what was delivered.
    connections[1]!.send(`${sse(2)}${sse(3)}${sse(4)}${sse(5)}`);
    await until(() => ids().length === 5, 'five events');
    stream.close();

    expect(ids()).toEqual(['1', '2', '3', '4', '5']);
    expect(log).toEqual([
      'status connecting attempt 0',
      'status open',
      'events 1,2,3',
      'status reconnecting attempt 1 in 500 NETWORK',
      'status connecting attempt 1',
      'status open',
      'events 4,5',
      'status closed attempt 0',
    ]);
  });

  it('compares ids as numbers beyond 2^53, not as text', async () => {
    const { connections } = mockEventsRoute();
    const { stream, ids } = streamUnderTest({ lastEventId: '9007199254740993' });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(`${sse('9007199254740992')}${sse('9007199254740993')}${sse('10000000000000000000')}`);
    await until(() => ids().length === 1, 'one event');
    stream.close();
    expect(ids()).toEqual(['10000000000000000000']);
  });

  it('delivers stream.reset even when its id is older, and goes on from its id (the API started over)', async () => {
    const { connections } = mockEventsRoute();
    const { stream, ids } = streamUnderTest({ lastEventId: '500' });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(`${sse(7, 'stream.reset', { reason: 'unknown_id' })}${sse(8)}`);
    await until(() => ids().length === 2, 'the reset and the next event');
    stream.close();
    expect(ids()).toEqual(['7', '8']);
    expect(stream.lastEventId).toBe('8');
  });
});

describe('the live stream client: events that break the contract', () => {
  it('skips them, logs a warning without their data, and goes on without reconnecting', async () => {
    const { connections } = mockEventsRoute();
    const { stream, log, ids, logLines, time } = streamUnderTest();
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(
      [
        sse(1),
        'id: 2\nevent: tenant.deleted\ndata: {not json secret-payload-1\n\n',
        sse(3, 'tenant.exploded', { secret: 'secret-payload-2' }),
        sse(4, 'tenant.deleted', { id: 12345, note: 'secret-payload-3' }),
        'event: tenant.deleted\ndata: {"id":"no-id"}\n\n',
        sse(5),
      ].join(''),
    );
    await until(() => ids().length === 2, 'the valid events');
    connections[0]!.end();
    await until(() => stream.status.state === 'reconnecting', 'reconnecting');
    await time.advance(stream.status.retryInMs ?? 0);
    await until(() => connections.length === 2, 'a second connection');
    stream.close();

    expect(log.slice(0, 3)).toEqual(['status connecting attempt 0', 'status open', 'events 1,5']);
    const warnings = logLines.filter((line) => line.level === 'warn');
    expect(warnings.map((line) => line.fields)).toEqual([
      { code: 'CONTRACT', id: '2', type: 'tenant.deleted' },
      { code: 'CONTRACT', id: '3', type: 'tenant.exploded' },
      { code: 'CONTRACT', id: '4', type: 'tenant.deleted' },
      { code: 'CONTRACT', id: undefined, type: 'tenant.deleted' },
    ]);
    expect(warnings[2]!.message).toContain('data.id');
    expect(JSON.stringify(logLines)).not.toContain('secret-payload');
    // Skipped for good: the next connection does not ask for them again.
    expect(connections[1]!.lastEventId).toBe('5');
  });

  it('keeps going when a listener throws, and logs it', async () => {
    const { connections } = mockEventsRoute();
    const { stream, ids, logLines } = streamUnderTest();
    stream.subscribe({
      events: () => {
        throw new Error('listener bug');
      },
      status: () => undefined,
    });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(sse(1));
    await until(() => ids().length === 1, 'event 1');
    connections[0]!.send(sse(2));
    await until(() => ids().length === 2, 'event 2');
    stream.close();
    expect(ids()).toEqual(['1', '2']);
    expect(logLines.filter((line) => line.level === 'error').map((line) => line.fields)).toEqual([
      { error: 'Error: listener bug' },
      { error: 'Error: listener bug' },
    ]);
  });

  it('stops calling a listener once it unsubscribed', async () => {
    const { connections } = mockEventsRoute();
    const { stream, ids, off } = streamUnderTest();
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    connections[0]!.send(sse(1));
    await until(() => ids().length === 1, 'event 1');
    off();
    connections[0]!.send(sse(2));
    await settle();
    stream.close();
    expect(ids()).toEqual(['1']);
    expect(stream.lastEventId).toBe('2');
  });
});
