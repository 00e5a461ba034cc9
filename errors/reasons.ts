/**
 * Machine-readable causes an error body may name in `reason`, so that the advice fits the cause: a wrong
 * password is not an expired session, and a name that is taken is not a tenant that still runs services.
 */
export const ERROR_REASONS = [
  /** 401 at sign-in: the email or the password is wrong. */
  'invalid_credentials',
  /** 401: the request carried no access token. */
  'missing_token',
  /** 401: the session or the API token has expired. */
  'session_expired',
  /** 401: the access token is unknown or was revoked. */
  'token_revoked',
  /** 409: another item already has this name (or email). */
  'name_taken',
  /** 409: the item still contains others (a tenant its services, an account its environments, ...). */
  'has_dependants',
  /** 409: other items use this one (a resource attached to services). */
  'in_use',
  /** 409: an operation is already in progress on the target. */
  'operation_in_progress',
  /** 409: the target is not in a state that allows the action (no running revision, already current). */
  'invalid_state',
  /** 409: the owner cannot be removed or demoted; the whole organization or tenant can be deleted instead. */
  'owner_required',
  /** 409: the person is already a member. */
  'already_member',
  /** 409: the marketplace item can no longer be deployed. */
  'deprecated',
  /** 401: a refresh token was presented a second time; the whole session family is revoked. */
  'refresh_token_reused',
  /** 422: the Idempotency-Key was already used for another request (another method, path or body). */
  'idempotency_key_reused',
  /** 409: the first request with this Idempotency-Key is still running. */
  'idempotency_key_in_flight',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];
