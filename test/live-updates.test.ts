import { http, HttpResponse } from 'msw';
import type { StreamStatus } from '../api/stream/stream-status';
import { BackendError } from '../errors/backend-error';
import type { StateChangeMeta } from '../event-names';
import type { User } from '../interfaces/user-interface';
import { buildService, buildTenant, buildUser } from '../testing/factories';
import { gate, settleAll } from './support/http-abort';
import { scriptedLiveSource } from './support/live-source';
import { API, flush, server, setup, useMockApi, type EventLog } from './support/setup';

useMockApi();

const T1 = '2026-01-01T10:00:01.000Z';
const T2 = '2026-01-01T10:00:02.000Z';

function user(overrides: Partial<User> = {}): User {
  return buildUser({
    updatedAt: T1,
    tenants: [buildTenant({ updatedAt: T1, services: [buildService({ updatedAt: T1, links: [] })] })],
    ...overrides,
  });
}

/** A handler on the mock API with a scripted live source, the user loaded and the stream open; the log cleared. */
async function signedIn() {
  server.use(http.get(`${API}/users/me`, () => HttpResponse.json(user())));
  const live = scriptedLiveSource();
  const context = setup({ stream: { source: live.factory } });
  await context.bridge.request('loadUser');
  await flush();
  live.status('open');
  // Once open, the handler reads the tree once more (what was published before the stream opened).
  await settleAll();
  context.log.clear();
  return { ...context, live };
}

/** The log as `event detail` lines: what each event says in a word. */
function lines(log: EventLog): string[] {
  return log.entries.map(({ event, args }) => {
    const [value, meta] = args as [unknown, unknown];
    if (event === 'state:changed') {
      const change = meta as StateChangeMeta;
      return `${event} ${'lastEventId' in change ? JSON.stringify(change) : change.name}`;
    }
    if (event === 'stream:status') return `${event} ${(value as StreamStatus).state}`;
    if (event === 'stream:event') return `${event} ${(value as { id: string; type: string }).type}`;
    if (event === 'notification:received') return `${event} ${JSON.stringify(meta)}`;
    if (event === 'session:expired') return `${event} ${(value as BackendError).code} ${JSON.stringify(meta)}`;
    return event;
  });
}

const serviceNamed = (state: User | null, id: string) => state?.tenants[0]?.services.find((item) => item.id === id);

