import { createTransport } from '../api/http/transport';
import { resolveEnvironment } from '../environment';
import { createOperationFollower } from '../handler/operation-follower';
import { createLogger } from '../log/logger';
import { followerHarness, useFakeClock } from './support/follower-harness';
import { useMockApi } from './support/setup';

useMockApi();
beforeEach(useFakeClock);
afterEach(() => jest.useRealTimers());

/** No jitter and a doubling backoff: polls at 250, 750, 1750, 3750, 5750, ... ms. */
const EXACT = { jitter: 0, initialMs: 250, factor: 2, maxMs: 2_000 };

const ids = (count: number, first = 1) => Array.from({ length: count }, (_, index) => `op-${first + index}`);

describe('the operation follower polls in batches', () => {
  it('polls 100 operations followed together with one GET /operations?ids= call per round', async () => {
    const harness = followerHarness({ draws: [0.5] });
    harness.start(100);

    await harness.run(10_000);

    // Without batching these 10 rounds were 1000 calls: one GET /operations/{id} per operation and round.
    expect(harness.calls).toHaveLength(10);
    expect(harness.calls.every((call) => call.route === 'getOperations' && call.ids.length === 100)).toBe(true);
    expect(harness.calls[0]?.ids).toEqual(ids(100));
    harness.follower.stop();
  });

  it('asks for at most batchSize operations per call', async () => {
    const harness = followerHarness({ polling: { batchSize: 40 } });
    harness.start(100);

    await harness.run(250);

    expect(harness.calls.map((call) => [call.at, call.ids.length])).toEqual([
      [250, 40],
      [250, 40],
      [250, 20],
    ]);
    harness.follower.stop();
  });

  it('polls one operation with GET /operations/{id}', async () => {
    const harness = followerHarness();
    harness.start(1);
    harness.set('op-1', { status: 'succeeded', progress: 100 });

    await harness.run(250);

    expect(harness.calls).toEqual([{ at: 250, route: 'getOperation', ids: ['op-1'] }]);
    expect(harness.events).toEqual(['progress op-1 succeeded 100', 'completed op-1']);
  });

  it('takes along the operations whose jitter range has begun when a poll leaves', async () => {
    const harness = followerHarness({ polling: { jitter: 0.5, batchWindowMs: 0 } });
    harness.start(1);
    await harness.run(100);
    // Followed 100 ms later: due at 350 ms, but it may be polled from 225 ms on.
    harness.start(1, 2);

    await harness.run(150);

    expect(harness.calls).toEqual([{ at: 250, route: 'getOperations', ids: ['op-1', 'op-2'] }]);
    harness.follower.stop();
  });

  it('reads an operation missing from a batch answer on its own, and keeps following it when it is there', async () => {
    const harness = followerHarness({ polling: { jitter: 0 } });
    harness.start(2);
    harness.leftOutOfBatches.add('op-2');
    harness.set('op-2', { status: 'running', progress: 40 });

    await harness.run(250);

    expect(harness.calls.map(({ route, ids: asked }) => [route, asked])).toEqual([
      ['getOperations', ['op-1', 'op-2']],
      ['getOperation', ['op-2']],
    ]);
    expect(harness.events).toEqual(['progress op-2 running 40']);
    expect(harness.follower.size).toBe(2);
    harness.follower.stop();
  });

  it('ends an operation missing from a batch answer and answered 404 on its own with operation:failed', async () => {
    const harness = followerHarness({ polling: { jitter: 0 } });
    harness.start(2);
    harness.operations.delete('op-2');

    await harness.run(250);

    expect(harness.calls.map(({ route, ids: asked }) => [route, asked])).toEqual([
      ['getOperations', ['op-1', 'op-2']],
      ['getOperation', ['op-2']],
    ]);
    expect(harness.events).toEqual([
      'failed op-2 NOT_FOUND: Operation op-2 (scaleService of service "svc-1") can no longer be followed: the API answers 404 for it (it expired or was removed), so its outcome is unknown. Reload the target to see what the operation did, and start it again if it did not happen.',
    ]);
    expect(harness.follower.size).toBe(1);
    harness.follower.stop();
  });

  it('polls each operation on its own when the API does not know GET /operations', async () => {
    const harness = followerHarness({ polling: { jitter: 0, initialMs: 100, factor: 1 }, batchRoute: false });
    harness.start(2);

    await harness.run(200);

    expect(harness.calls.map(({ at, route, ids: asked }) => [at, route, asked.join()])).toEqual([
      [100, 'getOperations', ''],
      [100, 'getOperation', 'op-1'],
      [100, 'getOperation', 'op-2'],
      [200, 'getOperation', 'op-1'],
      [200, 'getOperation', 'op-2'],
    ]);
    expect(harness.events).toEqual([]);
    harness.follower.stop();
  });
});

