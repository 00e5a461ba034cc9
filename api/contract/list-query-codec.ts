import * as z from 'zod';
import { ListQueryParamsSchema, ListQuerySchema, type ListQuery, type ListQueryParams } from './list-query';

/** Encodes a list query into its query string parameters. Inverse of {@link decodeListQuery}. */
export function encodeListQuery(query: ListQuery): ListQueryParams {
  const params: ListQueryParams = {};
  if (query.offset !== undefined) params.offset = String(query.offset);
  if (query.limit !== undefined) params.limit = String(query.limit);
  // An empty sort is sent as `sort=` so that it decodes to [] again.
  if (query.sort !== undefined) {
    params.sort = query.sort.map((sort) => (sort.direction === 'desc' ? `-${sort.field}` : sort.field)).join(',');
  }
  if (query.filter !== undefined) params.filter = JSON.stringify(query.filter);
  if (query.fields !== undefined) {
    params.fields =
      'include' in query.fields
        ? query.fields.include.join(',')
        : query.fields.exclude.map((field) => `-${field}`).join(',');
  }
  return params;
}

export type Decoded = { success: true; data: ListQuery } | { success: false; error: z.ZodError };

const QueryParamsSchema = z.object(ListQueryParamsSchema.shape);

function failure(path: string, message: string, input: unknown): Decoded {
  return { success: false, error: new z.ZodError([{ code: 'custom', path: [path], message, input }]) };
}

/** Decodes query string parameters into a validated list query; the server side of {@link encodeListQuery}. */
export function decodeListQuery(params: Readonly<Record<string, string | undefined>>): Decoded {
  const checked = QueryParamsSchema.safeParse(params);
  if (!checked.success) return checked;
  const { offset, limit, sort, filter, fields } = checked.data;
  const raw: Record<string, unknown> = {};
  if (offset !== undefined) raw.offset = Number(offset);
  if (limit !== undefined) raw.limit = Number(limit);
  if (sort !== undefined) {
    raw.sort =
      sort === ''
        ? []
        : sort
            .split(',')
            .map((item) =>
              item.startsWith('-') ? { field: item.slice(1), direction: 'desc' } : { field: item, direction: 'asc' },
            );
  }
  if (filter !== undefined) {
    try {
      raw.filter = JSON.parse(filter) as unknown;
    } catch (error) {
      return failure('filter', `must be JSON: ${(error as Error).message}`, filter);
    }
  }
  if (fields !== undefined && fields !== '') {
    const list = fields.split(',');
    raw.fields = list.every((field) => field.startsWith('-'))
      ? { exclude: list.map((field) => field.slice(1)) }
      : { include: list };
  }
  // The schema bounds the filter's depth before it recurses: a parsed filter nested thousands deep is refused.
  return ListQuerySchema.safeParse(raw);
}
