import type { ErrorCode } from '../backend-error';
import type { ErrorReason } from '../reasons';

/** What the caller can do about an error of each code: the last sentence of every message. */
export const ADVICE: Readonly<Record<ErrorCode, string>> = {
  VALIDATION: 'Correct the fields listed in details and send again.',
  UNAUTHORIZED: 'Sign in again: the access token is missing, invalid or expired.',
  FORBIDDEN: 'Your role does not allow this action; ask an owner or admin of the tenant.',
  NOT_FOUND: 'Reload the data: the item may have been deleted or the id is wrong.',
  CONFLICT: 'Reload the item and try again: it changed or conflicts with another one.',
  RATE_LIMITED: 'Wait a moment before trying again.',
  SERVER: 'Try again later; if it persists, report the requestId to the API operators.',
  NETWORK: 'Check the network connection and that apiBaseUrl points at a running Aurora API.',
  TIMEOUT: 'Try again, or raise timeoutMs if the API is slow.',
  CANCELLED: 'Nothing to do: the caller cancelled the request.',
  CONTRACT: 'The API and aurora-backend-handler disagree on the contract: use versions that match.',
  CONFIG: 'Fix the setting and restart.',
};

/** Advice for a cause the API names in an error body's `reason`; it replaces the code's general advice. */
export const REASON_ADVICE: Readonly<Record<ErrorReason, string>> = {
  invalid_credentials: 'The email or password is wrong: check both and sign in again.',
  missing_token: 'Sign in first: the request carried no access token.',
  session_expired: 'The session or API token has expired: sign in again, or create a new API token.',
  token_revoked: 'The access token is no longer valid (revoked or unknown): sign in again.',
  name_taken: 'Choose another name (or email): this one is already taken.',
  has_dependants: 'Remove what it still contains first (named above), then try again.',
  in_use: 'Remove it from the items that use it first (named above), then try again.',
  operation_in_progress: 'Wait until the operation in progress finishes, then try again.',
  invalid_state: 'Reload the item: its current state does not allow this action.',
  owner_required: 'The owner stays: delete the whole organization or tenant instead.',
  already_member: 'Nothing to add: they are already a member.',
  deprecated: 'Choose another item: this one is deprecated.',
  refresh_token_reused:
    'The session was ended because its refresh token was used twice (possibly stolen): sign in again.',
  idempotency_key_reused: 'Send a new Idempotency-Key for a new request: this key belongs to a different one.',
  idempotency_key_in_flight: 'Wait until the first request with this Idempotency-Key has answered, then retry.',
};

/** The advice for an error: the one of its `reason` when the API named a known one, else the code's. */
export function adviceFor(code: ErrorCode, reason?: string): string {
  if (reason !== undefined && Object.hasOwn(REASON_ADVICE, reason)) return REASON_ADVICE[reason as ErrorReason];
  return ADVICE[code];
}
