/**
 * Freezes `value` and everything reachable from it, so the state snapshot cannot be mutated by a listener.
 * Frozen branches are skipped: with structural sharing only the parts that changed are walked.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
