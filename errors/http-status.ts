import type { ErrorCode } from './backend-error';

/** The error code an HTTP error status stands for. Statuses not listed mean the two sides disagree: `CONTRACT`. */
export function codeForStatus(status: number): ErrorCode {
  if (status >= 500) return 'SERVER';
  switch (status) {
    case 400:
    case 413:
    case 414:
    case 415:
    case 422:
      return 'VALIDATION';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
    case 410:
      return 'NOT_FOUND';
    case 409:
    case 412:
      return 'CONFLICT';
    case 408:
      return 'TIMEOUT';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'CONTRACT';
  }
}

/** The HTTP status a server answers with for an error code (used by the reference API). */
export const STATUS_FOR_CODE: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVER: 500,
  NETWORK: 502,
  TIMEOUT: 504,
  CANCELLED: 499,
  CONTRACT: 500,
  CONFIG: 500,
};

// The advice per code is message text, built with every other message in errors/messages.
export { ADVICE } from './messages/advice';
