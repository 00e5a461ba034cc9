/** The part of `BroadcastChannel` used to talk to the other tabs of the origin. */
export type TabChannel = Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'close'>;

/** Opens the channel called `name`. */
export type OpenTabChannel = (name: string) => TabChannel;

/** The platform's `BroadcastChannel` (browsers, Node 18+), or `undefined` where it has none. */
export function defaultTabChannel(): OpenTabChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined;
  return (name) => new BroadcastChannel(name);
}

/** Where the page tells that it goes away (`pagehide`) or comes back from the back/forward cache (`pageshow`). */
export type PageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** `window` in a page; `undefined` in Node and in workers. */
export function defaultPageEvents(): PageEvents | undefined {
  return typeof window === 'undefined' ? undefined : window;
}
