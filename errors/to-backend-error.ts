import { BackendError, isBackendError } from './backend-error';

/**
 * Any thrown value as a BackendError for `requestId`. Api services throw BackendErrors already; anything
 * else is a defect in this library or in a caller's callback, reported as such instead of being lost.
 */
export function toBackendError(error: unknown, operation: string, requestId: string): BackendError {
  if (isBackendError(error)) return error.withRequestId(requestId);
  const reason = error instanceof Error ? error.message : String(error);
  return new BackendError({
    code: 'SERVER',
    message: `"${operation}" failed inside aurora-backend-handler: ${reason}. This is a defect; report it with the requestId.`,
    requestId,
    retryable: false,
    cause: error,
  });
}
