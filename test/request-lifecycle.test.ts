import { BackendError } from '../errors/backend-error';
import { createWUIBridge, type IncomingRequest } from '../event-helper';
import type { EventName } from '../event-names';
import { buildOperation, buildUser } from '../testing/factories';

/** A bridge with one claim whose requests are kept for the test to answer, and an ordered log of outcomes. */
function setup() {
  const bridge = createWUIBridge();
  const delivered: IncomingRequest[] = [];
  const claim = bridge.claim(['updateUser', 'scaleService'], (request) => delivered.push(request));
  const log: Array<[EventName, string]> = [];
  for (const event of [
    'updateUser:success',
    'updateUser:error',
    'scaleService:success',
    'scaleService:error',
  ] as const) {
    bridge.on(event, (_payload, meta) => void log.push([event, meta.requestId]));
  }
  return { bridge, claim, delivered, log };
}

describe('the request lifecycle, owned by the bridge', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ends a request at its timeout with one TIMEOUT outcome, aborts its signal, and ignores the late answer', async () => {
    const { bridge, claim, delivered, log } = setup();
    const pending = bridge.request('updateUser', { name: 'Ada' }, { requestId: 'r1', timeoutMs: 50 });
    const [request] = delivered;

    jest.advanceTimersByTime(50);
    claim.succeed('r1', buildUser());

    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT', requestId: 'r1' });
    expect(request?.signal.aborted).toBe(true);
    expect(log).toEqual([['updateUser:error', 'r1']]);
    expect(bridge.inFlight).toBe(0);
  });

  it("aborts the handler's one signal when the caller's signal aborts, with one CANCELLED outcome", async () => {
    const { bridge, claim, delivered, log } = setup();
    const controller = new AbortController();
    const pending = bridge.request('updateUser', { name: 'Ada' }, { requestId: 'r2', signal: controller.signal });

    controller.abort();
    claim.fail('r2', new BackendError({ code: 'SERVER', message: 'too late' }));

    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', requestId: 'r2' });
    expect(delivered[0]?.signal.aborted).toBe(true);
    expect(log).toEqual([['updateUser:error', 'r2']]);
  });

  it('lets only the claim a request was delivered to answer it, not a released one', async () => {
    const { bridge, claim, log } = setup();
    claim.release();
    const next: IncomingRequest[] = [];
    const nextClaim = bridge.claim(['updateUser'], (request) => next.push(request));
    const pending = bridge.request('updateUser', { name: 'Ada' }, { requestId: 'r3' });

    claim.succeed('r3', buildUser({ name: 'Stale' }));
    nextClaim.succeed('r3', buildUser({ name: 'Grace' }));

    await expect(pending).resolves.toMatchObject({ name: 'Grace' });
    expect(log).toEqual([['updateUser:success', 'r3']]);
  });

  it("keeps an until: 'completed' request waiting past its accepted outcome, until its operation ends", async () => {
    const { bridge, claim } = setup();
    const input = { tenantId: 'ten-1', serviceId: 'svc-1', minReplicas: 1, maxReplicas: 2 };
    const pending = bridge.request('scaleService', input, { requestId: 'r4', until: 'completed' });
    const accepted = buildOperation({ status: 'running' });
    let settled = false;
    void pending.then(() => (settled = true));

    claim.accept('r4', accepted);
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(bridge.inFlight).toBe(1);

    const done = { ...accepted, status: 'succeeded' as const, progress: 100 };
    const meta = { requestId: 'r4', name: 'scaleService' as const, operationId: done.id, target: done.target };
    claim.notify('operation:completed', done, meta);

    await expect(pending).resolves.toEqual(done);
    expect(bridge.inFlight).toBe(0);
  });

  it("rejects an until: 'completed' request at its timeout without a second outcome event", async () => {
    const { bridge, claim, log } = setup();
    const input = { tenantId: 'ten-1', serviceId: 'svc-1', minReplicas: 1, maxReplicas: 2 };
    const pending = bridge.request('scaleService', input, { requestId: 'r5', until: 'completed', timeoutMs: 100 });

    claim.accept('r5', buildOperation({ status: 'running' }));
    jest.advanceTimersByTime(100);

    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT', requestId: 'r5' });
    expect(log).toEqual([['scaleService:success', 'r5']]);
  });

  it('ends the requests of a released claim with CANCELLED, once each', async () => {
    const { bridge, claim, log } = setup();
    const first = bridge.request('updateUser', { name: 'Ada' }, { requestId: 'r6' });
    const second = bridge.request('updateUser', { name: 'Grace' }, { requestId: 'r7' });

    claim.release();
    claim.release();

    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(second).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(log).toEqual([
      ['updateUser:error', 'r6'],
      ['updateUser:error', 'r7'],
    ]);
  });
});
