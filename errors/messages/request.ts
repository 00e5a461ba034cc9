import { BackendError, isBackendError, type ErrorCode, type ErrorDetail } from '../backend-error';
import { summarizeDetails } from '../from-zod';
import { ADVICE } from './advice';

// Errors of the request lifecycle (bridge, handler, request runner, operation follower). `name` is the
// request's name as the WUI emitted it ("deployService"); builders take plain strings so that this module
// depends on no layer above errors/.

function problems(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}

/** `VALIDATION`: the input of request `name` broke its schema; nothing was sent. */
export function invalidInput(name: string, details: readonly ErrorDetail[], requestId?: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `"${name}" was not sent: its input has ${problems(details.length)} (${summarizeDetails(details)}). ${ADVICE.VALIDATION}`,
    details,
    requestId,
  });
}

/**
 * `CANCELLED`: request `name` was aborted before it completed. When the abort `reason` is a BackendError
 * (a timeout, a stopped handler), that error is the outcome, so the caller learns the real cause.
 */
export function cancelled(name: string, requestId: string, reason?: unknown): BackendError {
  if (isBackendError(reason)) return reason.withRequestId(requestId);
  return new BackendError({
    code: 'CANCELLED',
    message: `"${name}" was cancelled by its caller before it completed. ${ADVICE.CANCELLED}`,
    requestId,
    cause: reason,
  });
}

/** `TIMEOUT`: request `name` got no outcome within the `timeoutMs` its caller allowed, and was aborted. */
export function timedOut(name: string, requestId: string, timeoutMs: number): BackendError {
  return new BackendError({
    code: 'TIMEOUT',
    message: `"${name}" got no outcome within ${timeoutMs} ms and was aborted. ${ADVICE.TIMEOUT}`,
    requestId,
  });
}

/** `CANCELLED`: the backend handler was stopped while request `name` was in flight. */
export function handlerStopped(name?: string, requestId?: string): BackendError {
  const what = name === undefined ? 'The request' : `"${name}"`;
  return new BackendError({
    code: 'CANCELLED',
    message: `${what} was cancelled because the backend handler was stopped. Start the handler again to send requests.`,
    requestId,
    retryable: false,
  });
}

/** `CONFIG`: no backend handler answers `name` on this bridge. */
export function noHandler(name: string, requestId?: string): BackendError {
  return new BackendError({
    code: 'CONFIG',
    message: `No backend handler answers "${name}": none is started on this bridge. Call handler.start() before emitting requests.`,
    requestId,
  });
}

/** `"a", "b", "c" and 4 more requests`. */
export function describeNames(names: readonly string[], noun = 'requests'): string {
  const shown = names.slice(0, 3).map((name) => `"${name}"`);
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more ${noun}` : shown.join(', ');
}

/** `CONFIG`: another backend handler already answers `names` on this bridge. */
export function alreadyClaimed(names: readonly string[]): BackendError {
  return new BackendError({
    code: 'CONFIG',
    message: `Another backend handler already answers ${describeNames(names)} on this bridge. Stop it before starting this one: two handlers would answer every request twice.`,
  });
}

/** `VALIDATION`: `requestId` is already used by a request in flight, so outcomes could not be told apart. */
export function requestIdInFlight(name: string, requestId: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `"${name}" was not sent: requestId "${requestId}" belongs to a request still in flight. Omit requestId to let the bridge generate a unique one.`,
    details: [{ path: 'meta.requestId', message: 'is already used by a request in flight' }],
    requestId,
  });
}

/**
 * `VALIDATION`: the meta (on `emit`) or options (on `request`) of `name` are malformed, e.g. a requestId
 * that is not a string. `problems` hold paths such as `options.timeoutMs`; `expected` shows the right shape.
 */
export function invalidRequestMeta(
  name: string,
  what: 'meta' | 'options',
  problems: readonly ErrorDetail[],
  expected: string,
): BackendError {
  const listed = problems.map((problem) => `${problem.path} ${problem.message}`).join('; ');
  return new BackendError({
    code: 'VALIDATION',
    message: `"${name}" was not sent: its ${what} are invalid (${listed}). Pass ${expected}.`,
    details: problems,
  });
}

/**
 * Any thrown value as the outcome of request `name`. A BackendError is kept (with `requestId`); anything
 * else is a defect in this library or in a caller's callback, reported as one instead of being lost.
 */
export function defect(name: string, requestId: string, error: unknown): BackendError {
  if (isBackendError(error)) return error.withRequestId(requestId);
  const reason = error instanceof Error ? error.message : String(error);
  return new BackendError({
    code: 'SERVER',
    message: `"${name}" failed inside aurora-backend-handler: ${reason}. This is a defect; report it with the requestId.`,
    requestId,
    retryable: false,
    cause: error,
  });
}

/** What the error of a failed operation needs of it (an `Operation`; named here so errors/ imports no model). */
export interface FailedOperation {
  id: string;
  kind: string;
  target: { type: string; id: string };
  error?: { code: ErrorCode; message: string } | undefined;
}

/** The error of a long-running Operation whose status is `failed`, with the API's reason and code. */
export function operationFailed(operation: FailedOperation, requestId: string): BackendError {
  const code = operation.error?.code ?? 'SERVER';
  const reason = operation.error?.message ?? 'the API gave no reason';
  const { kind, target } = operation;
  return new BackendError({
    code,
    message: `Operation ${operation.id} (${kind} of ${target.type} "${target.id}") failed: ${reason}. ${ADVICE[code]}`,
    requestId,
    retryable: false,
  });
}

/** `VALIDATION`: a request needs tenant `tenantId` from the handler's state, which does not hold it. */
export function tenantNotLoaded(tenantId: string, requestId?: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `Tenant "${tenantId}" is not in the loaded state, so the request cannot be checked. Emit loadUser first, or pick a tenant of the signed-in user.`,
    details: [{ path: 'tenantId', message: notLoadedDetail }],
    requestId,
  });
}

/** The detail a form gets at `tenantId` when its tenant is not in the loaded state. */
export const notLoadedDetail = 'is not a tenant of the signed-in user in the loaded state (emit loadUser first)';

/** An untyped caller emitted an outcome or handler event, which only the handler's claim emits. */
export function notARequest(name: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `"${name}" was not emitted: it is an outcome or handler event, which only the backend handler emits through its claim. Emit a request name such as "updateUser".`,
    details: [{ path: 'name', message: 'not a request name' }],
  });
}

/** `CANCELLED`: a newer request with the same latest-wins key replaced request `name` before it ended. */
export function superseded(name: string, requestId: string, byRequestId: string): BackendError {
  return new BackendError({
    code: 'CANCELLED',
    message: `"${name}" was superseded by request ${byRequestId} with the same latestWins key: only the latest one is answered. Nothing to do: its outcome is the newer request's.`,
    requestId,
    retryable: false,
    reason: 'superseded',
  });
}

/** `VALIDATION`: `latestWins` was given to a request that changes data, which must never be dropped. */
export function latestWinsOnWrite(name: string, requestId: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `"${name}" was not sent: latestWins is for reads, and "${name}" changes data (writes always run, in the order they were submitted). Remove the latestWins option.`,
    details: [{ path: 'options.latestWins', message: 'only reads may be superseded' }],
    requestId,
  });
}