describe('live updates', () => {
  it('opens the stream once the user is loaded, after the outcome, and reports each status', async () => {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(user())));
    const live = scriptedLiveSource();
    const { bridge, log } = setup({ stream: { source: live.factory } });

    await bridge.request('loadUser');
    await flush();
    live.status('open');
    live.status('reconnecting');

    expect(lines(log)).toEqual([
      'loadUser',
      'state:changed loadUser',
      'loadUser:success',
      'stream:status connecting',
      'stream:status open',
      'stream:status reconnecting',
    ]);
    expect(live.calls).toEqual(['open 1']);
    expect(live.contexts[0]).toMatchObject({ requestId: 'live-stream', environment: { apiBaseUrl: API } });
  });

  it('tells the status stream:status last reported to whoever asks later, closed before sign-in and after stop', async () => {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(user())));
    const live = scriptedLiveSource();
    const { bridge, handler } = setup({ stream: { source: live.factory } });
    expect(handler.getStreamStatus()).toEqual({ state: 'closed', role: 'own', attempt: 0 });

    await bridge.request('loadUser');
    await flush();
    live.status('open');
    expect(handler.getStreamStatus().state).toBe('open');
    live.status('reconnecting');
    expect(handler.getStreamStatus().state).toBe('reconnecting');
    handler.stop();
    expect(handler.getStreamStatus().state).toBe('closed');
  });

  it('reports the stream closed when the handler was created with stream: false', () => {
    const { handler } = setup({ stream: false });
    expect(handler.getStreamStatus()).toEqual({ state: 'closed', role: 'own', attempt: 0 });
  });

  it('reduces a batch with one state:changed, then emits each event, a notification after its event', async () => {
    const { live, log, handler } = await signedIn();
    const service = buildService({ updatedAt: T2, links: [], status: 'degraded' });
    const created = buildService({ id: 'svc-9', name: 'api', updatedAt: T2, links: [] });

    live.push(
      live.event('service.updated', service),
      live.event('service.created', created),
      live.event('notification.created', {
        notification: { id: 'ntf-1', kind: 'instance_crashed', status: 'unread', title: 'Crashed', message: 'api-0' },
        unread: 4,
      }),
    );

    expect(lines(log)).toEqual([
      'state:changed {"lastEventId":"3","events":3}',
      'stream:event service.updated',
      'stream:event service.created',
      'stream:event notification.created',
      'notification:received {"unread":4,"eventId":"3"}',
    ]);
    const state = handler.getState();
    expect(serviceNamed(state, 'svc-1')?.status).toBe('degraded');
    expect(serviceNamed(state, 'svc-9')?.name).toBe('api');
    expect(state?.unreadNotifications).toBe(4);
    expect(Object.isFrozen(serviceNamed(state, 'svc-9'))).toBe(true);
  });

  it('reads the tree once more when the stream opens, so a change made before it opened is not missed', async () => {
    let reads = 0;
    server.use(
      http.get(`${API}/users/me`, () => {
        reads++;
        // The second read happens after the stream opened: the tenant was renamed in between.
        return HttpResponse.json(reads === 1 ? user() : user({ name: 'Renamed before the stream', updatedAt: T2 }));
      }),
    );
    const live = scriptedLiveSource();
    const { bridge, log, handler } = setup({ stream: { source: live.factory } });
    await bridge.request('loadUser');
    await flush();
    log.clear();

    live.status('open');
    await settleAll();

    expect(reads).toBe(2);
    expect(handler.getState()?.name).toBe('Renamed before the stream');
    expect(lines(log)).toEqual(['stream:status open', 'state:changed {"lastEventId":"0","events":0}']);
  });

  it('emits no state:changed for a batch that changes nothing, but still each event', async () => {
    const { live, log } = await signedIn();

    live.push(live.event('service.updated', buildService({ updatedAt: '2025-01-01T00:00:00.000Z', links: [] })));

    expect(lines(log)).toEqual(['stream:event service.updated']);
  });

  it('reloads the whole tree on stream.reset, applying the events that arrive meanwhile after it', async () => {
    const answer = gate();
    const { live, log, handler } = await signedIn();
    const reloads: string[] = [];
    server.use(
      http.get(`${API}/users/me`, async ({ request }) => {
        reloads.push(request.headers.get('x-request-id') ?? '');
        await answer.opened;
        return HttpResponse.json(user({ name: 'Grace', updatedAt: T2 }));
      }),
    );

    live.push(live.event('stream.reset', { reason: 'too_old' }));
    await flush();
    live.push(live.event('service.deleted', { id: 'svc-1', tenant: 'ten-1' }));
    expect(lines(log)).toEqual([]);
    answer.open();
    await settleAll();

    expect(lines(log)).toEqual([
      'state:changed {"lastEventId":"1","events":1}',
      'stream:event stream.reset',
      'state:changed {"lastEventId":"2","events":1}',
      'stream:event service.deleted',
    ]);
    expect(handler.getState()?.name).toBe('Grace');
    expect(handler.getState()?.tenants[0]?.services).toEqual([]);
    expect(reloads).toEqual(['live-stream']);
  });

  it('keeps the session when the stream is closed 401 while the session goes on, and opens it again later', async () => {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(user())));
    const live = scriptedLiveSource();
    const { bridge, log, handler } = setup({ stream: { source: live.factory, backoff: { initialMs: 1, maxMs: 5 } } });
    await bridge.request('loadUser');
    await flush();
    live.status('open');
    log.clear();

    // The renewal could not reach the API: the session is not known to have ended.
    live.status('closed', new BackendError({ code: 'UNAUTHORIZED', status: 401, message: 'The session has expired' }));
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(lines(log)).toEqual(['stream:status closed', 'stream:status connecting']);
    expect(handler.getState()).not.toBeNull();
    expect(live.calls).toEqual(['open 1', 'open 1']);
  });

  it('reports a renewal the stream asked for and that failed as the end of the session, once', async () => {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(user())));
    const live = scriptedLiveSource();
    const { bridge, log, handler } = setup({
      stream: { source: live.factory },
      auth: {
        getAccessToken: () => 'stream-token',
        refreshAccessToken: () => {
          throw new Error('the identity provider said no');
        },
      },
    });
    await bridge.request('loadUser');
    await flush();
    live.status('open');
    log.clear();

    // What the stream client does when its connection meets 401: renew through the handler's session.
    const context = live.contexts[0];
    const renewed = await context?.session.refresh('stream-token', context.requestId);
    live.status('closed', new BackendError({ code: 'UNAUTHORIZED', status: 401, message: 'The session has expired' }));
    await flush();

    expect(renewed).toBe(false);
    expect(lines(log)).toEqual([
      'session:expired UNAUTHORIZED {"lastEventId":"0","events":0}',
      'state:changed {"lastEventId":"0","events":0}',
      'stream:status closed',
    ]);
    expect(handler.getState()).toBeNull();
  });

  it('closes the stream on logout and opens a new one for the next user', async () => {
    server.use(http.post(`${API}/auth/logout`, () => new HttpResponse(null, { status: 204 })));
    const { bridge, live, log } = await signedIn();

    await bridge.request('logout');
    await flush();
    expect(lines(log).slice(-2)).toEqual(['logout:success', 'stream:status closed']);

    await bridge.request('loadUser');
    await flush();
    expect(live.calls).toEqual(['open 1', 'close 1', 'open 2']);
  });

  it('closes the stream when the handler stops, and opens it again when it starts', async () => {
    const { handler, live } = await signedIn();

    handler.stop();
    handler.start();

    expect(live.calls).toEqual(['open 1', 'close 1', 'open 2']);
    handler.stop();
  });

  it('opens no stream with stream: false', async () => {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(user())));
    const live = scriptedLiveSource();
    const { bridge, log } = setup({ stream: false });

    await bridge.request('loadUser');
    await flush();

    expect(live.created).toBe(0);
    expect(log.names()).toEqual(['loadUser', 'state:changed', 'loadUser:success']);
  });
});
