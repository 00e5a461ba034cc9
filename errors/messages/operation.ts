import { BackendError } from '../backend-error';
import { ADVICE } from './advice';
import type { FailedOperation } from './request';

// Errors of the operation follower when an operation cannot be followed to its end. The operation may still
// finish on the server, so every message says how to learn its outcome.

type FollowedOperation = Pick<FailedOperation, 'id' | 'kind' | 'target'>;

function describe(operation: FollowedOperation): string {
  return `Operation ${operation.id} (${operation.kind} of ${operation.target.type} "${operation.target.id}")`;
}

const RELOAD = 'Reload the target to see what the operation did, and start it again if it did not happen.';

/** `NOT_FOUND`: the API no longer knows an operation being followed (404), so its outcome cannot be learned. */
export function operationLost(operation: FollowedOperation, requestId: string): BackendError {
  return new BackendError({
    code: 'NOT_FOUND',
    message: `${describe(operation)} can no longer be followed: the API answers 404 for it (it expired or was removed), so its outcome is unknown. ${RELOAD}`,
    requestId,
    retryable: false,
  });
}

/**
 * The last poll's error, after no poll of an operation succeeded for `giveUpAfterMs`: the follow ends, with
 * the code of that last failure (`NETWORK`, `SERVER`, `RATE_LIMITED`, ...).
 */
export function operationUnfollowable(
  operation: FollowedOperation,
  requestId: string,
  giveUpAfterMs: number,
  lastError: BackendError,
): BackendError {
  return new BackendError({
    code: lastError.code,
    message: `${describe(operation)} could not be followed: no poll succeeded for ${formatDuration(giveUpAfterMs)} (the last one failed with ${failure(lastError)}). The operation may still finish on the server. ${RELOAD}`,
    status: lastError.status,
    method: lastError.method,
    path: lastError.path,
    details: lastError.details,
    requestId,
    retryable: false,
    cause: lastError,
  });
}

/** `CONFIG`: an option of `polling` is invalid; names it, what was given and what is accepted. */
export function invalidPollingOption(key: string, given: unknown, accepted: string): BackendError {
  return new BackendError({
    code: 'CONFIG',
    message: `Invalid option polling.${key}: got ${shown(given)}. Expected ${accepted}. ${ADVICE.CONFIG}`,
    details: [{ path: `polling.${key}`, message: `expected ${accepted}` }],
  });
}

function failure(error: BackendError): string {
  return error.status === undefined ? error.code : `${error.status} ${error.code}`;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) {
    return String(value);
  }
  return `a value of type ${typeof value}`;
}

function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}
