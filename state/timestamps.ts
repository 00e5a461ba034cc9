// The digits of an ISO date-time's fraction beyond milliseconds, which `Date.parse` drops.
function subMillisecond(timestamp: string): string {
  const fraction = /\.(\d+)/.exec(timestamp)?.[1] ?? '';
  return fraction.slice(3).replace(/0+$/, '');
}

/**
 * Whether entity timestamp `a` is strictly later than `b`. A missing or unreadable one is later than nothing,
 * so that data without versions is never kept against an update.
 */
export function isLater(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return false;
  // The API's own form (`toISOString`, UTC, fixed width) orders as text; the parse is for other offsets.
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a > b;
  const difference = Date.parse(a) - Date.parse(b);
  if (Number.isNaN(difference)) return false;
  if (difference !== 0) return difference > 0;
  const [extraA, extraB] = [subMillisecond(a), subMillisecond(b)];
  return extraA.padEnd(extraB.length, '0') > extraB.padEnd(extraA.length, '0');
}

/** The later of two entity timestamps; `undefined` when neither is given. */
export function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  return b !== undefined && isLater(b, a) ? b : a;
}
