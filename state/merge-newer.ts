import { isLater, later } from './timestamps';

type Data = Record<string, unknown>;

/** An entity of the tree that a full snapshot did not hold but the tree keeps, and the list it is in. */
export interface KeptEntity {
  /** The field of the parent that holds the list (`services`, `tenants`, ...). */
  field: string;
  entity: Data;
}

interface Context {
  /** A full snapshot decides which entities exist (otherwise the new value's lists do). */
  snapshot: Data | undefined;
  /** The latest timestamp the snapshot holds, once needed; `null` while not computed. */
  bound: string | undefined | null;
  kept: KeptEntity[];
}

function isPlainObject(value: unknown): value is Data {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function entityId(value: unknown): string | undefined {
  const id = isPlainObject(value) ? value.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

const timestampOf = (value: unknown, key: 'createdAt' | 'updatedAt'): string | undefined => {
  const stamp = (value as Data)[key];
  return typeof stamp === 'string' ? stamp : undefined;
};

function indexById(list: readonly unknown[]): Map<string, unknown> {
  const index = new Map<string, unknown>();
  for (const item of list) {
    const id = entityId(item);
    if (id !== undefined) index.set(id, item);
  }
  return index;
}

// The snapshot was read after every change it shows: its latest timestamp is a lower bound of its read time.
function latestTimestamp(value: unknown): string | undefined {
  if (Array.isArray(value))
    return value.reduce<string | undefined>((found, item) => later(found, latestTimestamp(item)), undefined);
  if (!isPlainObject(value)) return undefined;
  let found = later(timestampOf(value, 'createdAt'), timestampOf(value, 'updatedAt'));
  for (const key in value) if (Array.isArray(value[key])) found = later(found, latestTimestamp(value[key]));
  return found;
}

function snapshotBound(context: Context): string | undefined {
  if (context.bound === null) context.bound = latestTimestamp(context.snapshot);
  return context.bound;
}

// Created after the snapshot was read, as far as the snapshot can tell: it could not have listed it.
function newerThanSnapshot(entity: unknown, context: Context): boolean {
  const createdAt = timestampOf(entity, 'createdAt');
  return createdAt !== undefined && isLater(createdAt, snapshotBound(context));
}

function merge(current: unknown, next: unknown, field: string, context: Context): unknown {
  if (current === next) return current;
  if (typeof next !== 'object' || next === null || typeof current !== 'object' || current === null) return next;
  if (Array.isArray(next)) return Array.isArray(current) ? mergeList(current, next, field, context) : next;
  if (Array.isArray(current) || !isPlainObject(next) || !isPlainObject(current)) return next;
  if (entityId(next) !== undefined && current.id === next.id) {
    if (isLater(timestampOf(current, 'updatedAt'), timestampOf(next, 'updatedAt'))) return keep(current, next, context);
  }
  return mergeRecord(current, next, context);
}

// `next`, sharing `current` where deeply equal; the result is built only once a difference is found.
function mergeRecord(current: Data, next: Data, context: Context): Data {
  let copy: Data | undefined;
  let keys = 0;
  for (const key in next) {
    keys++;
    const previous = current[key];
    const merged = merge(previous, next[key], key, context);
    if (copy === undefined) {
      if (merged === previous && (previous !== undefined || key in current)) continue;
      copy = {};
      for (const earlier in next) {
        if (earlier === key) break;
        copy[earlier] = current[earlier];
      }
    }
    copy[key] = merged;
  }
  if (copy !== undefined) return copy;
  if (Object.keys(current).length === keys) return current;
  // `current` had more fields: `next`'s fields, with the values of `current` they equal.
  const shared: Data = {};
  for (const key in next) shared[key] = current[key];
  return shared;
}

// The first `length` elements of `list`, as a new array: `slice` of a frozen array (every list of the state) is
// many times slower than `Array.from` in V8, which matters for lists of 10,000 services.
function prefix(list: readonly unknown[], length: number): unknown[] {
  const copy = Array.from(list);
  if (length < copy.length) copy.length = length;
  return copy;
}

function mergeList(current: readonly unknown[], next: readonly unknown[], field: string, context: Context): unknown[] {
  // Once a difference is found: a copy of `current` overwritten in place, position by position (no pushes).
  let result: unknown[] | undefined;
  let byId: Map<string, unknown> | undefined;
  for (let position = 0; position < next.length; position++) {
    const item = next[position];
    let counterpart = current[position];
    let merged: unknown;
    // The same element in the same place (an untouched branch): nothing to compare.
    if (item === counterpart && item !== undefined) merged = item;
    else {
      const id = entityId(item);
      if (id !== undefined && entityId(counterpart) !== id) {
        byId ??= indexById(current);
        counterpart = byId.get(id);
      }
      merged = merge(counterpart, item, field, context);
    }
    if (result === undefined) {
      if (merged === current[position] && position < current.length) continue;
      result = Array.from(current);
    }
    if (position >= result.length || result[position] !== merged) result[position] = merged;
  }
  if (result !== undefined && result.length > next.length) result.length = next.length;
  // Every element of `current` was matched in place, none is missing from `next`.
  const allMatched = byId === undefined && current.length <= next.length;
  if (context.snapshot !== undefined && !allMatched) {
    const listed = new Set(next.map(entityId));
    for (const item of current) {
      const id = entityId(item);
      if (id === undefined || listed.has(id) || !newerThanSnapshot(item, context)) continue;
      result ??= prefix(current, next.length);
      result.push(item);
      context.kept.push({ field, entity: item as Data });
    }
  }
  if (result !== undefined) return result;
  return current.length === next.length ? (current as unknown[]) : prefix(current, next.length);
}

/**
 * `current` is a later version than `next`: its own fields and lists stay, but the entities it holds are
 * still merged one by one with their counterparts in `next`, so that none of them goes back either.
 */
function keep(current: unknown, next: unknown, context: Context): unknown {
  if (current === next || typeof next !== 'object' || next === null) return current;
  if (Array.isArray(current)) {
    if (!Array.isArray(next)) return current;
    return keepList(current as unknown[], next as unknown[], context);
  }
  if (!isPlainObject(current) || !isPlainObject(next)) return current;
  let copy: Data | undefined;
  for (const key in current) {
    const merged = keep(current[key], next[key], context);
    if (merged === current[key]) continue;
    copy ??= { ...current };
    copy[key] = merged;
  }
  return copy ?? current;
}

// The elements of a later list stay; an entity among them merges with its counterpart in `next`, if any.
function keepList(current: unknown[], next: unknown[], context: Context): unknown[] {
  const byId = indexById(next);
  let result: unknown[] | undefined;
  current.forEach((item, position) => {
    const id = entityId(item);
    const counterpart = id === undefined ? next[position] : byId.get(id);
    const merged = id === undefined ? keep(item, counterpart, context) : merge(item, counterpart ?? item, '', context);
    if (merged === item && result === undefined) return;
    result ??= prefix(current, position);
    result.push(merged);
  });
  return result ?? current;
}

function run<T>(current: unknown, next: T, snapshot: boolean): { value: T; kept: KeptEntity[] } {
  const context: Context = { snapshot: snapshot ? (next as Data) : undefined, bound: null, kept: [] };
  return { value: merge(current, next, '', context) as T, kept: context.kept };
}

/**
 * `next`, except that no entity goes back to an older version: an entity (an object with an `id`, matched
 * by id within its list) whose `updatedAt` in `current` is later than in `next` stays as in `current`, and
 * the entities it holds are merged the same way. Equal or missing timestamps: `next` wins. Every branch
 * deeply equal to its counterpart in `current` keeps its identity (structural sharing, as TanStack Query).
 */
export function mergeNewer<T>(current: unknown, next: T): T {
  return run(current, next, false).value;
}

/**
 * {@link mergeNewer} for a full snapshot (the whole user as `GET /users/me` returns it): an entity of
 * `current` that the snapshot does not list is gone, unless it was created after every change the snapshot
 * shows (its `createdAt` is later than the latest timestamp in the snapshot), so the snapshot was read
 * before it existed. Such entities stay, and are returned in `kept` so that references to them can be
 * restored.
 */
export function mergeSnapshot<T>(current: unknown, next: T): { value: T; kept: KeptEntity[] } {
  return run(current, next, true);
}
