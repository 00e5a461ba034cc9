import type { Unsubscribe } from '../../event-helper';

/**
 * The listeners of one changing value. `onFirst` attaches what feeds it (bridge listeners) when the first
 * listener comes, and the function it returns releases them when the last one leaves: nothing listens to the
 * bridge for a value nobody reads.
 */
export class Subscribable {
  readonly #listeners = new Set<() => void>();
  readonly #onFirst: () => Unsubscribe;
  #release: Unsubscribe | undefined;

  constructor(onFirst: () => Unsubscribe = () => () => undefined) {
    this.#onFirst = onFirst;
  }

  subscribe = (listener: () => void): Unsubscribe => {
    // A wrapper per call: the same function subscribed twice is two subscriptions, each removed by its own call.
    const entry = () => listener();
    this.#listeners.add(entry);
    if (this.#listeners.size === 1) this.#release = this.#onFirst();
    return () => {
      if (!this.#listeners.delete(entry) || this.#listeners.size > 0) return;
      this.#release?.();
      this.#release = undefined;
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
