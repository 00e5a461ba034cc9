import type { ResolvedStreamOptions } from './stream-options';

/**
 * The wait before reconnecting after `failures` failures in a row (1 for the first): a random time between 0
 * and `min(maxMs, initialMs × 2^(failures − 1))` ("full jitter", as in the AWS SDKs), so that clients dropped
 * together spread their reconnects. `floorMs` is what the API asked for (a `Retry-After`, or the SSE `retry:`
 * field): the wait is never shorter than it, and never longer than `maxMs` for it.
 */
export function reconnectDelayMs(
  backoff: ResolvedStreamOptions['backoff'],
  failures: number,
  random: () => number,
  floorMs?: number,
): number {
  // 2^30 already exceeds any timer: a larger exponent would only overflow.
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const bound = Math.min(backoff.maxMs, backoff.initialMs * 2 ** exponent);
  const draw = Math.min(Math.max(random(), 0), 1);
  const jittered = Math.floor(draw * bound);
  return floorMs === undefined ? jittered : Math.max(jittered, Math.min(Math.max(floorMs, 0), backoff.maxMs));
}
