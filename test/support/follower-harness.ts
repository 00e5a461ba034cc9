import { http, HttpResponse } from 'msw';
import { createTransport, type Transport } from '../../api/http/transport';
import { resolveEnvironment } from '../../environment';
import { createOperationFollower, type PollingOptions } from '../../handler/operation-follower';
import type { Operation } from '../../interfaces/operation-interface';
import { createLogger } from '../../log/logger';
import { buildOperation } from '../../testing/factories';
import { whenAborted } from './http-abort';
import { API, server } from './setup';

// An operation follower on its own, against an msw API whose operations the test changes, on jest's fake clock.
// Only timers are faked: msw and axios still need the real event loop (nextTick, setImmediate) for I/O.

/** A failure the next poll call meets, whichever route it uses. */
export type CallFault =
  | 'hang'
  | 'network-error'
  | 'server-error'
  | 'malformed'
  | 'unauthorized'
  | { status: 429 | 503; retryAfterSeconds: number };

/** One poll call the API saw: when (fake clock ms), which route, which ids. */
export interface PollCall {
  at: number;
  route: 'getOperations' | 'getOperation';
  ids: string[];
}

export interface HarnessOptions {
  polling?: PollingOptions;
  /** Numbers in [0, 1) for jitter, in order; the last one repeats. @default [0] */
  draws?: number[];
  /** Whether the API knows `GET /operations?ids=`. @default true */
  batchRoute?: boolean;
}

const immediate = () => new Promise((resolve) => setImmediate(resolve));

