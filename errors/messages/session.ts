import { BackendError, isBackendError } from '../backend-error';
import { redact } from '../redact';

/**
 * `UNAUTHORIZED`: the session ended and could not be renewed. `error` is why the renewal failed: the API's
 * answer to `POST /auth/refresh`, or what `auth.refreshAccessToken` threw. Only its redacted text is kept,
 * never the thrown object, which may hold a token; `secrets` (tokens seen before) are redacted from it.
 */
export function refreshFailed(error: unknown, requestId: string, secrets: readonly string[] = []): BackendError {
  const why = isBackendError(error)
    ? error.message
    : redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error), secrets);
  return new BackendError({
    code: 'UNAUTHORIZED',
    message: `The session has ended and could not be renewed (${why.replace(/[.\s]+$/, '')}). Sign in again.`,
    status: isBackendError(error) ? error.status : undefined,
    reason: isBackendError(error) ? (error.reason === 'superseded' ? undefined : error.reason) : undefined,
    requestId,
    retryable: false,
  });
}
