import type { ProxyRecord } from './fault-proxy';

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** One line of the final table: a figure, and the bound it must meet (none for figures shown as context). */
export interface CheckRow {
  check: string;
  observed: number;
  /** The run fails unless `observed` is at most this. */
  max?: number;
  note?: string;
}

/**
 * Logical mutations the server applied more than once. A logical request is its `Idempotency-Key` (or, without
 * one, its `X-Request-Id`, method and path); it was applied once per distinct successful answer the server gave
 * it, not counting answers the server marked as replays (`Idempotent-Replayed: true`) or that repeat the first
 * byte for byte (a replay: same created id, same operation, same version).
 */
export function duplicateMutations(records: readonly ProxyRecord[]): { count: number; examples: string[] } {
  const answers = new Map<string, Set<string>>();
  for (const record of records) {
    const { upstreamStatus, upstreamBody } = record;
    if (!MUTATING.has(record.method) || upstreamStatus === undefined || upstreamBody === undefined) continue;
    if (upstreamStatus < 200 || upstreamStatus >= 300 || record.replayed) continue;
    const key = record.idempotencyKey ?? `${record.requestId ?? '?'} ${record.method} ${record.path}`;
    const bodies = answers.get(key) ?? new Set<string>();
    bodies.add(upstreamBody);
    answers.set(key, bodies);
  }
  const duplicated = [...answers].filter(([, bodies]) => bodies.size > 1);
  return {
    count: duplicated.reduce((sum, [, bodies]) => sum + bodies.size - 1, 0),
    examples: duplicated.slice(0, 3).map(([key, bodies]) => `${key} applied ${bodies.size} times`),
  };
}

// Usage figures, logs and "last used" times move with the clock; everything else must match exactly.
const MOVING = new Set(['usage', 'metrics', 'lastUsed', 'restartCount', 'logs']);

/** `value` without the fields that move with the clock, its lists of entities in id order. */
export function stable(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(stable);
    const ids = items.map((item) =>
      typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined,
    );
    if (!ids.every((id) => typeof id === 'string')) return items;
    return items
      .map((item, index) => [ids[index] as string, item] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, item]) => item);
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !MOVING.has(key))
      .map(([key, child]) => [key, stable(child)]),
  );
}

function label(value: unknown): string {
  if (Array.isArray(value)) return `list of ${value.length}`;
  if (typeof value === 'object' && value !== null) {
    const id = (value as { id?: unknown }).id;
    return typeof id === 'string' ? `{ id: ${id} }` : 'object';
  }
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** The paths where `tree` (the handler's) and `server` differ, e.g. `tenants[ten-1].services[svc-9]: missing`. */
export function treeDifferences(tree: unknown, server: unknown, path = 'user'): string[] {
  if (Object.is(tree, server)) return [];
  const isObject = (value: unknown) => typeof value === 'object' && value !== null;
  if (!isObject(tree) || !isObject(server) || Array.isArray(tree) !== Array.isArray(server)) {
    return [`${path}: tree has ${label(tree)}, server has ${label(server)}`];
  }
  if (Array.isArray(tree) && Array.isArray(server)) {
    const key = (item: unknown, index: number) => {
      const id = isObject(item) ? (item as { id?: unknown }).id : undefined;
      return typeof id === 'string' ? id : String(index);
    };
    const mine = new Map(tree.map((item, index) => [key(item, index), item as unknown]));
    const theirs = new Map(server.map((item, index) => [key(item, index), item as unknown]));
    return [...new Set([...mine.keys(), ...theirs.keys()])].flatMap((id) =>
      treeDifferences(mine.get(id), theirs.get(id), `${path}[${id}]`),
    );
  }
  const mine = tree as Record<string, unknown>;
  const theirs = server as Record<string, unknown>;
  return [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].flatMap((field) =>
    treeDifferences(mine[field], theirs[field], `${path}.${field}`),
  );
}

/** Active handles and requests by type (`Timeout`, `TCPSocketWrap`, ...), as Node reports them. */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** How many more resources of `types` (all types when omitted) are active in `after` than in `before`. */
export function resourceDelta(
  before: Map<string, number>,
  after: Map<string, number>,
  types?: readonly string[],
): number {
  const names = types ?? [...new Set([...before.keys(), ...after.keys()])];
  return names.reduce((sum, type) => sum + Math.max(0, (after.get(type) ?? 0) - (before.get(type) ?? 0)), 0);
}

/** Prints the table and returns whether every bounded check passed. */
export function printTable(rows: readonly CheckRow[]): boolean {
  const width = Math.max(...rows.map((row) => row.check.length));
  let passed = true;
  console.log(`\n${'check'.padEnd(width)}  ${'observed'.padStart(9)}  required  result`);
  for (const row of rows) {
    const ok = row.max === undefined || row.observed <= row.max;
    if (!ok) passed = false;
    const required = row.max === undefined ? '' : `<= ${row.max}`;
    const result = row.max === undefined ? '' : ok ? 'pass' : 'FAIL';
    const note = row.note === undefined ? '' : `  ${row.note}`;
    console.log(
      `${row.check.padEnd(width)}  ${String(row.observed).padStart(9)}  ${required.padEnd(8)}  ${result}${note}`,
    );
  }
  return passed;
}
