import { http, HttpResponse } from 'msw';
import { reconnectDelayMs } from '../api/stream/backoff';
import { createEventStream } from '../api/stream/event-stream';
import { resolveStreamOptions } from '../api/stream/stream-options';
import { BackendError } from '../errors/backend-error';
import {
  streamEnded,
  streamNotEventStream,
  streamRefused,
  streamSessionEnded,
  streamSilent,
  streamUnreachable,
} from '../errors/messages';
import { API, server, useMockApi } from './support/setup';
import { mockEventsRoute, sse, streamUnderTest, TOKEN, until } from './stream-client-harness';

useMockApi();

const unavailable = (headers: Record<string, string> = {}) =>
  HttpResponse.json({ code: 'SERVER', message: `Down for maintenance (token ${TOKEN})` }, { status: 503, headers });

describe('the live stream client: reconnect backoff', () => {
  it('waits a full-jitter time whose bound doubles from 1 s to 30 s', () => {
    const backoff = resolveStreamOptions().backoff;
    const bounds = [1, 2, 3, 4, 5, 6, 7, 12].map((failures) => reconnectDelayMs(backoff, failures, () => 0.999_999));
    expect(bounds).toEqual([999, 1999, 3999, 7999, 15_999, 29_999, 29_999, 29_999]);
    expect([1, 6, 40].map((failures) => reconnectDelayMs(backoff, failures, () => 0))).toEqual([0, 0, 0]);
    expect(reconnectDelayMs(backoff, 2, () => 0.25)).toBe(500);
  });

  it('honours what the API asks for (Retry-After, SSE retry:) as a floor, cut to maxMs', () => {
    const backoff = { initialMs: 1_000, maxMs: 30_000 };
    expect(reconnectDelayMs(backoff, 1, () => 0.5, 5_000)).toBe(5_000);
    expect(reconnectDelayMs(backoff, 6, () => 0.5, 5_000)).toBe(15_000);
    expect(reconnectDelayMs(backoff, 1, () => 0.5, 120_000)).toBe(30_000);
  });

  it('reconnects after failed attempts with growing waits, then resets the count once an event arrived', async () => {
    let draws = 0;
    const { requests, connections } = mockEventsRoute((_request, index) => (index < 3 ? unavailable() : undefined));
    const { stream, time, log } = streamUnderTest({ random: () => [0.5, 0.75, 0.999][draws++ % 3]! });
    stream.open();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await until(
        () => stream.status.state === 'reconnecting' && stream.status.attempt === attempt,
        `failure ${attempt}`,
      );
      await time.advance(stream.status.retryInMs!);
    }
    await until(() => connections.length === 1, 'a stream');
    connections[0]!.send(': heartbeat\n\n');
    await until(() => time.pending() === 1, 'the heartbeat timer only');
    connections[0]!.end();
    await until(() => stream.status.state === 'reconnecting', 'reconnecting after the drop');
    stream.close();

    expect(requests).toHaveLength(4);
    expect(log).toEqual([
      'status connecting attempt 0',
      'status reconnecting attempt 1 in 500 SERVER',
      'status connecting attempt 1',
      'status reconnecting attempt 2 in 1500 SERVER',
      'status connecting attempt 2',
      'status reconnecting attempt 3 in 3996 SERVER',
      'status connecting attempt 3',
      'status open',
      // The heartbeat proved the connection: the count started over.
      'status reconnecting attempt 1 in 500 NETWORK',
      'status closed attempt 1',
    ]);
  });

  it('waits at least the Retry-After of a 503 and the retry: the stream set, within maxMs', async () => {
    const { connections } = mockEventsRoute((_request, index) =>
      index === 0
        ? unavailable({ 'Retry-After': '7' })
        : index === 1
          ? unavailable({ 'Retry-After': '600' })
          : undefined,
    );
    const { stream, time, statuses } = streamUnderTest();
    stream.open();
    await until(() => stream.status.state === 'reconnecting', 'first failure');
    await time.advance(stream.status.retryInMs!);
    await until(() => stream.status.state === 'reconnecting' && stream.status.attempt === 2, 'second failure');
    await time.advance(stream.status.retryInMs!);
    await until(() => connections.length === 1, 'a stream');
    connections[0]!.send('retry: 12000\n\n');
    await until(() => stream.status.state === 'open', 'open');
    connections[0]!.end();
    await until(() => stream.status.state === 'reconnecting' && stream.status.attempt === 3, 'third failure');
    stream.close();
    const waits = statuses.filter((status) => status.state === 'reconnecting').map((status) => status.retryInMs);
    // retry: is not a heartbeat: the count was not reset, so the third wait's bound is 4 s, and 12 s wins.
    expect(waits).toEqual([7_000, 30_000, 12_000]);
  });

  it('reconnects after a network failure, a body that breaks off, and a 200 that is not an event stream', async () => {
    const { connections } = mockEventsRoute((_request, index) =>
      index === 0 ? HttpResponse.error() : index === 2 ? HttpResponse.json({ hello: 'world' }) : undefined,
    );
    const { stream, time, log } = streamUnderTest();
    stream.open();
    await until(() => stream.status.state === 'reconnecting', 'network failure');
    await time.advance(stream.status.retryInMs!);
    await until(() => connections.length === 1, 'a stream');
    connections[0]!.fail();
    await until(() => stream.status.attempt === 2, 'read failure');
    await time.advance(stream.status.retryInMs!);
    await until(() => stream.status.attempt === 3, 'not an event stream');
    stream.close();
    expect(log).toEqual([
      'status connecting attempt 0',
      'status reconnecting attempt 1 in 500 NETWORK',
      'status connecting attempt 1',
      'status open',
      'status reconnecting attempt 2 in 1000 NETWORK',
      'status connecting attempt 2',
      'status reconnecting attempt 3 in 2000 CONTRACT',
      'status closed attempt 3',
    ]);
  });

  it('connects at once when open() is called during a backoff wait', async () => {
    const { requests } = mockEventsRoute((_request, index) => (index === 0 ? unavailable() : undefined));
    const { stream, time } = streamUnderTest();
    stream.open();
    await until(() => stream.status.state === 'reconnecting', 'first failure');
    stream.open();
    await until(() => stream.status.state === 'open', 'open');
    expect(requests).toHaveLength(2);
    expect(time.pending()).toBe(1); // the heartbeat timeout, not the backoff
    stream.close();
  });
});

