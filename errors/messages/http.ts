import { BackendError, type ErrorDetail } from '../backend-error';
import { summarizeDetails } from '../from-zod';
import { codeForStatus } from '../http-status';
import { redact } from '../redact';
import { ERROR_REASONS, type ErrorReason } from '../reasons';
import { ADVICE, adviceFor } from './advice';

/** Which HTTP call failed: enough to say so in an error, never headers or bodies. */
export interface HttpCall {
  method: string;
  /** The API path, relative to the base URL, without query string. */
  path: string;
  requestId: string;
  apiBaseUrl: string;
  timeoutMs: number;
  /** Values that must not appear in an error even if the server echoes them, such as the access token. */
  secrets: readonly string[];
}

/** What an error response said, as far as it followed the error body contract. */
export interface ErrorResponse {
  status: number;
  message?: string | undefined;
  details?: readonly ErrorDetail[] | undefined;
  reason?: string | undefined;
  retryAfter?: string | undefined;
}

const where = (call: HttpCall) => ({ method: call.method, path: call.path, requestId: call.requestId });
const describe = (call: HttpCall) => `${call.method} ${call.path}`;

/** `VALIDATION`: the call was not sent because its params, query or body broke the route's schema. */
export function callNotSent(call: HttpCall, part: string, details: readonly ErrorDetail[]): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `${describe(call)} was not sent: its ${part} is invalid (${summarizeDetails(details)}). ${ADVICE.VALIDATION}`,
    details,
    ...where(call),
  });
}

/** `VALIDATION`: a path parameter could leave its segment (or is empty), so no URL was built from it. */
export function invalidPathParameter(name: string, problem: string): BackendError {
  return new BackendError({
    code: 'VALIDATION',
    message: `Invalid path parameter "${name}": it ${problem}. Pass the id exactly as the API returned it.`,
    details: [{ path: name, message: problem }],
  });
}

/** The session callbacks the transport calls: reading the access token, and refreshing the session after a 401. */
export type SessionCallback = 'getAccessToken' | 'refresh';

/**
 * `UNAUTHORIZED`: a session callback threw. Its error may hold a token, so neither the message nor the cause
 * carries its text unredacted: `secrets` (the tokens the provider returned lately) and credential-shaped text are
 * removed, and the cause is a new Error with the redacted name and message, never the thrown object.
 */
export function tokenProviderFailed(
  call: HttpCall,
  error: unknown,
  secrets: readonly string[] = [],
  callback: SessionCallback = 'getAccessToken',
): BackendError {
  const cause = redactedCopy(error, [...secrets, ...call.secrets]);
  const what =
    callback === 'getAccessToken'
      ? `was not sent: auth.getAccessToken failed (${cause.message})`
      : `was refused (401) and refreshing the session failed (${cause.message})`;
  return new BackendError({
    code: 'UNAUTHORIZED',
    message: `${describe(call)} ${what}. Check the token provider given to the handler, or sign in again.`,
    cause,
    ...where(call),
  });
}

function redactedCopy(error: unknown, secrets: readonly string[]): Error {
  const copy = new Error(redact(error instanceof Error ? error.message : String(error), secrets));
  if (error instanceof Error) copy.name = redact(error.name, secrets);
  return copy;
}

/**
 * `CONTRACT`: a success answer the route does not allow, a body that breaks the route's response schema
 * (`details` hold where), or a binary route that got no bytes.
 */
export function contractViolation(
  call: HttpCall,
  status: number,
  expectedStatus: number,
  details?: readonly ErrorDetail[],
): BackendError {
  const what =
    details === undefined
      ? `the contract expects status ${expectedStatus}`
      : `its body breaks the contract (${summarizeDetails(details)})`;
  return new BackendError({
    code: 'CONTRACT',
    message: `${describe(call)} answered ${status} but ${what}. ${ADVICE.CONTRACT}`,
    status,
    details: details ?? [],
    ...where(call),
  });
}

/**
 * The error for a response whose status is not the route's success status: the API's own message and
 * details, and the advice for the `reason` it names (a wrong password, a taken name) or else for the code.
 */
export function failedResponse(call: HttpCall, response: ErrorResponse): BackendError {
  const { status } = response;
  const code = codeForStatus(status);
  const details = (response.details ?? []).map((detail) => ({
    path: detail.path,
    message: redact(detail.message, call.secrets),
  }));
  const why =
    response.message === undefined
      ? status >= 300 && status < 400
        ? 'the API answered with a redirect, which is never followed'
        : `status ${status}`
      : redact(response.message, call.secrets).replace(/[.\s]+$/, '');
  const waitMs = retryAfterMs(response.retryAfter);
  const wait = code === 'RATE_LIMITED' && waitMs !== undefined ? ` (Retry-After: ${Math.ceil(waitMs / 1000)}s)` : '';
  const listed = details.length > 0 ? ` (${summarizeDetails(details)})` : '';
  return new BackendError({
    code,
    message: `${describe(call)} failed with ${status}: ${why}${listed}. ${adviceFor(code, response.reason)}${wait}`,
    status,
    details,
    retryable: code === 'SERVER' ? status !== 501 : undefined,
    retryAfterMs: waitMs,
    reason: knownReason(response.reason),
    ...where(call),
  });
}

function knownReason(reason: string | undefined): ErrorReason | undefined {
  return reason !== undefined && (ERROR_REASONS as readonly string[]).includes(reason)
    ? (reason as ErrorReason)
    : undefined;
}

/** `Retry-After` in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); `undefined` when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `CANCELLED`: the call was aborted by its request's signal before an answer arrived. */
export function callCancelled(call: HttpCall): BackendError {
  return new BackendError({
    code: 'CANCELLED',
    message: `${describe(call)} was cancelled before it completed. ${ADVICE.CANCELLED}`,
    ...where(call),
  });
}

/** `TIMEOUT`: the API gave no answer within the configured `timeoutMs`. */
export function callTimedOut(call: HttpCall, cause?: Error): BackendError {
  return new BackendError({
    code: 'TIMEOUT',
    message: `${describe(call)} got no answer within ${call.timeoutMs} ms. ${ADVICE.TIMEOUT}`,
    cause,
    ...where(call),
  });
}

/** `NETWORK`: the API could not be reached (`reason` is the system's code, such as ECONNREFUSED). */
export function unreachable(call: HttpCall, reason: string, cause?: unknown): BackendError {
  return new BackendError({
    code: 'NETWORK',
    message: `${describe(call)} could not reach ${call.apiBaseUrl} (${reason}). ${ADVICE.NETWORK}`,
    cause,
    ...where(call),
  });
}

/** `NETWORK`: the call failed before any response, for a reason other than the network itself. */
export function failedBeforeResponse(call: HttpCall, error: unknown): BackendError {
  return new BackendError({
    code: 'NETWORK',
    message: `${describe(call)} failed before a response arrived: ${String(error)}. ${ADVICE.NETWORK}`,
    cause: error,
    ...where(call),
  });
}
