// TEMPORARY (lead): replaced at merge by the messages module of the errors work; same signatures.
import { BackendError, isBackendError, type ErrorDetail } from './backend-error';
import { summarizeDetails } from './from-zod';
import type { Operation } from '../interfaces/operation-interface';
import { ADVICE } from './http-status';

export function invalidInput(name: string, details: readonly ErrorDetail[], requestId?: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `"${name}" was not sent: its input is invalid (${summarizeDetails(details)}). ${ADVICE.VALIDATION}`,
    details,
    requestId,
  });
}

export function cancelled(name: string, requestId: string, reason: unknown): BackendError {
  if (isBackendError(reason)) return reason.withRequestId(requestId);
  return new BackendError({
    code: 'CANCELLED',
    message: `"${name}" was cancelled by its caller's AbortSignal. ${ADVICE.CANCELLED}`,
    requestId,
    cause: reason,
  });
}

export function timedOut(name: string, requestId: string, timeoutMs: number): BackendError {
  return new BackendError({
    code: 'TIMEOUT',
    message: `"${name}" got no outcome within ${timeoutMs} ms and was aborted. ${ADVICE.TIMEOUT}`,
    requestId,
  });
}

export function handlerStopped(name: string, requestId: string): BackendError {
  return new BackendError({
    code: 'CANCELLED',
    message: `"${name}" was cancelled: the backend handler was stopped. ${ADVICE.CANCELLED}`,
    requestId,
  });
}

export function noHandler(name: string, requestId: string): BackendError {
  return new BackendError({
    code: 'CONFIG',
    message: `No backend handler answers "${name}": none is started on this bridge. Call handler.start() before emitting requests.`,
    requestId,
  });
}

export function alreadyClaimed(names: readonly string[]): BackendError {
  const shown = names.slice(0, 3).map((name) => `"${name}"`);
  const listed = names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more requests` : shown.join(', ');
  return new BackendError({
    code: 'CONFIG',
    message: `Another backend handler already answers ${listed} on this bridge. Stop it before starting this one: two handlers would answer every request twice.`,
  });
}

export function requestIdInFlight(name: string, requestId: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `"${name}" was not sent: requestId "${requestId}" belongs to a request still in flight. Omit requestId to let the bridge generate a unique one.`,
    details: [{ path: 'meta.requestId', message: 'already in flight' }],
    requestId,
  });
}

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

export function operationFailed(operation: Operation, requestId: string): BackendError {
  const reason = operation.error?.message ?? 'the API gave no reason';
  return new BackendError({
    code: operation.error?.code ?? 'SERVER',
    message: `${operation.kind} of ${operation.target.type} "${operation.target.id}" failed: ${reason}`,
    requestId,
    retryable: false,
  });
}
export function notARequest(name: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `"${name}" was not emitted: it is an outcome or handler event, which only the backend handler emits through its claim. Emit a request name such as "updateUser".`,
    details: [{ path: 'name', message: 'not a request name' }],
  });
}
