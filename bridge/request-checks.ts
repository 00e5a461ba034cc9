import { BackendError } from '../errors/backend-error';
import { ADVICE } from '../errors/http-status';
import type { OperationName, ResolvedRequestMeta } from '../event-names';
import type { RequestOptions } from '../event-helper';

const MAX_REQUEST_ID_LENGTH = 128;

type Problem = { path: string; message: string };

// Meta and options come from callers that may not be typed (plain JS): refuse what would break correlation,
// cancellation or the timeout, instead of failing somewhere later.
function metaProblems(meta: { requestId?: unknown; signal?: unknown }, prefix: string): Problem[] {
  const problems: Problem[] = [];
  const { requestId, signal } = meta;
  if (typeof requestId !== 'string' || requestId.length === 0 || requestId.length > MAX_REQUEST_ID_LENGTH) {
    problems.push({
      path: `${prefix}.requestId`,
      message: `must be a string of 1 to ${MAX_REQUEST_ID_LENGTH} characters`,
    });
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    problems.push({ path: `${prefix}.signal`, message: 'must be an AbortSignal' });
  }
  return problems;
}

function invalidRequest(event: OperationName, what: string, problems: Problem[], expected: string): BackendError {
  const listed = problems.map((problem) => `${problem.path} ${problem.message}`).join('; ');
  return new BackendError({
    code: 'VALIDATION',
    message: `"${event}" was not sent: its ${what} are invalid (${listed}). Pass ${expected}.`,
    details: problems,
  });
}

export function checkMeta(event: OperationName, meta: ResolvedRequestMeta): void {
  const problems = metaProblems(meta, 'meta');
  if (problems.length > 0)
    throw invalidRequest(event, 'meta', problems, '{ requestId?: string, signal?: AbortSignal }');
}

export function optionsError(event: OperationName, options: RequestOptions): BackendError | undefined {
  const { timeoutMs, until } = options as { timeoutMs?: unknown; until?: unknown };
  const problems = metaProblems(options, 'options');
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) {
    problems.push({ path: 'options.timeoutMs', message: 'must be a number of milliseconds above 0' });
  }
  if (until !== undefined && until !== 'accepted' && until !== 'completed') {
    problems.push({ path: 'options.until', message: "must be 'accepted' or 'completed'" });
  }
  if (problems.length === 0) return undefined;
  return invalidRequest(event, 'options', problems, '{ timeoutMs?, signal?, requestId?, until? }');
}

export function describeOperations(names: readonly OperationName[]): string {
  const shown = names.slice(0, 3).map((name) => `"${name}"`);
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more operations` : shown.join(', ');
}

export function cancelled(operation: OperationName, requestId: string, reason: unknown): BackendError {
  return new BackendError({
    code: 'CANCELLED',
    message: `"${operation}" was cancelled by its caller's AbortSignal. ${ADVICE.CANCELLED}`,
    requestId,
    cause: reason,
  });
}
