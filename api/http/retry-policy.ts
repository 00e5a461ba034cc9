import type { BackendError } from '../../errors/backend-error';
import type { RetryBudgetOptions } from './retry-budget';

/** How the transport retries a call that failed for a reason that may pass: see `decideRetry` in `api/http/retry-policy.ts`. */
export interface RetryOptions {
  /**
   * Attempts of one call at most, the first one included (a replay after a session refresh is not counted).
   * @default 3
   * @example 5
   */
  maxAttempts?: number;
  /**
   * The backoff before the first retry at most, in ms; it doubles for each further retry. The wait is a
   * random time between 0 and that bound ("full jitter"), so clients that failed together do not retry
   * together.
   * @default 100
   * @example 250
   */
  baseDelayMs?: number;
  /**
   * The bound of the backoff never grows beyond this, in ms.
   * @default 5000
   * @example 10_000
   */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` the transport waits for, in ms. When the API asks for a longer wait, the call
   * is not retried: it fails with the API's error, which carries `retryAfterMs`.
   * @default 30000
   * @example 60_000
   */
  maxRetryAfterMs?: number;
  /**
   * The retry budget this transport's calls share (a token bucket), so a dead backend is not hammered.
   * @default { capacity: 500, retryCost: 5, timeoutRetryCost: 10 }
   * @example { capacity: 100 }
   */
  budget?: RetryBudgetOptions;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

/** No retry at all: what `retry: false` means. */
export const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };

export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return NO_RETRY;
  const { maxAttempts, baseDelayMs, maxDelayMs, maxRetryAfterMs } = { ...DEFAULT_RETRY_POLICY, ...options };
  return { maxAttempts: Math.max(1, Math.floor(maxAttempts)), baseDelayMs, maxDelayMs, maxRetryAfterMs };
}

/** The statuses that say "not now" rather than "no": rate limited, bad gateway, unavailable, gateway timeout. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * Whether the failure of one attempt may pass: the network failed, the attempt timed out (no answer within
 * `timeoutMs`), the API answered 429/502/503/504, it is still running an earlier attempt of the same write
 * (409 `idempotency_key_in_flight`: the retry then gets its answer), or a success came with a body that
 * could not be read. A 500 is a defect of the API, and anything else it refused (4xx) would be refused again.
 */
export function isTransient(error: BackendError): boolean {
  if (error.reason === 'idempotency_key_in_flight') return true;
  // A success whose body could not be read (cut off, or not what the contract says): the call went through,
  // and a retry reads it again (a write's key makes the API replay its first answer, not apply it twice).
  if (error.code === 'CONTRACT' && error.status !== undefined && error.status < 300) return true;
  if (error.status !== undefined) return TRANSIENT_STATUSES.has(error.status);
  return error.code === 'NETWORK' || error.code === 'TIMEOUT';
}

/**
 * How long to wait before retry number `retry` (0 for the first retry): a random time up to
 * `min(maxDelayMs, baseDelayMs * 2^retry)` (full jitter, as in the AWS SDKs' standard mode), or the API's
 * `Retry-After` when it asked for longer. `undefined` when the API asked for more than `maxRetryAfterMs`.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  error: BackendError,
  random: () => number,
): number | undefined {
  const retryAfter = error.retryAfterMs;
  if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return undefined;
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  const jittered = Math.floor(random() * bound);
  return retryAfter === undefined ? jittered : Math.max(retryAfter, jittered);
}