describe('a failed poll is a transient fault', () => {
  it('one malformed poll does not fail operations the server completes', async () => {
    const harness = followerHarness({ polling: EXACT });
    harness.start(2);
    harness.faults.push('malformed');

    await harness.run(250);
    harness.set('op-1', { status: 'succeeded', progress: 100 });
    harness.set('op-2', { status: 'succeeded', progress: 100 });
    await harness.run(500);

    expect(harness.callTimes()).toEqual([250, 750]);
    expect(harness.events).toEqual([
      'progress op-1 succeeded 100',
      'completed op-1',
      'progress op-2 succeeded 100',
      'completed op-2',
    ]);
    expect(harness.follower.size).toBe(0);
  });

  it.each(['network-error', 'server-error'] as const)('retries after a %s with the backoff', async (fault) => {
    const harness = followerHarness({ polling: EXACT });
    harness.start(1);
    harness.faults.push(fault, fault);

    await harness.run(1_750);
    harness.set('op-1', { status: 'succeeded', progress: 100 });
    await harness.run(2_000);

    expect(harness.callTimes()).toEqual([250, 750, 1_750, 3_750]);
    expect(harness.events).toEqual(['progress op-1 succeeded 100', 'completed op-1']);
  });

  it.each([429, 503] as const)(
    'holds every poll back for the Retry-After of a %i, longer than the backoff',
    async (status) => {
      const harness = followerHarness({ polling: { jitter: 0 } });
      harness.start(2);
      harness.faults.push({ status, retryAfterSeconds: 3 });

      await harness.run(5_000);

      const [first, second] = harness.callTimes();
      expect(first).toBe(250);
      expect(second).toBe(3_250);
      expect(harness.events).toEqual([]);
      harness.follower.stop();
    },
  );

  it('honours a Retry-After up to maxRetryAfterMs', async () => {
    const harness = followerHarness({ polling: { jitter: 0, maxRetryAfterMs: 5_000 } });
    harness.start(1);
    harness.faults.push({ status: 429, retryAfterSeconds: 3_600 });

    await harness.run(6_000);

    expect(harness.callTimes().slice(0, 2)).toEqual([250, 5_250]);
    harness.follower.stop();
  });

  it('ends with operation:failed when no poll succeeded for giveUpAfterMs, the last poll at that deadline', async () => {
    const harness = followerHarness({ polling: { ...EXACT, giveUpAfterMs: 3_000 } });
    harness.start(1);
    await harness.run(250);
    harness.faults.push(...Array<'server-error'>(20).fill('server-error'));

    await harness.run(5_000);

    // The last successful poll was at 250 ms: the deadline is 3250 ms, before the 3750 ms the backoff would give.
    expect(harness.callTimes()).toEqual([250, 750, 1_750, 3_250]);
    expect(harness.events).toEqual([
      'failed op-1 SERVER: Operation op-1 (scaleService of service "svc-1") could not be followed: no poll succeeded for 3 s (the last one failed with 503 SERVER). The operation may still finish on the server. Reload the target to see what the operation did, and start it again if it did not happen.',
    ]);
    expect(harness.follower.size).toBe(0);
  });

  it.each([
    ['unauthorized', 'UNAUTHORIZED'],
    ['not-found', 'NOT_FOUND'],
  ] as const)('ends the follow at once when a poll is answered %s', async (fault, code) => {
    const harness = followerHarness({ polling: { jitter: 0 } });
    harness.start(1);
    if (fault === 'unauthorized') harness.faults.push(fault);
    else harness.operations.delete('op-1');

    await harness.run(1_000);

    expect(harness.callTimes()).toEqual([250]);
    expect(harness.events).toEqual([expect.stringMatching(new RegExp(`^failed op-1 ${code}: `))]);
  });

  it('reports a failed operation with the reason the API gives', async () => {
    const harness = followerHarness({ polling: { jitter: 0 } });
    harness.start(1);
    harness.set('op-1', { status: 'failed', progress: 30, error: { code: 'SERVER', message: 'no image' } });

    await harness.run(250);

    expect(harness.events).toEqual([
      'progress op-1 failed 30',
      expect.stringMatching(/^failed op-1 SERVER \(the operation failed\): Operation op-1 .* failed: no image\./),
    ]);
  });
});

