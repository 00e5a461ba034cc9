/**
 * Freezes `value` and everything reachable from it, so the state snapshot cannot be mutated by a listener.
 * Frozen branches are skipped: with structural sharing only the parts that changed are walked.
 */
export function deepFreeze<T>(value: T): T {
  return freezeAgainst(value, undefined);
}

/**
 * {@link deepFreeze} for `value`, a new version of the deeply frozen `previous`: a branch it shares with
 * `previous` at the same place is known frozen and not looked at, so that a list of 10,000 services of which
 * a few changed costs 10,000 identity checks, not 10,000 `Object.isFrozen` calls (slow on large objects).
 */
export function freezeAgainst<T>(value: T, previous: unknown): T {
  if (value === previous) return value;
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  const before = typeof previous === 'object' && previous !== null ? (previous as Record<string, unknown>) : undefined;
  if (Array.isArray(value)) {
    const list = Array.isArray(before) ? (before as unknown[]) : undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const was = list?.[index];
      if (item !== was) freezeAgainst(item, was);
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) freezeAgainst(record[key], before?.[key]);
  }
  return value;
}
