import * as z from 'zod';
import { filterTooDeep, filterTooLarge } from '../../errors/messages/list-query';
import { filterBoundsProblem, groupDepth, MAX_FILTER_DEPTH, MAX_FILTER_LENGTH } from './filter-bounds';

/** Filter operators of the list query language (from resource-base-interface). */
export const FILTER_OPERATORS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'ilike', 'isEmpty'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
export { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH };
/** Path segments that reach an object's prototype: never field names. */
const RESERVED_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** A field path such as `name` or `usage.current.cpu`. */
const FieldSchema = z
  .string()
  .max(100)
  .regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/, 'must be a field path such as name or usage.current.cpu')
  .refine((path) => !path.split('.').some((segment) => RESERVED_SEGMENTS.has(segment)), {
    message: 'must not name __proto__, constructor or prototype',
  });
const ScalarSchema = z.union([z.string().max(500), z.number().min(-1e15).max(1e15), z.boolean(), z.null()]);

/** One condition: `field operator value`. `in` takes a list, `isEmpty` takes no value. */
export const FilterSchema = z.strictObject({
  field: FieldSchema,
  operator: z.enum(FILTER_OPERATORS),
  value: z.union([ScalarSchema, z.array(ScalarSchema).max(100)]).optional(),
});
export interface Filter extends z.output<typeof FilterSchema> {}

/** Conditions and nested groups joined by `and` / `or`. */
export interface FilterGroup {
  operator: 'and' | 'or';
  filters: Array<Filter | FilterGroup>;
}

const FilterGroupShape: z.ZodType<FilterGroup, FilterGroup> = z.lazy(() =>
  z.strictObject({
    operator: z.enum(['and', 'or']),
    filters: z.array(z.union([FilterSchema, FilterGroupShape])).max(50),
  }),
);

/**
 * A filter group. Its depth and size are bounded before the recursive schema runs, so that a group nested
 * thousands deep is a `VALIDATION` problem, not a stack overflow.
 */
export const FilterGroupSchema: z.ZodType<FilterGroup, FilterGroup> = z
  .custom<FilterGroup>()
  .check((context) => {
    const problem = filterBoundsProblem(context.value);
    if (problem !== undefined) context.issues.push({ code: 'custom', message: problem, input: context.value });
  })
  .pipe(FilterGroupShape);

export const SortSchema = z.strictObject({ field: FieldSchema, direction: z.enum(['asc', 'desc']) });
export interface Sort extends z.output<typeof SortSchema> {}

/** Which fields a list returns: only `include`d ones, or all but the `exclude`d ones. */
export const FieldSelectionSchema = z.union([
  z.strictObject({ include: z.array(FieldSchema).min(1).max(100) }),
  z.strictObject({ exclude: z.array(FieldSchema).min(1).max(100) }),
]);

/** The one query language of every list: paging, multi-field sort, nested filters, field selection. */
export const ListQuerySchema = z.strictObject({
  offset: z.number().int().min(0).max(1_000_000).optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  sort: z.array(SortSchema).max(10).optional(),
  filter: FilterGroupSchema.refine((group) => groupDepth(group) <= MAX_FILTER_DEPTH, filterTooDeep(MAX_FILTER_DEPTH))
    .refine((group) => JSON.stringify(group).length <= MAX_FILTER_LENGTH, filterTooLarge(MAX_FILTER_LENGTH))
    .optional(),
  fields: FieldSelectionSchema.optional(),
});
export interface ListQuery extends z.output<typeof ListQuerySchema> {}

/** The query string form of a {@link ListQuery}, as it travels in a URL (and as OpenAPI documents it). */
export const ListQueryParamsSchema = z.strictObject({
  offset: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional()
    .describe('Items to skip, default 0'),
  limit: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional()
    .describe(`Items to return, 1 to ${MAX_LIMIT}, default ${DEFAULT_LIMIT}`),
  sort: z
    .string()
    .max(1100)
    .optional()
    .describe('Comma-separated fields; a leading "-" sorts descending: -createdAt,name'),
  filter: z
    .string()
    .max(MAX_FILTER_LENGTH)
    .optional()
    .describe('JSON filter group: {"operator":"and","filters":[{"field":"status","operator":"eq","value":"running"}]}'),
  fields: z
    .string()
    .max(10_200)
    .optional()
    .describe('Comma-separated fields to include, or all prefixed "-" to exclude'),
});
// A type alias, not an interface: callers treat it as a string record (`Object.entries`, `URLSearchParams`).
export type ListQueryParams = z.infer<typeof ListQueryParamsSchema>;

/** A page of a list and how many items match in all. */
export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item).max(MAX_LIMIT), totalCount: z.number().int().min(0).max(1e9) });
}

/**
 * The list query of the typed list requests: everything but `fields`. Field selection returns partial
 * items, which the requests' typed results (`Service[]`, ...) cannot describe; the REST API supports it
 * for other clients.
 */
export const RequestListQuerySchema = ListQuerySchema.omit({ fields: true });
export interface RequestListQuery extends z.output<typeof RequestListQuerySchema> {}

/** A page of a list of `T` and how many items match in all: the output of `listResponseSchema`. */
export interface ListResponse<T> extends z.output<ReturnType<typeof listResponseSchema<z.ZodType<T, T>>>> {}