describe('the live stream client: authentication', () => {
  it('reads the token at every attempt, never one cached by an earlier attempt', async () => {
    let token = 'token-one-1234';
    const { connections } = mockEventsRoute();
    const { stream, time } = streamUnderTest({ session: { getAccessToken: () => token } });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    token = 'token-two-5678';
    connections[0]!.end();
    await until(() => stream.status.state === 'reconnecting', 'reconnecting');
    await time.advance(stream.status.retryInMs!);
    await until(() => connections.length === 2, 'a second connection');
    stream.close();
    expect(connections.map((connection) => connection.authorization)).toEqual([
      'Bearer token-one-1234',
      'Bearer token-two-5678',
    ]);
  });

  it('on 401 refreshes the session once and reconnects at once with the new token', async () => {
    let token = 'expired-token-111';
    const refreshes: Array<[string | undefined, string]> = [];
    const { requests } = mockEventsRoute((request) =>
      request.headers.get('authorization') === 'Bearer expired-token-111'
        ? HttpResponse.json({ code: 'UNAUTHORIZED', message: 'Token expired' }, { status: 401 })
        : undefined,
    );
    const { stream, log, time } = streamUnderTest({
      session: {
        getAccessToken: () => token,
        refresh: (rejected, requestId) => {
          refreshes.push([rejected, requestId]);
          token = 'fresh-token-222';
          return Promise.resolve(true);
        },
      },
    });
    stream.open();
    await until(() => stream.status.state === 'open', 'open');
    stream.close();
    expect(requests.map((request) => request.authorization)).toEqual([
      'Bearer expired-token-111',
      'Bearer fresh-token-222',
    ]);
    expect(refreshes).toEqual([['expired-token-111', expect.any(String)]]);
    expect(time.scheduled).toEqual([45_000, 45_000]); // two heartbeat timeouts, no backoff
    expect(log).toEqual(['status connecting attempt 0', 'status open', 'status closed attempt 0']);
  });

  it('closes UNAUTHORIZED when the refresh fails, or when the new token is refused too', async () => {
    const refused = () => HttpResponse.json({ code: 'UNAUTHORIZED', message: `Bad token ${TOKEN}` }, { status: 401 });
    const first = mockEventsRoute(refused);
    const failing = streamUnderTest({
      session: { getAccessToken: () => TOKEN, refresh: () => Promise.resolve(false) },
    });
    failing.stream.open();
    await until(() => failing.stream.status.state === 'closed', 'closed');
    const error = failing.stream.status.error!;
    expect(failing.log).toEqual(['status connecting attempt 0', 'status closed attempt 0 UNAUTHORIZED']);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, retryable: false, path: '/events' });
    expect(error.message).toMatch(/could not be renewed\. Sign in again/);
    expect(first.requests).toHaveLength(1);

    const second = mockEventsRoute(refused);
    const refreshed = streamUnderTest({
      session: { getAccessToken: () => TOKEN, refresh: () => Promise.resolve(true) },
    });
    refreshed.stream.open();
    await until(() => refreshed.stream.status.state === 'closed', 'closed');
    expect(second.requests).toHaveLength(2);
    expect(refreshed.log).toEqual(['status connecting attempt 0', 'status closed attempt 0 UNAUTHORIZED']);
    expect(refreshed.time.pending()).toBe(0);
  });

  it('closes UNAUTHORIZED on a 401 when there is no way to refresh', async () => {
    mockEventsRoute(() => HttpResponse.json({ code: 'UNAUTHORIZED', message: 'No token' }, { status: 401 }));
    const { stream, log } = streamUnderTest({ session: { getAccessToken: () => undefined } });
    stream.open();
    await until(() => stream.status.state === 'closed', 'closed');
    expect(log).toEqual(['status connecting attempt 0', 'status closed attempt 0 UNAUTHORIZED']);
    expect(stream.status.error!.message).toMatch(/no way to renew/);
  });

  it('closes FORBIDDEN on a 403, keeping the API reason', async () => {
    const { requests } = mockEventsRoute(() =>
      HttpResponse.json({ code: 'FORBIDDEN', message: 'Streaming is not allowed for API tokens' }, { status: 403 }),
    );
    const { stream, log, time } = streamUnderTest();
    stream.open();
    await until(() => stream.status.state === 'closed', 'closed');
    expect(log).toEqual(['status connecting attempt 0', 'status closed attempt 0 FORBIDDEN']);
    expect(stream.status.error).toMatchObject({ code: 'FORBIDDEN', status: 403, retryable: false });
    expect(stream.status.error!.message).toContain('Streaming is not allowed for API tokens');
    expect(requests).toHaveLength(1);
    expect(time.pending()).toBe(0);
  });

  it('keeps the token out of every status error and log line, even when the API echoes it', async () => {
    const thrown = `provider failed for ${TOKEN}`;
    let calls = 0;
    mockEventsRoute((_request, index) => (index === 0 ? unavailable() : undefined));
    const { stream, time, statuses, logLines } = streamUnderTest({
      session: {
        getAccessToken: () => {
          calls++;
          if (calls === 2) throw new Error(thrown);
          return TOKEN;
        },
      },
    });
    stream.open();
    await until(() => stream.status.state === 'reconnecting', 'the 503');
    await time.advance(stream.status.retryInMs!);
    await until(() => stream.status.attempt === 2, 'the provider failure');
    await time.advance(stream.status.retryInMs!);
    await until(() => stream.status.state === 'open', 'open');
    stream.close();
    const errors = statuses.flatMap((status) => (status.error === undefined ? [] : [status.error]));
    expect(errors.map((error) => error.code)).toEqual(['SERVER', 'UNAUTHORIZED']);
    const text = JSON.stringify([errors, errors.map((error) => error.message), logLines, statuses]);
    expect(text).not.toContain(TOKEN);
  });
});

