import { http, HttpResponse } from 'msw';
import type { Operation } from '../interfaces/operation-interface';
import { buildService, buildTenant, buildUser } from '../testing/factories';
import { gate, settleAll } from './support/http-abort';
import { scriptedLiveSource } from './support/live-source';
import { API, flush, server, setup, useMockApi } from './support/setup';

useMockApi();

const T1 = '2026-01-01T10:00:01.000Z';
const T2 = '2026-01-01T10:00:02.000Z';
const POLLING = { initialMs: 1, factor: 1, maxMs: 1 };

const serviceId = (index: number) => `svc-${index}`;
const operationId = (index: number) => `op-${index}`;

/**
 * A mock API with `count` services, whose scale requests start operations the test moves (`operations`), and
 * a handler on it with a scripted live source, the user loaded. `polls` records every call to /operations.
 */
async function world(count: number) {
  const operations = new Map<string, Operation>();
  const polls: string[] = [];
  const postGate = { current: undefined as Promise<void> | undefined };
  server.use(
    http.get(`${API}/users/me`, () =>
      HttpResponse.json(
        buildUser({
          tenants: [
            buildTenant({
              updatedAt: T1,
              services: Array.from({ length: count }, (_, index) =>
                buildService({ id: serviceId(index + 1), name: `s${index + 1}`, links: [], updatedAt: T1 }),
              ),
            }),
          ],
        }),
      ),
    ),
    http.post(`${API}/tenants/ten-1/services/:serviceId/scale`, async ({ params }) => {
      const id = String(params.serviceId).replace('svc-', 'op-');
      const operation: Operation = {
        id,
        kind: 'scaleService',
        target: { type: 'service', id: String(params.serviceId), tenant: 'ten-1' },
        status: 'pending',
        progress: 0,
        createdAt: T1,
        updatedAt: T1,
      };
      operations.set(id, operation);
      await postGate.current;
      return HttpResponse.json(operation, { status: 202 });
    }),
    http.get(`${API}/operations`, ({ request }) => {
      const ids = new URL(request.url).searchParams.get('ids') ?? '';
      polls.push(`GET /operations?ids=${ids}`);
      return HttpResponse.json({ items: ids.split(',').flatMap((id) => operations.get(id) ?? []) });
    }),
    http.get(`${API}/operations/:id`, ({ params }) => {
      polls.push(`GET /operations/${String(params.id)}`);
      return HttpResponse.json(operations.get(String(params.id)));
    }),
    http.get(`${API}/tenants/ten-1/services/:serviceId`, ({ params }) =>
      HttpResponse.json(
        buildService({ id: String(params.serviceId), links: [], status: 'running', maxReplicas: 4, updatedAt: T2 }),
      ),
    ),
  );
  const live = scriptedLiveSource();
  const context = setup({ polling: POLLING, stream: { source: live.factory } });
  await context.bridge.request('loadUser');
  await flush();

  /** Moves operation `index` on the API, and returns it as the stream would push it. */
  function move(index: number, change: Partial<Operation>): Operation {
    const id = operationId(index);
    const moved = { ...(operations.get(id) as Operation), updatedAt: T2, ...change };
    operations.set(id, moved);
    return moved;
  }
  const scale = (index: number) =>
    context.bridge.request(
      'scaleService',
      { tenantId: 'ten-1', serviceId: serviceId(index), minReplicas: 1, maxReplicas: 4 },
      { requestId: `scale-${index}` },
    );
  /** Lets the event loop run until `condition` holds. */
  async function until(condition: () => boolean): Promise<void> {
    for (let round = 0; round < 2_000 && !condition(); round++) await new Promise((resolve) => setTimeout(resolve, 1));
    if (!condition()) throw new Error('the condition never held');
  }
  return { ...context, live, polls, operations, move, scale, until, postGate };
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('operations followed by push', () => {
  it('with the stream open, 0 polls while 100 operations run; their pushed end completes them', async () => {
    const { live, log, polls, move, scale, until } = await world(100);
    live.status('open');

    await Promise.all(range(100).map(scale));
    await settleAll(20);
    live.push(
      ...range(100).map((index) => live.event('operation.updated', move(index, { status: 'running', progress: 50 }))),
    );
    live.push(
      ...range(100).map((index) =>
        live.event('operation.updated', move(index, { status: 'succeeded', progress: 100 })),
      ),
    );
    await until(() => log.names().filter((name) => name === 'operation:completed').length === 100);

    expect(polls).toEqual([]);
    const first = log.entries
      .filter(({ args }) => (args[1] as { requestId?: string } | undefined)?.requestId === 'scale-1')
      .map(
        ({ event, args }) =>
          `${event}${event.startsWith('operation:progress') ? ` ${(args[0] as Operation).status}` : ''}`,
      );
    expect(first).toEqual([
      'scaleService',
      'state:changed',
      'scaleService:success',
      'operation:progress running',
      'operation:progress succeeded',
      'state:changed',
      'operation:completed',
    ]);
  });

  it('polls at once when the stream goes down, and stops again when it is back', async () => {
    const { live, log, polls, move, scale, until } = await world(2);
    live.status('open');
    await Promise.all([scale(1), scale(2)]);
    await settleAll(10);
    expect(polls).toEqual([]);

    live.status('reconnecting');
    await until(() => polls.length > 0);
    expect(polls[0]).toBe('GET /operations?ids=op-1,op-2');
    move(1, { status: 'succeeded', progress: 100 });
    await until(() => log.names().includes('operation:completed'));

    live.status('open');
    await settleAll(5);
    const whenOpen = polls.length;
    await settleAll(20);
    expect(polls).toHaveLength(whenOpen);
    // The other operation still ends, by push.
    live.push(live.event('operation.updated', move(2, { status: 'succeeded', progress: 100 })));
    await until(() => log.names().filter((name) => name === 'operation:completed').length === 2);
    expect(polls).toHaveLength(whenOpen);
  });

  it('polls the followed operations once after stream.reset, since their end may have been missed', async () => {
    const { live, log, polls, move, scale, until } = await world(2);
    live.status('open');
    await Promise.all([scale(1), scale(2)]);
    move(1, { status: 'succeeded', progress: 100 });

    live.push(live.event('stream.reset', { reason: 'too_old' }));
    await until(() => log.names().includes('operation:completed'));
    await settleAll(10);

    expect(polls).toEqual(['GET /operations?ids=op-1,op-2']);
  });

  it('completes an operation whose push overtook its 202 answer, with no poll', async () => {
    const { live, log, polls, move, scale, until, postGate } = await world(1);
    live.status('open');
    const answer = gate();
    postGate.current = answer.opened;

    const accepted = scale(1);
    await until(() => log.names().includes('scaleService'));
    await settleAll(5);
    live.push(live.event('operation.updated', move(1, { status: 'succeeded', progress: 100 })));
    answer.open();
    await accepted;
    await until(() => log.names().includes('operation:completed'));

    expect(polls).toEqual([]);
  });

  it('ignores a pushed operation older than the one it follows', async () => {
    const { live, log, polls, scale, operations } = await world(1);
    live.status('open');
    await scale(1);
    const known = operations.get('op-1') as Operation;

    live.push(
      live.event('operation.updated', {
        ...known,
        status: 'failed',
        progress: 0,
        updatedAt: '2025-01-01T00:00:00.000Z',
      }),
    );
    await settleAll(5);

    expect(log.names().filter((name) => name.startsWith('operation:'))).toEqual([]);
    expect(polls).toEqual([]);
  });
});
