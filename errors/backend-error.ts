import { redact } from './redact';
import type { ErrorReason } from './reasons';

/** Every failure the library reports carries one of these stable codes. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVER',
  'NETWORK',
  'TIMEOUT',
  'CANCELLED',
  'CONTRACT',
  'CONFIG',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem found in an input or a response: where (`path`, dotted) and what. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** Structured fields of a {@link BackendError}; all but `code` and `message` are optional. */
export interface BackendErrorInit {
  code: ErrorCode;
  message: string;
  /** HTTP status of the response that failed, when there was one. */
  status?: number | undefined;
  /** HTTP method of the call that failed. */
  method?: string | undefined;
  /** API path of the call that failed (relative to the API base URL, no query string). */
  path?: string | undefined;
  /** Per-field problems, for `VALIDATION` and `CONTRACT` errors. */
  details?: readonly ErrorDetail[] | undefined;
  /** The request id that correlates the WUI request, the HTTP call and the outcome event. */
  requestId?: string | undefined;
  /** Whether the same call may succeed if tried again later. Defaults from `code`. */
  retryable?: boolean | undefined;
  /** How long the API asked the client to wait before trying again (its `Retry-After`), in ms. */
  retryAfterMs?: number | undefined;
  /** Machine-readable cause: the API's `reason` (an {@link ErrorReason}), or `'superseded'` for a latest-wins request. */
  reason?: ErrorReason | 'superseded' | undefined;
  cause?: unknown;
}

/** Codes whose errors are `retryable` unless the error says otherwise. */
export const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set(['RATE_LIMITED', 'SERVER', 'NETWORK', 'TIMEOUT']);

/**
 * The one error type the library emits and rejects with. Switch on `code`, which is stable across versions;
 * `message` is for people. `toJSON()` is safe to log: it never includes tokens, secrets or the `cause` object.
 */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly details: readonly ErrorDetail[];
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  /** How long the API asked the client to wait before trying again (`Retry-After`), in ms; absent when it did not say. */
  readonly retryAfterMs: number | undefined;
  /**
   * Machine-readable cause, when known: the API's error `reason` (`'invalid_credentials'`, `'name_taken'`, ...),
   * or `'superseded'` for a latest-wins request that a newer one replaced.
   */
  readonly reason: ErrorReason | 'superseded' | undefined;

  constructor(init: BackendErrorInit) {
    super(redact(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.details = (init.details ?? []).map((detail) => ({ path: detail.path, message: redact(detail.message) }));
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT.has(init.code);
    this.retryAfterMs = init.retryAfterMs;
    this.reason = init.reason;
  }

  /** A copy of this error that names the request it belongs to. */
  withRequestId(requestId: string): BackendError {
    if (this.requestId === requestId) return this;
    return new BackendError({ ...this.toInit(), requestId });
  }

  /** A plain, log-safe object: the structured fields only, no `cause`, no stack. */
  toJSON(): BackendErrorJSON {
    const json: BackendErrorJSON = {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      details: this.details.map((detail) => ({ ...detail })),
    };
    if (this.status !== undefined) json.status = this.status;
    if (this.method !== undefined) json.method = this.method;
    if (this.path !== undefined) json.path = this.path;
    if (this.requestId !== undefined) json.requestId = this.requestId;
    if (this.retryAfterMs !== undefined) json.retryAfterMs = this.retryAfterMs;
    if (this.reason !== undefined) json.reason = this.reason;
    return json;
  }

  private toInit(): BackendErrorInit {
    const { code, message, status, method, path, details, requestId, retryable, retryAfterMs, reason, cause } = this;
    return { code, message, status, method, path, details, requestId, retryable, retryAfterMs, reason, cause };
  }
}

/** What {@link BackendError.toJSON} returns. */
export interface BackendErrorJSON {
  name: 'BackendError';
  code: ErrorCode;
  message: string;
  retryable: boolean;
  details: ErrorDetail[];
  status?: number;
  method?: string;
  path?: string;
  requestId?: string;
  retryAfterMs?: number;
  reason?: ErrorReason | 'superseded';
}

/**
 * True for a {@link BackendError}, also one created by another copy of this library (bundled twice, or
 * across realms), which `instanceof` would miss.
 */
export function isBackendError(value: unknown): value is BackendError {
  if (value instanceof BackendError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'BackendError' &&
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}
