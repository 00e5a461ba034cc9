import { http, HttpResponse } from 'msw';
import type { BackendHandlerOptions } from '../backend-handler';
import type { Operation } from '../interfaces/operation-interface';
import { buildService, buildTenant, buildUser } from '../testing/factories';
import { nextEvent, settleAll } from './support/http-abort';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

const TENANT = 'ten-1';
const SERVICE = 'svc-1';
const SCALE = `${API}/tenants/${TENANT}/services/${SERVICE}/scale`;
const POLL = { initialMs: 1, factor: 1, maxMs: 1 };

function operation(overrides: Partial<Operation> = {}): Operation {
  return {
    id: 'op-1',
    kind: 'scaleService',
    target: { type: 'service', id: SERVICE, tenant: TENANT },
    status: 'pending',
    progress: 0,
    ...overrides,
  };
}

/** A handler with the demo user loaded, and an API whose operation goes through `states` one poll at a time. */
type PollAnswer = Operation | 'network-error' | 'server-error' | 'malformed' | 'not-found';

async function setupOperation(states: PollAnswer[], polling: BackendHandlerOptions['polling'] = POLL) {
  const polls: string[] = [];
  server.use(
    http.get(`${API}/users/me`, () => HttpResponse.json(buildUser())),
    http.post(SCALE, () => HttpResponse.json(operation(), { status: 202 })),
    http.get(`${API}/operations/op-1`, () => {
      // The last state repeats for every later poll.
      const next = (states.length > 1 ? states.shift() : states[0]) ?? operation();
      polls.push(typeof next === 'string' ? next : `${next.status} ${next.progress}`);
      if (next === 'network-error') return HttpResponse.error();
      if (next === 'server-error') return HttpResponse.json({ code: 'SERVER', message: 'busy' }, { status: 503 });
      if (next === 'malformed') return HttpResponse.json({ id: 'op-1', status: 'almost' });
      if (next === 'not-found') return HttpResponse.json({ code: 'NOT_FOUND', message: 'gone' }, { status: 404 });
      return HttpResponse.json(next);
    }),
    http.get(`${API}/tenants/${TENANT}/services/${SERVICE}`, () =>
      HttpResponse.json(buildService({ minReplicas: 2, maxReplicas: 4, status: 'running' })),
    ),
  );
  const context = setup({ polling });
  await context.bridge.request('loadUser');
  context.log.entries.length = 0;
  return { ...context, polls };
}

const scale = { tenantId: TENANT, serviceId: SERVICE, minReplicas: 2, maxReplicas: 4 };

