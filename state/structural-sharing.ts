function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Returns `next`, but reusing every branch of `previous` that is deeply equal to its counterpart, so that
 * unchanged parts of the state keep their identity (and memoized UI does not re-render). As in TanStack Query.
 */
export function replaceEqualDeep<T>(previous: unknown, next: T): T {
  if (previous === next) return next;
  const bothArrays = Array.isArray(previous) && Array.isArray(next);
  if (!bothArrays && !(isPlainObject(previous) && isPlainObject(next))) return next;

  const previousRecord = previous as Record<string, unknown>;
  const nextRecord = next as Record<string, unknown>;
  const previousKeys = Object.keys(previousRecord);
  const nextKeys = Object.keys(nextRecord);
  const copy = (bothArrays ? [] : {}) as Record<string, unknown>;
  let equalItems = 0;
  for (const key of nextKeys) {
    const shared = replaceEqualDeep(previousRecord[key], nextRecord[key]);
    copy[key] = shared;
    if (shared === previousRecord[key] && (shared !== undefined || Object.hasOwn(previousRecord, key))) equalItems++;
  }
  return (previousKeys.length === nextKeys.length && equalItems === previousKeys.length ? previous : copy) as T;
}
