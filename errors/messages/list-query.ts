// Detail messages of the list query's bounds: what is too big, the limit, and what to do instead. They are
// the `message` of a `VALIDATION` detail at the filter's path (e.g. `query.filter`), in client and server.

/** A filter group nested deeper than `maxDepth` groups (or any part of the filter nested deeper than that allows). */
export function filterTooDeep(maxDepth: number): string {
  return `nests deeper than ${maxDepth} groups: merge nested groups that use the same operator, or split the query into several`;
}

/** A filter larger than `maxLength` characters as JSON (or holding more values than would fit in them). */
export function filterTooLarge(maxLength: number): string {
  return `is larger than ${maxLength} characters as JSON: use fewer or shorter conditions (one "in" instead of many "eq"), or split the query into several`;
}
