import { DEFAULT_LIMIT, type Filter, type FilterGroup, type ListQuery, type Sort } from '../../api/contract/list-query';
import type { ErrorDetail } from '../../errors/backend-error';
import { selectFields } from './field-selection';

/** A page of a list and how many items matched before paging. */
export interface ListPage<T> {
  items: T[];
  totalCount: number;
}

type Json = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const collator = new Intl.Collator('en', { numeric: true });

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * The value at a dotted `path` of `item`. Crossing an array collects the value from each element, so
 * `roles.name` is the list of role names; a filter then matches when any of them matches.
 */
export function valueAt(item: unknown, path: string): unknown {
  let values: unknown[] = [item];
  let crossed = false;
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of values) {
      if (Array.isArray(value)) {
        crossed = true;
        for (const element of value) next.push(own(element, key));
      } else {
        next.push(own(value, key));
      }
    }
    values = next;
  }
  return crossed ? values.flat().filter((value) => value !== undefined) : values[0];
}

function isoTime(value: string): number | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** Orders two values of the same kind: numbers, booleans, ISO dates (by instant), other strings (en collation). */
export function compareValues(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const timeA = isoTime(a);
    const timeB = isoTime(b);
    if (timeA !== undefined && timeB !== undefined) return timeA - timeB;
    return collator.compare(a, b);
  }
  return undefined;
}

function equals(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof actual === 'string' && typeof expected === 'string') {
    if (actual === expected) return true;
    const timeA = isoTime(actual);
    return timeA !== undefined && timeA === isoTime(expected);
  }
  return actual === expected;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** `%` is any run of characters, `_` one character, `\` escapes either; case-insensitive, whole value. */
export function likePattern(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === '\\' && index + 1 < pattern.length) {
      index++;
      source += pattern.charAt(index).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

const ORDER_TESTS = {
  lt: (order: number) => order < 0,
  lte: (order: number) => order <= 0,
  gt: (order: number) => order > 0,
  gte: (order: number) => order >= 0,
} as const;

function matchesFilter(item: unknown, filter: Filter): boolean {
  const actual = valueAt(item, filter.field);
  const candidates: unknown[] = Array.isArray(actual) ? actual : [actual];
  const expected = filter.value;
  switch (filter.operator) {
    case 'isEmpty':
      return expected === false ? !isEmpty(actual) : isEmpty(actual);
    case 'eq':
      return candidates.some((candidate) => equals(candidate, expected));
    case 'neq':
      return !candidates.some((candidate) => equals(candidate, expected));
    case 'in': {
      const list: unknown[] = Array.isArray(expected) ? expected : [expected];
      return candidates.some((candidate) => list.some((option) => equals(candidate, option)));
    }
    case 'ilike': {
      if (typeof expected !== 'string') return false;
      const pattern = likePattern(expected);
      return candidates.some((candidate) => typeof candidate === 'string' && pattern.test(candidate));
    }
    default: {
      const test = ORDER_TESTS[filter.operator];
      return candidates.some((candidate) => {
        const order = compareValues(candidate, expected);
        return order !== undefined && test(order);
      });
    }
  }
}

function isGroup(item: Filter | FilterGroup): item is FilterGroup {
  return 'filters' in item;
}

/** Whether `item` passes a filter group; an empty group lets everything through. */
export function matchesGroup(item: unknown, group: FilterGroup): boolean {
  if (group.filters.length === 0) return true;
  const test = (entry: Filter | FilterGroup) =>
    isGroup(entry) ? matchesGroup(item, entry) : matchesFilter(item, entry);
  return group.operator === 'and' ? group.filters.every(test) : group.filters.some(test);
}

function compareForSort(a: unknown, b: unknown, sort: Sort): number {
  const valueA = valueAt(a, sort.field);
  const valueB = valueAt(b, sort.field);
  // Missing values go last whatever the direction.
  if (isEmpty(valueA) || isEmpty(valueB)) return Number(isEmpty(valueA)) - Number(isEmpty(valueB));
  const order = compareValues(valueA, valueB) ?? 0;
  return sort.direction === 'asc' ? order : -order;
}

/** Stable multi-field sort: later fields break ties of earlier ones. */
export function sortItems<T>(items: readonly T[], sorts: readonly Sort[]): T[] {
  return [...items].sort((a, b) => {
    for (const sort of sorts) {
      const order = compareForSort(a, b, sort);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function filterProblem(filter: Filter): string | undefined {
  const { operator, value } = filter;
  switch (operator) {
    case 'isEmpty':
      return value === undefined || typeof value === 'boolean' ? undefined : 'isEmpty takes no value, or true/false';
    case 'in':
      return Array.isArray(value) ? undefined : 'in needs a list of values';
    case 'ilike':
      return typeof value === 'string' ? undefined : 'ilike needs a text pattern';
    case 'eq':
    case 'neq':
      return value === undefined || Array.isArray(value) ? `${operator} needs one value` : undefined;
    default:
      return typeof value === 'string' || typeof value === 'number'
        ? undefined
        : `${operator} needs a number, a text or an ISO date`;
  }
}

function groupProblems(group: FilterGroup, path: string): ErrorDetail[] {
  return group.filters.flatMap((entry, index) => {
    const at = `${path}.filters.${index}`;
    if (isGroup(entry)) return groupProblems(entry, at);
    const problem = filterProblem(entry);
    return problem === undefined ? [] : [{ path: `${at}.value`, message: problem }];
  });
}

/** Problems of a decoded query that its schema cannot see: values that do not suit their operator. */
export function listQueryProblems(query: ListQuery): ErrorDetail[] {
  return query.filter === undefined ? [] : groupProblems(query.filter, 'filter');
}

/**
 * Applies a list query to `items`: filter, multi-field sort, then offset/limit paging and field selection.
 * `totalCount` counts the matching items before paging. With a `fields` selection the items hold only the
 * selected fields: a wire-level projection that the item type `T` does not express.
 */
export function applyListQuery<T>(items: readonly T[], query: ListQuery): ListPage<T> {
  const { filter, fields } = query;
  const matching = filter === undefined ? [...items] : items.filter((item) => matchesGroup(item, filter));
  const sorted = sortItems(matching, query.sort ?? []);
  const offset = query.offset ?? 0;
  const page = sorted.slice(offset, offset + (query.limit ?? DEFAULT_LIMIT));
  return {
    items: fields === undefined ? page : page.map((item) => selectFields(item, fields) as T),
    totalCount: matching.length,
  };
}
