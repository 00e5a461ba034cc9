import { isAxiosError } from 'axios';
import { BackendError, isBackendError } from '../../errors/backend-error';
import { summarizeDetails } from '../../errors/from-zod';
import { ADVICE, codeForStatus } from '../../errors/http-status';
import { redact } from '../../errors/redact';
import { ErrorBodySchema } from '../contract/error-body';

/** Which call failed: enough to say so in an error, never headers or bodies. */
export type CallSite = {
  method: string;
  path: string;
  requestId: string;
  apiBaseUrl: string;
  timeoutMs: number;
  /** Values that must not appear in an error even if the server echoes them, such as the access token. */
  secrets: readonly string[];
};

function describe(site: CallSite): string {
  return `${site.method} ${site.path}`;
}

/** The error for a response whose status is not the route's success status. */
export function errorFromResponse(status: number, body: unknown, site: CallSite, retryAfter?: string): BackendError {
  const parsed = ErrorBodySchema.safeParse(body);
  const code = codeForStatus(status);
  const serverSays = parsed.success ? redact(parsed.data.message, site.secrets) : undefined;
  const details = (parsed.success ? (parsed.data.details ?? []) : []).map((detail) => ({
    path: detail.path,
    message: redact(detail.message, site.secrets),
  }));
  const why =
    serverSays ??
    (status >= 300 && status < 400 ? 'the API answered with a redirect, which is never followed' : `status ${status}`);
  const wait = code === 'RATE_LIMITED' && retryAfter ? ` (Retry-After: ${retryAfter}s)` : '';
  const listed = details.length > 0 ? ` (${summarizeDetails(details)})` : '';
  return new BackendError({
    code,
    message: `${describe(site)} failed with ${status}: ${why}${listed}. ${ADVICE[code]}${wait}`,
    status,
    method: site.method,
    path: site.path,
    details,
    requestId: site.requestId,
    retryable: code === 'SERVER' ? status !== 501 : undefined,
  });
}

/** Why a call was aborted: the reason given to `abort()` when it is a BackendError (e.g. a request timeout). */
function abortError(signal: AbortSignal | undefined, site: CallSite): BackendError {
  const reason: unknown = signal?.reason;
  if (isBackendError(reason)) return reason.withRequestId(site.requestId);
  return new BackendError({
    code: 'CANCELLED',
    message: `${describe(site)} was cancelled before it completed. ${ADVICE.CANCELLED}`,
    method: site.method,
    path: site.path,
    requestId: site.requestId,
  });
}

/**
 * The single place where an error thrown while calling the API (axios, network, abort) becomes a
 * {@link BackendError}. The AxiosError itself is never kept: it holds request headers, including the token.
 */
export function translateCallError(error: unknown, site: CallSite, signal?: AbortSignal): BackendError {
  if (isBackendError(error)) return error.withRequestId(site.requestId);
  if (signal?.aborted) return abortError(signal, site);
  if (!isAxiosError(error)) {
    return new BackendError({
      code: 'NETWORK',
      message: `${describe(site)} failed before a response arrived: ${String(error)}. ${ADVICE.NETWORK}`,
      method: site.method,
      path: site.path,
      requestId: site.requestId,
      cause: error,
    });
  }
  const underlying: unknown = error.cause;
  const cause = underlying instanceof Error ? underlying : undefined;
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
    return new BackendError({
      code: 'TIMEOUT',
      message: `${describe(site)} got no answer within ${site.timeoutMs} ms. ${ADVICE.TIMEOUT}`,
      method: site.method,
      path: site.path,
      requestId: site.requestId,
      cause,
    });
  }
  if (error.code === 'ERR_CANCELED') return abortError(signal, site);
  const reason = cause && 'code' in cause ? String((cause as { code: unknown }).code) : (error.code ?? error.message);
  return new BackendError({
    code: 'NETWORK',
    message: `${describe(site)} could not reach ${site.apiBaseUrl} (${reason}). ${ADVICE.NETWORK}`,
    method: site.method,
    path: site.path,
    requestId: site.requestId,
    cause,
  });
}
