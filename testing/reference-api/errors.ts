import type { ErrorCode, ErrorDetail } from '../../errors/backend-error';
import { STATUS_FOR_CODE } from '../../errors/http-status';

/** A failure a domain handler reports; the app turns it into an ErrorBody with the code's HTTP status. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: readonly ErrorDetail[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return STATUS_FOR_CODE[this.code];
  }
}

/** 400: the request is well-formed JSON but breaks a rule; `path` names the offending field. */
export function invalid(path: string, detail: string, message = 'The request is invalid'): ApiError {
  return new ApiError('VALIDATION', message, [{ path, message: detail }]);
}

/** 401: no usable credentials. */
export function unauthorized(message: string): ApiError {
  return new ApiError('UNAUTHORIZED', message);
}

/** 403: the caller's role does not allow the action. */
export function forbidden(message: string): ApiError {
  return new ApiError('FORBIDDEN', message);
}

/** 404: nothing with that id that the caller may see. */
export function notFound(what: string): ApiError {
  return new ApiError('NOT_FOUND', `${what} not found`);
}

/** 409: the request conflicts with the current state (duplicate name, still in use, busy). */
export function conflict(message: string): ApiError {
  return new ApiError('CONFLICT', message);
}
