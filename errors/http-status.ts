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

/** What the caller can do about an error of each code: the last sentence of every message. */
export const ADVICE: Readonly<Record<ErrorCode, string>> = {
  VALIDATION: 'Correct the fields listed in details and send again.',
  UNAUTHORIZED: 'Sign in again: the access token is missing, invalid or expired.',
  FORBIDDEN: 'Your role does not allow this action; ask an owner or admin of the tenant.',
  NOT_FOUND: 'Reload the data: the item may have been deleted or the id is wrong.',
  CONFLICT: 'Choose another name, or reload the item and try again.',
  RATE_LIMITED: 'Wait a moment before trying again.',
  SERVER: 'Try again later; if it persists, report the requestId to the API operators.',
  NETWORK: 'Check the network connection and that apiBaseUrl points at a running Aurora API.',
  TIMEOUT: 'Try again, or raise timeoutMs if the API is slow.',
  CANCELLED: 'Nothing to do: the caller cancelled the request.',
  CONTRACT: 'The API and aurora-backend-handler disagree on the contract: use versions that match.',
  CONFIG: 'Fix the setting and restart.',
};
