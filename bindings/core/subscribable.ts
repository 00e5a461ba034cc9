import type { Unsubscribe } from '../../event-helper';

/** The listeners of one changing value: the core stores notify them after each change of their snapshot. */
export class Subscribable {
  readonly #listeners = new Set<() => void>();

  subscribe = (listener: () => void): Unsubscribe => {
    // A wrapper per call: the same function subscribed twice is two subscriptions, each removed by its own call.
    const entry = () => listener();
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  };

  /** How many listeners there are. */
  get size(): number {
    return this.#listeners.size;
  }

  /** Calls every listener. */
  notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
