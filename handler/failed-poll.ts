import { isBackendError, type BackendError, type ErrorCode } from '../errors/backend-error';
import { defect, operationLost, operationUnfollowable } from '../errors/messages';
import type { Operation } from '../interfaces/operation-interface';
import type { ResolvedPolling } from './poll-schedule';

/** Failed polls with these codes end the follow: trying again cannot succeed. Every other failure is retried. */
const UNFOLLOWABLE: ReadonlySet<ErrorCode> = new Set([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFIG',
]);

/** What a failed poll means: the follow ends (with `end`) or goes on, and whether every poll must wait. */
export interface FailedPollVerdict {
  /** The error the follow ends with; undefined when the operation is polled again. */
  end?: BackendError;
  /** No poll may leave before this many ms (the API's `Retry-After`, capped), when it asked for a wait. */
  holdMs?: number;
}

/** The follow of an operation whose poll failed, as of `at`. */
export interface FailedPoll {
  operation: Operation;
  requestId: string;
  /** When a poll of it last succeeded (or it was followed), in ms. */
  lastSuccessAt: number;
  at: number;
}

/**
 * Judges a failed poll: transient failures (network, timeouts, 5xx, malformed answers) are retried until no poll
 * succeeded for `giveUpAfterMs`; 401, 403, 404 and the like end the follow at once (404: the operation is lost).
 */
export function judgeFailedPoll(error: unknown, poll: FailedPoll, polling: ResolvedPolling): FailedPollVerdict {
  const { operation, requestId } = poll;
  if (!isBackendError(error)) return { end: defect(operation.kind, requestId, error) };
  if (UNFOLLOWABLE.has(error.code)) {
    return { end: error.code === 'NOT_FOUND' ? operationLost(operation, requestId) : error.withRequestId(requestId) };
  }
  // A rate limit applies to the client: it holds the other operations' polls back even when this follow ends.
  const hold =
    error.retryAfterMs === undefined ? {} : { holdMs: Math.min(error.retryAfterMs, polling.maxRetryAfterMs) };
  if (poll.at - poll.lastSuccessAt >= polling.giveUpAfterMs) {
    return { ...hold, end: operationUnfollowable(operation, requestId, polling.giveUpAfterMs, error) };
  }
  return hold;
}
