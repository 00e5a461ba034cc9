import type { Clock } from '../http/wait';

/**
 * Calls `onSilent` once when `touch` has not been called for `ms`: the heartbeat timeout of one connection.
 * `stop` clears it for good.
 */
export function createSilenceTimer(clock: Clock, ms: number, onSilent: () => void) {
  let handle: unknown;
  let armed = false;
  let fired = false;
  const disarm = () => {
    if (armed) clock.clearTimeout(handle);
    armed = false;
  };
  return {
    /** Whether the silence lasted the whole `ms`. */
    get fired(): boolean {
      return fired;
    },
    /** Something arrived: the silence starts again from now. */
    touch(): void {
      disarm();
      armed = true;
      handle = clock.setTimeout(() => {
        armed = false;
        fired = true;
        onSilent();
      }, ms);
    },
    stop: disarm,
  };
}