describe('jitter', () => {
  it.each([
    [0, 250],
    [0.2, 225],
    [0.8, 150],
  ])('with jitter 0.5 and a draw of %d, the first poll leaves after %i ms of 250', async (draw, at) => {
    const harness = followerHarness({ draws: [draw] });
    harness.start(100);

    await harness.run(250);

    expect(harness.callTimes()).toEqual([at]);
    harness.follower.stop();
  });

  it('clients whose draws differ do not poll at the same moments', async () => {
    const harness = followerHarness({
      polling: { ...EXACT, jitter: 0.5 },
      draws: [...Array<number>(50).fill(0.1), 0.7, 0.3, 0.9, 0.5],
    });
    harness.start(50);

    await harness.run(3_000);

    // Each wait w becomes w × (1 − 0.5 × draw): 237.5 ms (fired at 237), then 325, 850 and 1100 ms later.
    // Without jitter, every client would poll at 250, 750, 1750 ms.
    expect(harness.callTimes()).toEqual([237, 562, 1_412, 2_512]);
    harness.follower.stop();
  });

  it('with jitter 0 the polls follow the backoff exactly', async () => {
    const harness = followerHarness({ polling: EXACT, draws: [0.9] });
    harness.start(3);

    await harness.run(6_000);

    expect(harness.callTimes()).toEqual([250, 750, 1_750, 3_750, 5_750]);
    harness.follower.stop();
  });
});

describe('stop()', () => {
  it('leaves no timer, aborts the poll in flight and reports nothing', async () => {
    const harness = followerHarness({ polling: { jitter: 0 } });
    harness.start(3);
    harness.faults.push('hang');
    await jest.advanceTimersByTimeAsync(250);
    await harness.until(() => harness.calls.length === 1);

    harness.follower.stop();
    await harness.drain();

    expect(jest.getTimerCount()).toBe(0);
    expect(harness.follower.size).toBe(0);
    await harness.run(5_000);
    expect(harness.calls).toHaveLength(1);
    expect(harness.events).toEqual([]);
  });
});

describe('polling options', () => {
  const transport = createTransport({
    environment: resolveEnvironment({ apiBaseUrl: 'http://aurora.test/api', logLevel: 'silent' }),
    logger: createLogger('silent'),
  });
  const callbacks = { onProgress: jest.fn(), onCompleted: jest.fn(), onFailed: jest.fn() };

  it.each([
    [{ jitter: 2 }, 'polling.jitter: got 2. Expected a share from 0 to 1'],
    [{ batchSize: 101 }, 'polling.batchSize: got 101. Expected a whole number from 1 to 100'],
    [{ giveUpAfterMs: Number.NaN }, 'polling.giveUpAfterMs: got NaN'],
    [{ factor: 0.5 }, 'polling.factor: got 0.5'],
  ])('refuses %j with a CONFIG error naming the option', (polling, message) => {
    let caught: unknown;
    try {
      createOperationFollower({ transport, polling, ...callbacks });
    } catch (error) {
      caught = error;
    }

    expect(caught).toMatchObject({ code: 'CONFIG', message: expect.stringContaining(message) as string });
  });

  it('accepts the backoff-only form of earlier versions', () => {
    expect(() =>
      createOperationFollower({ transport, polling: { initialMs: 1, factor: 1, maxMs: 1 }, ...callbacks }),
    ).not.toThrow();
  });
});
