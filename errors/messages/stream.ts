import { BackendError, type ErrorDetail } from '../backend-error';
import { codeForStatus } from '../http-status';
import { redact } from '../redact';
import { ERROR_REASONS, type ErrorReason } from '../reasons';
import { ADVICE, adviceFor } from './advice';
import { retryAfterMs, type ErrorResponse, type HttpCall } from './http';

// Errors of the live stream (`GET /events`). The stream reconnects by itself after most of them, so each
// message says whether it does, and what is left to do when it does not.

const STREAM = 'The live stream (GET /events)';
const RECONNECTS = 'It reconnects by itself with backoff and resumes after the last event received.';

const where = (call: HttpCall) => ({ method: call.method, path: call.path, requestId: call.requestId });

function knownReason(reason: string | undefined): ErrorReason | undefined {
  return reason !== undefined && (ERROR_REASONS as readonly string[]).includes(reason)
    ? (reason as ErrorReason)
    : undefined;
}

/**
 * The error of an answer other than `200 text/event-stream`: `outcome` says whether the stream reconnects
 * (5xx, 429, 404, a redirect, which is never followed: status 0 is a browser's opaque redirect) or stays
 * closed (403). The API's message is kept,
 * redacted of the call's secrets (the access token).
 */
export function streamRefused(call: HttpCall, response: ErrorResponse, outcome: 'reconnects' | 'closed'): BackendError {
  const { status } = response;
  const code = codeForStatus(status);
  const why =
    response.message === undefined
      ? status === 0 || (status >= 300 && status < 400)
        ? 'the API answered with a redirect, which is never followed (only apiBaseUrl is contacted)'
        : `status ${status}`
      : redact(response.message, call.secrets).replace(/[.\s]+$/, '');
  const then =
    outcome === 'reconnects'
      ? `${RECONNECTS} If this persists, check that apiBaseUrl points at an Aurora API that serves the stream.`
      : `${adviceFor(code, response.reason)} The stream stays closed until it is opened again.`;
  return new BackendError({
    code,
    message: `${STREAM} failed with ${status === 0 ? 'a redirect' : status}: ${why}. ${then}`,
    status: status === 0 ? undefined : status,
    retryable: outcome === 'reconnects',
    retryAfterMs: retryAfterMs(response.retryAfter),
    reason: knownReason(response.reason),
    ...where(call),
  });
}

/**
 * `UNAUTHORIZED`: the API refused the access token (401) and the session could not be renewed (or there is
 * no way to renew it). The stream stays closed: the session is over.
 */
export function streamSessionEnded(call: HttpCall, refreshed: boolean): BackendError {
  const why = refreshed
    ? 'the API refused the access token (401) and the session could not be renewed'
    : 'the API refused the access token (401) and there is no way to renew the session';
  return new BackendError({
    code: 'UNAUTHORIZED',
    message: `${STREAM} is closed: ${why}. Sign in again; the stream opens again with the new session.`,
    status: 401,
    retryable: false,
    ...where(call),
  });
}

/**
 * `NETWORK`: the stream could not be opened, or its connection failed while reading. `reason` is what the
 * platform said (such as ECONNREFUSED or "fetch failed"), redacted of the call's secrets.
 */
export function streamUnreachable(call: HttpCall, reason: string): BackendError {
  return new BackendError({
    code: 'NETWORK',
    message: `${STREAM} could not reach ${call.apiBaseUrl} (${redact(reason, call.secrets)}). ${RECONNECTS} ${ADVICE.NETWORK}`,
    ...where(call),
  });
}

/** `NETWORK`: the API (or a proxy, or the network) ended the stream's response. */
export function streamEnded(call: HttpCall): BackendError {
  return new BackendError({
    code: 'NETWORK',
    message: `${STREAM} was ended by the API or the network. ${RECONNECTS}`,
    ...where(call),
  });
}

/** `TIMEOUT`: nothing (no event, no heartbeat) arrived for `silentMs`, so the connection is taken for dead. */
export function streamSilent(call: HttpCall, silentMs: number): BackendError {
  return new BackendError({
    code: 'TIMEOUT',
    message: `${STREAM} received nothing, not even a heartbeat, for ${silentMs} ms, so its connection is taken for dead. ${RECONNECTS} If this repeats, a proxy may be buffering the stream, or the API sends heartbeats less often than stream.heartbeatTimeoutMs.`,
    ...where(call),
  });
}

/** `CONTRACT`: the API answered 200, but not with `text/event-stream` (`contentType` as it said). */
export function streamNotEventStream(call: HttpCall, contentType: string | null): BackendError {
  const shown = contentType === null ? 'no content type' : JSON.stringify(contentType.slice(0, 100));
  return new BackendError({
    code: 'CONTRACT',
    message: `${STREAM} answered 200 with ${shown} instead of text/event-stream. ${RECONNECTS} ${ADVICE.CONTRACT}`,
    status: 200,
    retryable: true,
    ...where(call),
  });
}

/** `CONTRACT`: one event was larger than the stream accepts (`maxChars`); the connection is dropped. */
export function streamEventTooLarge(call: HttpCall, maxChars: number): BackendError {
  return new BackendError({
    code: 'CONTRACT',
    message: `${STREAM} sent an event longer than ${maxChars} characters, which is not read. ${RECONNECTS} ${ADVICE.CONTRACT}`,
    retryable: true,
    ...where(call),
  });
}

/** What a skipped event was: its id and type as the API sent them (never its data). */
export interface SkippedEvent {
  id: string | undefined;
  type: string | undefined;
}

/**
 * `CONTRACT`: a pushed event breaks the contract (unknown type, data that is not JSON or breaks its schema);
 * it is skipped and the stream goes on. `details` name where, never the values.
 */
export function streamEventInvalid(call: HttpCall, event: SkippedEvent, details: readonly ErrorDetail[]): BackendError {
  const shown = (value: string | undefined) => (value === undefined ? 'none' : JSON.stringify(value.slice(0, 64)));
  const paths = details.map((detail) => detail.path || '(event)');
  const at = paths.length === 0 ? '' : ` at ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}`;
  return new BackendError({
    code: 'CONTRACT',
    message: `${STREAM} pushed an event (id ${shown(event.id)}, type ${shown(event.type)}) that breaks the contract${at}; it was skipped and the stream goes on. ${ADVICE.CONTRACT}`,
    details: paths.map((path) => ({ path, message: 'breaks the contract' })),
    retryable: false,
    ...where(call),
  });
}

/** `CONFIG`: an option of the stream is invalid; names it, what was given and what is accepted. */
export function invalidStreamOption(key: string, given: unknown, accepted: string): BackendError {
  return new BackendError({
    code: 'CONFIG',
    message: `Invalid option stream.${key}: got ${shown(given)}. Expected ${accepted}. ${ADVICE.CONFIG}`,
    details: [{ path: `stream.${key}`, message: `expected ${accepted}` }],
  });
}

/** `CONFIG`: `apiBaseUrl` is relative and there is no page location to resolve it against (Node). */
export function streamUrlUnresolvable(apiBaseUrl: string): BackendError {
  return new BackendError({
    code: 'CONFIG',
    message: `The live stream cannot be opened: apiBaseUrl ${JSON.stringify(apiBaseUrl.slice(0, 200))} is not an absolute http(s) URL and there is no page location to resolve it against. Give an absolute URL such as https://api.example.com/api.`,
    details: [{ path: 'apiBaseUrl', message: 'expected an absolute http(s) URL' }],
  });
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100));
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) {
    return String(value);
  }
  return `a value of type ${typeof value}`;
}
