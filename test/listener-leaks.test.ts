import { http, HttpResponse } from 'msw';
import { isBackendError } from '../errors/backend-error';
import type { WUIBridge } from '../event-helper';
import { EventNames, type EventName } from '../event-names';
import { buildUser } from '../testing/factories';
import { hangingResolver, nextEvent, settleAll } from './support/http-abort';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

const ME = `${API}/users/me`;

/** The listener count of every event of the map. */
const countsOf = (bridge: WUIBridge): Record<EventName, number> =>
  Object.fromEntries(EventNames.map((event) => [event, bridge.listenerCount(event)])) as Record<EventName, number>;

/** Every event at `count`, with `overrides` for some. */
const every = (count: number, overrides: Partial<Record<EventName, number>> = {}): Record<EventName, number> => ({
  ...(Object.fromEntries(EventNames.map((event) => [event, count])) as Record<EventName, number>),
  ...overrides,
});

/** What setup() adds: its event recorder on every event. The handler claims its requests and adds none. */
const withHandler = every(1);

describe('listener hygiene', () => {
  it('returns every listener count to its baseline after 1,000 request() calls that succeed, fail validation or fail on the server', async () => {
    server.use(
      http.get(ME, () => HttpResponse.json(buildUser())),
      http.patch(ME, () => HttpResponse.json({ code: 'SERVER', message: 'database down' }, { status: 500 })),
    );
    const { bridge, handler, log } = setup();
    expect(countsOf(bridge)).toEqual(withHandler);

    const requests = Array.from({ length: 1_000 }, (_, index) => {
      if (index % 3 === 0) return bridge.request('loadUser');
      return bridge.request('updateUser', { name: index % 3 === 1 ? '' : 'Ada' });
    });
    // Pending requests are tracked by the bridge, not by listeners: proof that the count below can move.
    expect(bridge.inFlight).toBe(1_000);
    expect(countsOf(bridge)).toEqual(withHandler);
    const results = await Promise.allSettled(requests);
    await settleAll();

    const tally: Record<string, number> = {};
    for (const result of results) {
      const key = result.status === 'fulfilled' ? 'success' : isBackendError(result.reason) ? result.reason.code : '?';
      tally[key] = (tally[key] ?? 0) + 1;
    }
    expect(tally).toEqual({ success: 334, VALIDATION: 333, SERVER: 333 });
    expect(bridge.inFlight).toBe(0);
    expect(countsOf(bridge)).toEqual(withHandler);

    handler.stop();
    expect(countsOf(bridge)).toEqual(every(1));
    log.stop();
    expect(countsOf(bridge)).toEqual(every(0));
    expect(bridge.eventNames()).toEqual([]);
  }, 30_000);

  it('claims the requests once however often start() is called, and answers each request once', async () => {
    server.use(http.get(ME, () => HttpResponse.json(buildUser())));
    const { bridge, handler, log } = setup();

    handler.start();
    expect(handler.running).toBe(true);
    handler.stop();
    handler.stop();
    expect(handler.running).toBe(false);
    handler.start();
    handler.start();
    expect(countsOf(bridge)).toEqual(withHandler);

    await bridge.request('loadUser', undefined, { requestId: 'req-once' });
    await settleAll();
    expect(log.names()).toEqual(['loadUser', 'state:changed', 'loadUser:success']);
  });

  it('cancels the requests in flight when stopped: each gets one CANCELLED outcome and its HTTP call is aborted', async () => {
    const calls: string[] = [];
    const loading = hangingResolver(calls);
    const updating = hangingResolver(calls);
    server.use(http.get(ME, loading.resolver), http.patch(ME, updating.resolver));
    const { bridge, handler, log } = setup();
    const outcomes = Promise.all([
      nextEvent(bridge, 'loadUser:error', 'req-load'),
      nextEvent(bridge, 'updateUser:error', 'req-update'),
    ]);

    const settled = Promise.allSettled([
      bridge.request('loadUser', undefined, { requestId: 'req-load' }),
      bridge.request('updateUser', { name: 'Ada' }, { requestId: 'req-update' }),
    ]);
    await Promise.all([loading.reached, updating.reached]);
    handler.stop();

    expect(await settled).toMatchObject([
      { status: 'rejected', reason: { code: 'CANCELLED', requestId: 'req-load' } },
      { status: 'rejected', reason: { code: 'CANCELLED', requestId: 'req-update' } },
    ]);
    await outcomes;
    await settleAll();
    expect([...calls].sort()).toEqual([
      'GET /api/users/me aborted',
      'GET /api/users/me started',
      'PATCH /api/users/me aborted',
      'PATCH /api/users/me started',
    ]);
    expect(log.entries.map(({ event, args }) => [event, (args[1] as { requestId: string }).requestId])).toEqual([
      ['loadUser', 'req-load'],
      ['updateUser', 'req-update'],
      ['loadUser:error', 'req-load'],
      ['updateUser:error', 'req-update'],
    ]);
    expect(log.entries.filter(({ event }) => event.endsWith(':error')).map(({ args }) => args[0])).toEqual([
      expect.objectContaining({ code: 'CANCELLED' }),
      expect.objectContaining({ code: 'CANCELLED' }),
    ]);
    expect(bridge.inFlight).toBe(0);
    expect(countsOf(bridge)).toEqual(every(1));
  });
});
