let counter = 0;

/** A unique id for a request: a UUID where the platform has one, otherwise time, a counter and randomness. */
export function createRequestId(): string {
  // crypto.randomUUID exists only in secure contexts (https, localhost) in browsers.
  const uuid = (globalThis as { crypto?: Partial<Crypto> }).crypto?.randomUUID?.();
  if (uuid !== undefined) return uuid;
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
