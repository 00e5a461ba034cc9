import type { ErrorBody } from '../../api/contract/error-body';
import type { ErrorCode, ErrorDetail } from '../../errors/backend-error';
import { STATUS_FOR_CODE } from '../../errors/http-status';
import type { ErrorReason } from '../../errors/reasons';

/** A failure a domain handler reports; the app turns it into an ErrorBody with the code's HTTP status. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[] | undefined;
  /** The machine-readable cause the error body names, so that clients advise on it. */
  readonly reason: ErrorReason | undefined;
  /** The HTTP status: the code's, unless a rule names another one of the same code (422 for VALIDATION). */
  readonly status: number;

  constructor(
    code: ErrorCode,
    message: string,
    details?: readonly ErrorDetail[],
    reason?: ErrorReason,
    status: number = STATUS_FOR_CODE[code],
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
    this.reason = reason;
    this.status = status;
  }
}

/** 400: the request is well-formed JSON but breaks a rule; `path` names the offending field. */
export function invalid(path: string, detail: string, message = 'The request is invalid'): ApiError {
  return new ApiError('VALIDATION', message, [{ path, message: detail }]);
}

/** 401: no usable credentials; `reason` tells a wrong password from an expired or missing session. */
export function unauthorized(message: string, reason: ErrorReason): ApiError {
  return new ApiError('UNAUTHORIZED', message, undefined, reason);
}

/** 403: the caller's role does not allow the action. */
export function forbidden(message: string): ApiError {
  return new ApiError('FORBIDDEN', message);
}

/** 404: nothing with that id that the caller may see. */
export function notFound(what: string): ApiError {
  return new ApiError('NOT_FOUND', `${what} not found`);
}

/** 409: the request conflicts with the current state; `reason` says how (a taken name, dependants, busy). */
export function conflict(message: string, reason: ErrorReason): ApiError {
  return new ApiError('CONFLICT', message, undefined, reason);
}

/**
 * The ErrorBody the API answers `error` with, within the limits of ErrorBodySchema so that clients always
 * accept it, and naming its `reason` so that clients advise on the cause.
 */
export function errorBody(error: ApiError, requestId: string): ErrorBody {
  const details = error.details?.slice(0, 200).map((detail) => ({
    path: detail.path.slice(0, 500),
    message: detail.message.slice(0, 1000),
  }));
  return {
    code: error.code,
    message: error.message.slice(0, 2000),
    ...(details === undefined ? {} : { details }),
    requestId,
    ...(error.reason === undefined ? {} : { reason: error.reason }),
  };
}
