import { createTransport, type HttpCallInfo, type TransportOptions } from '../../api/http/transport';
import { resolveEnvironment, type EnvironmentOptions } from '../../environment';
import { createLogger } from '../../log/logger';
import { API } from './setup';

/** The facts of one attempt that tests assert on: no durations. */
export type Attempt = Omit<HttpCallInfo, 'durationMs'>;

/**
 * A transport against the msw API of `./setup`, with its attempts as one ordered log and the backoff waits it
 * asked for. Waits take no time: the test clock records each delay, then fires on the next macrotask.
 */
export function transportUnderTest(
  overrides: Partial<Omit<TransportOptions, 'environment' | 'logger'>> & { environment?: EnvironmentOptions } = {},
) {
  const { environment, ...options } = overrides;
  const attempts: Attempt[] = [];
  const waits: number[] = [];
  const transport = createTransport({
    environment: resolveEnvironment(environment ?? { apiBaseUrl: API, logLevel: 'silent', timeoutMs: 5_000 }, {}),
    logger: createLogger('silent'),
    onCall: (info) => {
      const { durationMs, ...attempt } = info;
      if (durationMs >= 0) attempts.push(attempt);
    },
    random: () => 0.5,
    clock: {
      setTimeout: (run, ms) => {
        waits.push(ms);
        return setTimeout(run, 0);
      },
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    ...options,
  });
  return { transport, attempts, waits };
}

/** Resolves with what `promise` rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}
