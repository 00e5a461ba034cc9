import type { BackendError, ErrorDetail } from '../errors/backend-error';
import { invalidRequestMeta } from '../errors/messages';
import type { RequestOptions } from './request-options';

const MAX_REQUEST_ID_LENGTH = 128;
const MAX_RETRIES = 10;

interface MetaLike {
  requestId?: unknown;
  signal?: unknown;
  retry?: unknown;
  latestWins?: unknown;
}

// Meta and options come from callers that may not be typed (plain JS): refuse what would break correlation,
// cancellation or the timeout, instead of failing somewhere later.
function metaProblems(meta: MetaLike, prefix: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const { requestId, signal, retry, latestWins } = meta;
  if (typeof requestId !== 'string' || requestId.length === 0 || requestId.length > MAX_REQUEST_ID_LENGTH) {
    problems.push({
      path: `${prefix}.requestId`,
      message: `must be a string of 1 to ${MAX_REQUEST_ID_LENGTH} characters`,
    });
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    problems.push({ path: `${prefix}.signal`, message: 'must be an AbortSignal' });
  }
  if (
    retry !== undefined &&
    retry !== false &&
    !(Number.isInteger(retry) && (retry as number) >= 0 && (retry as number) <= MAX_RETRIES)
  ) {
    problems.push({ path: `${prefix}.retry`, message: `must be false or a whole number from 0 to ${MAX_RETRIES}` });
  }
  if (
    latestWins !== undefined &&
    typeof latestWins !== 'boolean' &&
    !(typeof latestWins === 'string' && latestWins.length > 0 && latestWins.length <= MAX_REQUEST_ID_LENGTH)
  ) {
    problems.push({
      path: `${prefix}.latestWins`,
      message: `must be a boolean or a key of 1 to ${MAX_REQUEST_ID_LENGTH} characters`,
    });
  }
  return problems;
}

/** The error for malformed request meta (`emit(name, input, meta)`), or `undefined` when it is fine. */
export function metaError(name: string, meta: MetaLike): BackendError | undefined {
  const problems = metaProblems(meta, 'meta');
  if (problems.length === 0) return undefined;
  return invalidRequestMeta(name, 'meta', problems, '{ requestId?, signal?, retry?, latestWins? }');
}

/** The error for malformed `request()` options, or `undefined` when they are fine. */
export function optionsError(name: string, options: RequestOptions, requestId: unknown): BackendError | undefined {
  const { timeoutMs, until, signal, retry, latestWins } = options as MetaLike & {
    timeoutMs?: unknown;
    until?: unknown;
  };
  const problems = metaProblems({ requestId, signal, retry, latestWins }, 'options');
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) {
    problems.push({ path: 'options.timeoutMs', message: 'must be a number of milliseconds above 0' });
  }
  if (until !== undefined && until !== 'accepted' && until !== 'completed') {
    problems.push({ path: 'options.until', message: "must be 'accepted' or 'completed'" });
  }
  if (problems.length === 0) return undefined;
  return invalidRequestMeta(
    name,
    'options',
    problems,
    '{ timeoutMs?, signal?, requestId?, until?, retry?, latestWins? }',
  );
}
