import type { LiveEvent } from '../contract/live-events';
import type { Logger } from '../../log/logger';
import type { LiveSourceListener } from './live-source';
import type { StreamStatus } from './stream-status';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}

/**
 * The listeners of a live source and its latest status. A status is passed on only when its state differs
 * from the last one; a listener that throws is logged (never with the events) and does not stop the others.
 * Every listener is told everything in the same order, even what a listener causes while it is told.
 */
export function createStatusFeed(initial: StreamStatus, logger: Logger) {
  const listeners = new Set<LiveSourceListener>();
  let status = Object.freeze({ ...initial });
  // A listener may act on the source while it is told something (reopen it when it closes): what that
  // causes is told after, to every listener, so that each sees the same order.
  const queue: Array<() => void> = [];
  let draining = false;

  function dispatch(job: () => void): void {
    queue.push(job);
    if (draining) return;
    draining = true;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) next();
    } finally {
      draining = false;
    }
  }

  function each(call: (listener: LiveSourceListener) => void, what: string): void {
    for (const listener of [...listeners]) {
      if (!listeners.has(listener)) continue;
      try {
        call(listener);
      } catch (error) {
        logger.error(`A live stream listener threw while it was given ${what}`, { error: describe(error) });
      }
    }
  }

  return {
    get status(): StreamStatus {
      return status;
    },
    /** Makes `next` the status and tells the listeners, unless the state did not change. */
    set(next: StreamStatus): void {
      if (next.state === status.state) return;
      status = Object.freeze(next);
      const current = status;
      dispatch(() => each((listener) => listener.status(current), `the status ${current.state}`));
    },
    deliver(batch: readonly LiveEvent[]): void {
      const frozen = Object.freeze(batch);
      dispatch(() => each((listener) => listener.events(frozen), `${batch.length} events`));
    },
    subscribe(listener: LiveSourceListener): () => void {
      // Each subscription is its own: the same object subscribed twice is called twice, and each unsubscribe
      // removes only its own subscription.
      const own: LiveSourceListener = { events: (batch) => listener.events(batch), status: (s) => listener.status(s) };
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },
  };
}
