import type { Clock } from '../http/wait';

/** What the stream needs of `document`: its visibility, and the event that says it changed. */
export interface VisibilityTarget {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/** The page's document where there is one (browsers), else `undefined` (Node, workers). */
export function pageDocument(): VisibilityTarget | undefined {
  const candidate = (globalThis as { document?: Partial<VisibilityTarget> }).document;
  return typeof candidate?.addEventListener === 'function' && typeof candidate.visibilityState === 'string'
    ? (candidate as VisibilityTarget)
    : undefined;
}

/** What the watcher tells the stream. */
export interface VisibilityHandlers {
  /** The page has been hidden for the whole delay. */
  hiddenLong(): void;
  /** The page became visible again. */
  visible(): void;
}

/**
 * Watches `target` while the stream is open: `hiddenLong` after it stayed hidden `delayMs` in a row,
 * `visible` when it shows again. Returns the function that removes the listener and clears the timer.
 */
export function watchVisibility(
  target: VisibilityTarget,
  delayMs: number,
  clock: Clock,
  handlers: VisibilityHandlers,
): () => void {
  let timer: unknown;
  let timing = false;
  const stopTimer = () => {
    if (timing) clock.clearTimeout(timer);
    timing = false;
  };
  const onChange = () => {
    if (target.visibilityState === 'hidden') {
      if (timing) return;
      timing = true;
      timer = clock.setTimeout(() => {
        timing = false;
        handlers.hiddenLong();
      }, delayMs);
      return;
    }
    stopTimer();
    handlers.visible();
  };
  target.addEventListener('visibilitychange', onChange);
  if (target.visibilityState === 'hidden') onChange();
  return () => {
    stopTimer();
    target.removeEventListener('visibilitychange', onChange);
  };
}
