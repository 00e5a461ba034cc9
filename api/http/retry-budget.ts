/**
 * The retry budget one transport shares across its calls, so a backend that fails everything is not hammered
 * with retries. It is the retry quota of the AWS SDKs' standard retry mode (a token bucket: 500 tokens, 5 per
 * retry, 10 per retry after a timeout, a success gives back its last retry's cost or else 1 token); like
 * gRPC's retry throttling, only retries spend tokens, first attempts never wait for any.
 */
export interface RetryBudget {
  /** Takes the cost of one retry; `undefined` when the bucket cannot pay it (do not retry). */
  take(afterTimeout: boolean): number | undefined;
  /** A call succeeded: gives back the cost of its last retry (`undefined`: it needed none, so 1 token). */
  succeeded(lastRetryCost: number | undefined): void;
  /** Tokens left, for tests and diagnostics. */
  readonly available: number;
}

/** The token bucket's sizes; the defaults are the AWS SDK standard mode's. */
export interface RetryBudgetOptions {
  /**
   * Tokens in the full bucket (and at start).
   * @default 500
   * @example 100
   */
  capacity?: number;
  /**
   * Tokens one retry costs.
   * @default 5
   * @example 10
   */
  retryCost?: number;
  /**
   * Tokens one retry after a timed-out attempt costs: a timeout ties up the backend longer than a refusal.
   * @default 10
   * @example 20
   */
  timeoutRetryCost?: number;
}

export const DEFAULT_RETRY_BUDGET: Required<RetryBudgetOptions> = { capacity: 500, retryCost: 5, timeoutRetryCost: 10 };

export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  const { capacity, retryCost, timeoutRetryCost } = { ...DEFAULT_RETRY_BUDGET, ...options };
  let available = capacity;
  return {
    take(afterTimeout) {
      const cost = afterTimeout ? timeoutRetryCost : retryCost;
      if (cost > available) return undefined;
      available -= cost;
      return cost;
    },
    succeeded(lastRetryCost) {
      available = Math.min(capacity, available + (lastRetryCost ?? 1));
    },
    get available() {
      return available;
    },
  };
}
