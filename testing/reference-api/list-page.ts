import { decodeListQuery } from '../../api/contract/list-query-codec';
import type { ListQueryParams } from '../../api/contract/list-query';
import { zodIssuesToDetails } from '../../errors/from-zod';
import { ApiError } from './errors';
import { applyListQuery, listQueryProblems, type ListPage } from './list-query-engine';

/** Decodes a list's query string parameters and applies them to `items`; 400 with details when invalid. */
export function listPage<T>(items: readonly T[], params: ListQueryParams | undefined): ListPage<T> {
  const decoded = decodeListQuery(params ?? {});
  if (!decoded.success) {
    const details =
      decoded.error instanceof SyntaxError
        ? [{ path: 'filter', message: `is not valid JSON: ${decoded.error.message}` }]
        : zodIssuesToDetails(decoded.error);
    throw new ApiError('VALIDATION', 'The list query is invalid', details);
  }
  const problems = listQueryProblems(decoded.data);
  if (problems.length > 0) throw new ApiError('VALIDATION', 'The list query is invalid', problems);
  return applyListQuery(items, decoded.data);
}
