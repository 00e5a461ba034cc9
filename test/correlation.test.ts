import { http, HttpResponse } from 'msw';
import { isBackendError } from '../errors/backend-error';
import type { User } from '../interfaces/user-interface';
import { buildService, buildUser } from '../testing/factories';
import { hangingResolver, nextEvent, settleAll } from './support/http-abort';
import { API, server, setup, useMockApi, type LoggedEvent } from './support/setup';

useMockApi();

const ME = `${API}/users/me`;

/** A logged event as [event, requestId], plus the user name or error code it carries. */
function describeEntry({ event, args }: LoggedEvent): unknown[] {
  const [payload, meta] = args as [unknown, { requestId: string }];
  if (isBackendError(payload)) return [event, meta.requestId, payload.code];
  if (event === 'state:changed' || event.endsWith(':success')) return [event, meta.requestId, (payload as User).name];
  return [event, meta.requestId];
}

/** Answers PATCH /users/me with the user renamed to the name sent, once `waitFor(name)` resolves. */
function echoName(waitFor: (name: string) => Promise<unknown> = () => Promise.resolve()) {
  return http.patch(ME, async ({ request }) => {
    const { name } = (await request.json()) as { name: string };
    await waitFor(name);
    return HttpResponse.json(buildUser({ name }));
  });
}

describe('request/outcome correlation', () => {
  it('resolves two concurrent requests with their own results when their responses arrive in reverse order', async () => {
    const { bridge, log } = setup();
    const secondAnswered = nextEvent(bridge, 'listServices:success', 'req-second');
    // The first response is held back until the second request has its outcome.
    server.use(
      http.get(`${API}/tenants/:tenantId/services`, async ({ params }) => {
        if (params['tenantId'] === 'ten-first') await secondAnswered;
        return HttpResponse.json({
          items: [buildService({ id: `svc-of-${String(params['tenantId'])}` })],
          totalCount: 1,
        });
      }),
    );

    const first = bridge.request('listServices', { tenantId: 'ten-first' }, { requestId: 'req-first' });
    const second = bridge.request('listServices', { tenantId: 'ten-second' }, { requestId: 'req-second' });

    expect((await first).items[0]?.id).toBe('svc-of-ten-first');
    expect((await second).items[0]?.id).toBe('svc-of-ten-second');
    await settleAll();
    expect(log.entries.map(describeEntry)).toEqual([
      ['listServices', 'req-first'],
      ['listServices', 'req-second'],
      ['listServices:success', 'req-second', undefined],
      ['listServices:success', 'req-first', undefined],
    ]);
  });

  it('rejects a request whose timeout expires with TIMEOUT, aborts its HTTP call and emits exactly one outcome', async () => {
    const calls: string[] = [];
    const hanging = hangingResolver(calls);
    server.use(http.patch(ME, hanging.resolver));
    const { bridge, log } = setup();
    const outcome = nextEvent(bridge, 'updateUser:error', 'req-slow');

    const pending = bridge.request('updateUser', { name: 'Ada' }, { requestId: 'req-slow', timeoutMs: 250 });

    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT', requestId: 'req-slow' });
    await outcome;
    await settleAll();
    expect(calls).toEqual(['PATCH /api/users/me started', 'PATCH /api/users/me aborted']);
    expect(log.entries.map(describeEntry)).toEqual([
      ['updateUser', 'req-slow'],
      ['updateUser:error', 'req-slow', 'TIMEOUT'],
    ]);
  });

  it('rejects a request whose AbortSignal fires with CANCELLED, keeping the reason as cause, and aborts its HTTP call', async () => {
    const calls: string[] = [];
    const hanging = hangingResolver(calls);
    server.use(http.patch(ME, hanging.resolver));
    const { bridge, log } = setup();
    const outcome = nextEvent(bridge, 'updateUser:error', 'req-cancel');
    const controller = new AbortController();
    const reason = new Error('the user left the page');

    const pending = bridge.request(
      'updateUser',
      { name: 'Ada' },
      { requestId: 'req-cancel', signal: controller.signal },
    );
    await hanging.reached;
    controller.abort(reason);

    const error: unknown = await pending.catch((rejection: unknown) => rejection);
    expect(error).toMatchObject({ code: 'CANCELLED', requestId: 'req-cancel' });
    expect((error as Error).cause).toBe(reason);
    await outcome;
    await settleAll();
    expect(calls).toEqual(['PATCH /api/users/me started', 'PATCH /api/users/me aborted']);
    expect(log.entries.map(describeEntry)).toEqual([
      ['updateUser', 'req-cancel'],
      ['updateUser:error', 'req-cancel', 'CANCELLED'],
    ]);
  });

  it('rejects a request whose signal is already aborted with CANCELLED, without emitting it or calling the API', async () => {
    const calls: string[] = [];
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        calls.push(`${request.method} ${request.url}`);
        return HttpResponse.json(buildUser());
      }),
    );
    const { bridge, log } = setup();
    const reason = new Error('already gone');

    const pending = bridge.request(
      'updateUser',
      { name: 'Ada' },
      { requestId: 'req-pre', signal: AbortSignal.abort(reason) },
    );

    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', requestId: 'req-pre', cause: reason });
    await settleAll();
    expect(calls).toEqual([]);
    expect(log.entries).toEqual([]);
  });

  it('answers an emitted request whose meta.signal aborts with one CANCELLED outcome and aborts its HTTP call', async () => {
    const calls: string[] = [];
    const hanging = hangingResolver(calls);
    server.use(http.patch(ME, hanging.resolver));
    const { bridge, log } = setup();
    const controller = new AbortController();
    const outcome = nextEvent(bridge, 'updateUser:error', 'req-emitted');

    bridge.emit('updateUser', { name: 'Ada' }, { requestId: 'req-emitted', signal: controller.signal });
    await hanging.reached;
    controller.abort();

    const [error] = await outcome;
    expect(error).toMatchObject({ code: 'CANCELLED', requestId: 'req-emitted' });
    await settleAll();
    expect(calls).toEqual(['PATCH /api/users/me started', 'PATCH /api/users/me aborted']);
    expect(log.entries.map(describeEntry)).toEqual([
      ['updateUser', 'req-emitted'],
      ['updateUser:error', 'req-emitted', 'CANCELLED'],
    ]);
  });

  it('keeps a request in flight intact when a second request reuses its requestId', async () => {
    server.use(echoName());
    const { bridge, log } = setup();
    const firstAnswered = nextEvent(bridge, 'updateUser:success', 'req-dup');

    const first = bridge.request('updateUser', { name: 'First' }, { requestId: 'req-dup' });
    const second = bridge.request('updateUser', { name: 'Second' }, { requestId: 'req-dup' });
    const [firstResult, secondResult] = await Promise.allSettled([first, second]);
    await firstAnswered;
    await settleAll();

    expect(secondResult).toMatchObject({ status: 'rejected', reason: { code: 'VALIDATION', requestId: 'req-dup' } });
    expect(firstResult).toMatchObject({ status: 'fulfilled', value: { name: 'First' } });
    const outcomes = log.entries.filter(({ event }) => event.startsWith('updateUser:')).map(describeEntry);
    expect(outcomes).toEqual([['updateUser:success', 'req-dup', 'First']]);
  });
});
