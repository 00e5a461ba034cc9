import type { Clock } from '../http/wait';

/**
 * Resolves after `ms`, when `signal` aborts, or when the function given to `onWake` is called (an `open()`
 * that wants a connection now), whichever comes first; the timer is cleared then. Never rejects.
 */
export function wakeableSleep(
  ms: number,
  signal: AbortSignal,
  clock: Clock,
  onWake: (wake: (() => void) | undefined) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clock.clearTimeout(handle);
      signal.removeEventListener('abort', done);
      onWake(undefined);
      resolve();
    };
    const handle = clock.setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    onWake(done);
  });
}
