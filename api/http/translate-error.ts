import { isAxiosError } from 'axios';
import { isBackendError, type BackendError } from '../../errors/backend-error';
import {
  callCancelled,
  callTimedOut,
  failedBeforeResponse,
  failedResponse,
  unreachable,
  type HttpCall,
} from '../../errors/messages';
import { ErrorBodySchema } from '../contract/error-body';

/** Which call failed: enough to say so in an error, never headers or bodies. */
export type CallSite = HttpCall;

/** The error for a response whose status is not the route's success status. */
export function errorFromResponse(status: number, body: unknown, site: CallSite, retryAfter?: string): BackendError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return failedResponse(site, { status, retryAfter });
  const { message, details, reason } = parsed.data;
  return failedResponse(site, { status, message, details, reason, retryAfter });
}

/** Why a call was aborted: the reason given to `abort()` when it is a BackendError (e.g. a request timeout). */
function abortError(signal: AbortSignal | undefined, site: CallSite): BackendError {
  const reason: unknown = signal?.reason;
  if (isBackendError(reason)) return reason.withRequestId(site.requestId);
  return callCancelled(site);
}

/**
 * The single place where an error thrown while calling the API (axios, network, abort) becomes a
 * {@link BackendError}. The AxiosError itself is never kept: it holds request headers, including the token.
 */
export function translateCallError(error: unknown, site: CallSite, signal?: AbortSignal): BackendError {
  if (isBackendError(error)) return error.withRequestId(site.requestId);
  if (signal?.aborted) return abortError(signal, site);
  if (!isAxiosError(error)) return failedBeforeResponse(site, error);
  const underlying: unknown = error.cause;
  const cause = underlying instanceof Error ? underlying : undefined;
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return callTimedOut(site, cause);
  if (error.code === 'ERR_CANCELED') return abortError(signal, site);
  const reason = cause && 'code' in cause ? String((cause as { code: unknown }).code) : (error.code ?? error.message);
  return unreachable(site, reason, cause);
}