/** Fakes timers from 0 ms; call `restoreClock()` (or `jest.useRealTimers()`) after the test. */
export function useFakeClock(): void {
  jest.useFakeTimers({ now: 0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
}

export function followerHarness(options: HarnessOptions = {}) {
  /** What the API holds: the current state of each operation it knows. */
  const operations = new Map<string, Operation>();
  /** Operations the batch answer leaves out although `GET /operations/{id}` knows them. */
  const leftOutOfBatches = new Set<string>();
  const faults: CallFault[] = [];
  const calls: PollCall[] = [];
  const events: string[] = [];
  let sending = 0;
  let settled = 0;

  async function answer(route: PollCall['route'], ids: string[], request: Request): Promise<Response> {
    calls.push({ at: Date.now(), route, ids });
    const fault = faults.shift();
    if (fault === 'hang') {
      await whenAborted(request);
      return HttpResponse.error();
    }
    if (fault === 'network-error') return HttpResponse.error();
    if (fault === 'server-error') return HttpResponse.json({ code: 'SERVER', message: 'busy' }, { status: 503 });
    if (fault === 'malformed') return HttpResponse.json({ items: [{ id: ids[0], status: 'almost' }] });
    if (fault === 'unauthorized') {
      return HttpResponse.json({ code: 'UNAUTHORIZED', message: 'expired' }, { status: 401 });
    }
    if (fault !== undefined) {
      const headers = { 'Retry-After': String(fault.retryAfterSeconds) };
      return HttpResponse.json(
        { code: fault.status === 429 ? 'RATE_LIMITED' : 'SERVER', message: 'wait' },
        {
          status: fault.status,
          headers,
        },
      );
    }
    if (route === 'getOperation') {
      const operation = operations.get(ids[0] ?? '');
      if (operation === undefined) return HttpResponse.json({ code: 'NOT_FOUND', message: 'gone' }, { status: 404 });
      return HttpResponse.json(operation);
    }
    const items = ids.flatMap((id) => {
      const operation = operations.get(id);
      return operation === undefined || leftOutOfBatches.has(id) ? [] : [operation];
    });
    return HttpResponse.json({ items });
  }

  server.use(
    http.get(`${API}/operations`, ({ request }) => {
      if (options.batchRoute === false) {
        calls.push({ at: Date.now(), route: 'getOperations', ids: [] });
        return HttpResponse.json({ code: 'NOT_FOUND', message: 'No route GET /api/operations' }, { status: 404 });
      }
      return answer('getOperations', (new URL(request.url).searchParams.get('ids') ?? '').split(','), request);
    }),
    http.get(`${API}/operations/:id`, ({ params, request }) => answer('getOperation', [String(params.id)], request)),
  );

  const axiosTransport = createTransport({
    environment: resolveEnvironment({ apiBaseUrl: API, logLevel: 'silent', timeoutMs: 60_000 }),
    logger: createLogger('silent'),
    session: { getAccessToken: () => 'test-token' },
  });
  // Counts the calls the follower makes, from the moment it makes them until their outcome reaches it.
  const transport: Transport = {
    async send(route, request, context) {
      sending += 1;
      try {
        return await axiosTransport.send(route, request, context);
      } finally {
        settled += 1;
      }
    },
  };
  // When each fake timer set since the harness started is due; a timer leaves when it fires or is cleared.
  const pending = new Map<unknown, number>();
  const fakeSetTimeout = globalThis.setTimeout;
  const fakeClearTimeout = globalThis.clearTimeout;
  jest.spyOn(globalThis, 'setTimeout').mockImplementation((callback, delay?: number, ...args: unknown[]) => {
    const id = fakeSetTimeout(() => {
      pending.delete(id);
      (callback as (...given: unknown[]) => void)(...args);
    }, delay);
    pending.set(id, Date.now() + (delay ?? 0));
    return id;
  });
  jest.spyOn(globalThis, 'clearTimeout').mockImplementation((id) => {
    pending.delete(id);
    fakeClearTimeout(id);
  });
  const draws = [...(options.draws ?? [0])];
  const follower = createOperationFollower({
    transport,
    polling: options.polling,
    random: () => (draws.length > 1 ? (draws.shift() as number) : (draws[0] as number)),
    onProgress: (operation) => events.push(`progress ${operation.id} ${operation.status} ${operation.progress}`),
    onCompleted: async (operation) => {
      events.push(`completed ${operation.id}`);
      return Promise.resolve();
    },
    onFailed: (error, meta, operation) => {
      const failed = operation === undefined ? '' : ' (the operation failed)';
      events.push(`failed ${meta.operationId} ${error.code}${failed}: ${error.message}`);
    },
  });

  /** Lets the calls in flight reach the API and their answers reach the follower (which reacts in microtasks). */
  async function drain(): Promise<void> {
    for (let round = 0; round < 10_000; round++) {
      await immediate();
      if (sending === settled) return;
    }
    throw new Error(`${sending - settled} poll calls never finished`);
  }

  return {
    follower,
    operations,
    leftOutOfBatches,
    faults,
    calls,
    events,
    /** Starts `count` operations on the API (pending) and follows them, ids op-1, op-2, ... */
    start(count: number, first = 1): Operation[] {
      const started: Operation[] = [];
      for (let index = first; index < first + count; index++) {
        const operation = buildOperation({ id: `op-${index}`, kind: 'scaleService', status: 'pending', progress: 0 });
        operations.set(operation.id, operation);
        follower.follow(operation, { requestId: `req-${index}`, name: 'scaleService' });
        started.push(operation);
      }
      return started;
    },
    /** Changes what the API says of operation `id`. */
    set(id: string, change: Partial<Operation>): void {
      const operation = operations.get(id);
      if (operation === undefined) throw new Error(`no operation ${id}`);
      operations.set(id, { ...operation, ...change });
    },
    /** Runs the fake clock `ms` forward, timer by timer, letting every poll call finish after each timer. */
    async run(ms: number): Promise<void> {
      const end = Date.now() + ms;
      for (;;) {
        await drain();
        const next = Math.min(...pending.values());
        if (!(next <= end)) break;
        const before = pending.size;
        await jest.advanceTimersByTimeAsync(Math.max(0, Math.floor(next - Date.now())));
        if (pending.size === before && Math.min(...pending.values()) === next) await jest.advanceTimersByTimeAsync(1);
      }
      await jest.advanceTimersByTimeAsync(Math.max(0, end - Date.now()));
      await drain();
    },
    drain,
    /** Lets the event loop run until `condition` holds. */
    async until(condition: () => boolean): Promise<void> {
      for (let round = 0; round < 10_000 && !condition(); round++) await immediate();
      if (!condition()) throw new Error('the condition never held');
    },
    /** The poll calls as `at route ids-count`, for compact assertions. */
    callTimes: () => calls.map((call) => call.at),
  };
}