describe('long-running operations', () => {
  it('says accepted on :success, then follows the operation to operation:completed with the target reloaded', async () => {
    const { bridge, handler, log } = await setupOperation([
      operation({ status: 'running', progress: 50 }),
      operation({ status: 'succeeded', progress: 100 }),
    ]);

    const completed = nextEvent(bridge, 'operation:completed', 'scale-1');
    const accepted = await bridge.request('scaleService', scale, { requestId: 'scale-1' });
    await completed;

    expect(accepted).toMatchObject({ id: 'op-1', status: 'pending' });
    expect(log.entries.map(({ event, args }) => [event, (args[0] as { status?: string }).status ?? null])).toEqual([
      ['scaleService', null],
      ['state:changed', null],
      ['scaleService:success', 'pending'],
      ['operation:progress', 'running'],
      ['operation:progress', 'succeeded'],
      ['state:changed', null],
      ['operation:completed', 'succeeded'],
    ]);
    const service = handler.getState()?.tenants[0]?.services[0];
    expect(service).toMatchObject({ id: SERVICE, maxReplicas: 4, status: 'running' });
    expect(log.entries.slice(1).every(({ args }) => (args[1] as { requestId: string }).requestId === 'scale-1')).toBe(
      true,
    );
  });

  it('marks the service as deploying while its operation runs', async () => {
    const { bridge, handler } = await setupOperation([operation({ status: 'running', progress: 10 })]);

    await bridge.request('scaleService', scale);

    expect(handler.getState()?.tenants[0]?.services[0]?.status).toBe('deploying');
    handler.stop();
  });

  it('resolves request(..., { until: "completed" }) with the finished operation', async () => {
    const { bridge } = await setupOperation([operation({ status: 'succeeded', progress: 100 })]);

    await expect(bridge.request('scaleService', scale, { until: 'completed' })).resolves.toMatchObject({
      status: 'succeeded',
      progress: 100,
    });
  });

  it('rejects request(..., { until: "completed" }) with the failure of a failed operation', async () => {
    const { bridge, log } = await setupOperation([
      operation({
        status: 'failed',
        progress: 30,
        error: { code: 'SERVER', message: 'Image shop:fail could not be pulled' },
      }),
    ]);

    const error = await bridge
      .request('scaleService', scale, { until: 'completed' })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'SERVER', message: expect.stringContaining('could not be pulled') as string });
    expect(log.names().slice(-3)).toEqual(['operation:progress', 'state:changed', 'operation:failed']);
  });

  it('keeps polling through network errors, 5xx and malformed answers until the operation succeeds', async () => {
    const { bridge, polls, log } = await setupOperation([
      'network-error',
      'malformed',
      'server-error',
      operation({ status: 'succeeded', progress: 100 }),
    ]);

    await bridge.request('scaleService', scale, { until: 'completed' });

    expect(polls).toEqual(['network-error', 'malformed', 'server-error', 'succeeded 100']);
    expect(log.names()).not.toContain('operation:failed');
  });

  it('reports operation:failed when no poll succeeded for giveUpAfterMs, with the last failure', async () => {
    const { bridge, polls } = await setupOperation(['server-error'], { ...POLL, giveUpAfterMs: 20 });

    const error = await bridge
      .request('scaleService', scale, { until: 'completed' })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      code: 'SERVER',
      status: 503,
      retryable: false,
      message: expect.stringContaining('could not be followed: no poll succeeded for 20 ms') as string,
    });
    expect(new Set(polls)).toEqual(new Set(['server-error']));
  });

  it('reports an operation the API answers 404 for as operation:failed: it can no longer be followed', async () => {
    const { bridge, log } = await setupOperation([operation({ status: 'running', progress: 10 }), 'not-found']);

    const error = await bridge
      .request('scaleService', scale, { until: 'completed', requestId: 'scale-404' })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      requestId: 'scale-404',
      message: expect.stringContaining(
        'Operation op-1 (scaleService of service "svc-1") can no longer be followed',
      ) as string,
    });
    expect(log.names().slice(-2)).toEqual(['operation:progress', 'operation:failed']);
  });

  it('stops following operations when the handler stops', async () => {
    const { bridge, handler, polls, log } = await setupOperation([
      operation({ status: 'running', progress: 10 }),
      operation({ status: 'succeeded', progress: 100 }),
    ]);

    await bridge.request('scaleService', scale);
    handler.stop();
    await settleAll(20);

    expect(polls).toEqual([]);
    expect(log.names()).toEqual(['scaleService', 'state:changed', 'scaleService:success']);
  });
});

describe('deployService', () => {
  it('refuses a form for a tenant that is not loaded, without an HTTP call', async () => {
    const { bridge } = setup();

    const error = await bridge
      .request('deployService', {
        tenantId: 'ten-unknown',
        name: 'shop',
        environment: 'env-1',
        account: 'acc-1',
        registry: 'registry.example.com',
        imageName: 'shop:1',
        minReplicas: 1,
        maxReplicas: 1,
        roles: [{ name: 'web', cpu: 0.5, memory: 256 }],
        serverChannels: [],
        clientChannels: [],
        duplexChannels: [],
        links: [],
        resources: [],
      })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'tenantId' }] });
    expect(buildTenant().id).not.toBe('ten-unknown');
  });
});
