import type { BackendError } from './backend-error';
import { defect } from './messages';

/**
 * Any thrown value as a BackendError for `requestId`. Api services throw BackendErrors already; anything
 * else is a defect in this library or in a caller's callback, reported as such instead of being lost.
 */
export function toBackendError(error: unknown, operation: string, requestId: string): BackendError {
  return defect(operation, requestId, error);
}
