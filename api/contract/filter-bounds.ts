import { filterTooDeep, filterTooLarge } from '../../errors/messages/list-query';

/** The most filter groups nested in one another. */
export const MAX_FILTER_DEPTH = 5;
/** The longest filter group as JSON: the `filter` query parameter. */
export const MAX_FILTER_LENGTH = 20_000;

// A group nested MAX_FILTER_DEPTH deep is at most this deep as JSON: group, filters, ..., filter, value list.
const MAX_JSON_DEPTH = 2 * MAX_FILTER_DEPTH + 2;
// Every value takes at least one character of JSON, so a filter with more values cannot be short enough.
const MAX_VALUES = MAX_FILTER_LENGTH;

/**
 * Why `value` is too deep or too large to be a filter group, or `undefined` when it is within bounds. Measured
 * without recursion and stopping at the first bound crossed, so that no input (nested thousands deep, cyclic,
 * or a wide graph of shared objects) can overflow the stack or run long before the schema sees it.
 */
export function filterBoundsProblem(value: unknown): string | undefined {
  let values = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (++values > MAX_VALUES) return filterTooLarge(MAX_FILTER_LENGTH);
    if (typeof item !== 'object' || item === null) continue;
    if (depth > MAX_JSON_DEPTH) return filterTooDeep(MAX_FILTER_DEPTH);
    if (Array.isArray(item) && values + item.length > MAX_VALUES) return filterTooLarge(MAX_FILTER_LENGTH);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return undefined;
}

/** How many groups deep `group` nests; only called on a group already within {@link filterBoundsProblem}'s bounds. */
export function groupDepth(group: { filters: ReadonlyArray<object> }): number {
  return 1 + Math.max(0, ...group.filters.map((item) => ('filters' in item ? groupDepth(item as typeof group) : 0)));
}
