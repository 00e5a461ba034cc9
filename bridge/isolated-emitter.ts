import { EventEmitter } from 'eventemitter3';

type AnyListener = (...args: never[]) => unknown;
type Wrapper = (...args: unknown[]) => void;

/**
 * An eventemitter3 whose listeners are isolated from each other and from the emitter: a throwing listener,
 * or an async one that rejects, is reported to `onListenerError` and never stops the others nor becomes an
 * unhandled rejection. Subscribing returns the function that unsubscribes.
 */
export class IsolatedEmitter {
  readonly #emitter = new EventEmitter();
  // listener -> its wrappers, per event, so that `off(event, listener)` finds what `on` registered.
  readonly #wrappers = new Map<string, Map<AnyListener, Set<Wrapper>>>();
  readonly #onListenerError: (error: unknown, event: string) => void;

  constructor(onListenerError: (error: unknown, event: string) => void) {
    this.#onListenerError = onListenerError;
  }

  on(event: string, listener: AnyListener, once = false): () => void {
    const wrapper: Wrapper = (...args) => {
      if (once) this.#remove(event, listener, wrapper);
      try {
        const result = (listener as (...values: unknown[]) => unknown)(...args);
        if (result instanceof Promise) result.catch((error: unknown) => this.#onListenerError(error, event));
      } catch (error) {
        this.#onListenerError(error, event);
      }
    };
    let byListener = this.#wrappers.get(event);
    if (byListener === undefined) this.#wrappers.set(event, (byListener = new Map<AnyListener, Set<Wrapper>>()));
    let wrappers = byListener.get(listener);
    if (wrappers === undefined) byListener.set(listener, (wrappers = new Set<Wrapper>()));
    wrappers.add(wrapper);
    this.#emitter.on(event, wrapper);
    return () => this.#remove(event, listener, wrapper);
  }

  off(event: string, listener: AnyListener): void {
    for (const wrapper of [...(this.#wrappers.get(event)?.get(listener) ?? [])]) this.#remove(event, listener, wrapper);
  }

  emit(event: string, ...args: unknown[]): void {
    this.#emitter.emit(event, ...args);
  }

  listenerCount(event: string): number {
    return this.#emitter.listenerCount(event);
  }

  eventNames(): string[] {
    return this.#emitter.eventNames() as string[];
  }

  #remove(event: string, listener: AnyListener, wrapper: Wrapper): void {
    const byListener = this.#wrappers.get(event);
    const wrappers = byListener?.get(listener);
    if (wrappers === undefined || !wrappers.delete(wrapper)) return;
    if (wrappers.size === 0) byListener?.delete(listener);
    if (byListener?.size === 0) this.#wrappers.delete(event);
    this.#emitter.off(event, wrapper);
  }
}