describe('the live stream client: liveness', () => {
  it('reconnects when nothing arrives for heartbeatTimeoutMs; heartbeats keep it open', async () => {
    const { connections } = mockEventsRoute();
    const { stream, time, log } = streamUnderTest({ heartbeatTimeoutMs: 45_000 });
    stream.open();
    await until(() => connections.length === 1, 'a connection');
    await time.advance(30_000);
    connections[0]!.send(': keep-alive\n\n');
    await time.advance(30_000);
    connections[0]!.send(sse(1));
    await time.advance(44_999);
    expect(stream.status.state).toBe('open');
    await time.advance(1);
    await until(() => stream.status.state === 'reconnecting', 'reconnecting');
    await time.advance(stream.status.retryInMs!);
    await until(() => connections.length === 2, 'a second connection');
    stream.close();
    expect(connections[1]!.lastEventId).toBe('1');
    expect(log).toEqual([
      'status connecting attempt 0',
      'status open',
      'events 1',
      'status reconnecting attempt 1 in 500 TIMEOUT',
      'status connecting attempt 1',
      'status open',
      // Nothing arrived on the new connection yet: it has not proved itself.
      'status closed attempt 1',
    ]);
  });

  it('also gives up on an attempt whose answer never comes', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/events`, () => {
        calls++;
        return new Promise<Response>(() => undefined);
      }),
    );
    const { stream, time, log } = streamUnderTest({ heartbeatTimeoutMs: 10_000 });
    stream.open();
    await until(() => calls === 1, 'a request');
    await time.advance(10_000);
    await until(() => stream.status.state === 'reconnecting', 'reconnecting');
    stream.close();
    expect(log).toEqual([
      'status connecting attempt 0',
      'status reconnecting attempt 1 in 500 TIMEOUT',
      'status closed attempt 1',
    ]);
  });
});

describe('the live stream client: configuration and origin', () => {
  it('contacts only apiBaseUrl: a redirect to another origin is not followed', async () => {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => void seen.push(request.url));
    mockEventsRoute(
      () => new HttpResponse(null, { status: 302, headers: { Location: 'http://attacker.test/events' } }),
    );
    const { stream } = streamUnderTest();
    stream.open();
    await until(() => stream.status.state === 'reconnecting', 'reconnecting');
    stream.close();
    server.events.removeAllListeners();
    expect(seen).toEqual([`${API}/events`]);
    expect(stream.status.state).toBe('closed');
  });

  it('resolves a relative apiBaseUrl against the page location, and refuses one it cannot resolve', async () => {
    const { requests } = mockEventsRoute();
    const { stream } = streamUnderTest({
      environment: { apiBaseUrl: '/api/' },
      baseLocation: 'http://aurora.test/console/index.html',
    });
    stream.open();
    await until(() => requests.length === 1, 'a request');
    stream.close();
    expect(requests[0]!.url).toBe('http://aurora.test/api/events');
    expect(() => createEventStream({ environment: { apiBaseUrl: '/api' } })).toThrow(/no page location/);
  });

  it('refuses invalid options with a CONFIG error naming the option', () => {
    const environment = { apiBaseUrl: API };
    const attempts = [
      { heartbeatTimeoutMs: 0 },
      { backoff: { initialMs: 5_000, maxMs: 1_000 } },
      { pauseWhenHiddenMs: true as unknown as false },
      { lastEventId: 'abc' },
    ];
    const errors = attempts.map((options) => {
      try {
        createEventStream({ environment, ...options });
        return undefined;
      } catch (error) {
        return error as BackendError;
      }
    });
    expect(errors.map((error) => [error?.code, error?.details[0]?.path])).toEqual([
      ['CONFIG', 'stream.heartbeatTimeoutMs'],
      ['CONFIG', 'stream.backoff.maxMs'],
      ['CONFIG', 'stream.pauseWhenHiddenMs'],
      ['CONFIG', 'stream.lastEventId'],
    ]);
  });
});

describe('the live stream client: error messages', () => {
  const call = {
    method: 'GET',
    path: '/events',
    requestId: 'req-9',
    apiBaseUrl: API,
    timeoutMs: 45_000,
    secrets: [TOKEN],
  };

  it('say what failed, why, and whether the stream reconnects by itself, never with the token', () => {
    const reconnecting = [
      streamRefused(call, { status: 502, message: `Bad gateway for Bearer ${TOKEN}` }, 'reconnects'),
      streamRefused(call, { status: 302 }, 'reconnects'),
      streamUnreachable(call, `ECONNREFUSED ${TOKEN}`),
      streamEnded(call),
      streamSilent(call, 45_000),
      streamNotEventStream(call, 'application/json'),
    ];
    expect(reconnecting.map((error) => error.code)).toEqual([
      'SERVER',
      'CONTRACT',
      'NETWORK',
      'NETWORK',
      'TIMEOUT',
      'CONTRACT',
    ]);
    for (const error of reconnecting) {
      expect(error.message).toMatch(/^The live stream \(GET \/events\) /);
      expect(error.message).toContain('It reconnects by itself');
      expect(error.message).not.toContain(TOKEN);
      expect(error).toMatchObject({ method: 'GET', path: '/events', requestId: 'req-9' });
    }
    expect(reconnecting[1]!.message).toContain('redirect, which is never followed');
    const closed = [
      streamRefused(call, { status: 403, message: 'Not for you', reason: 'owner_required' }, 'closed'),
      streamSessionEnded(call, true),
    ];
    for (const error of closed) {
      expect(error.retryable).toBe(false);
      expect(error.message).not.toContain('reconnects by itself');
    }
    expect(closed[0]!.message).toContain('stays closed');
    expect(closed[1]!.message).toContain('Sign in again');
  });
});
