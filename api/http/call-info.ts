import type { BackendError } from '../../errors/backend-error';
import type { Logger } from '../../log/logger';

/**
 * Facts about one HTTP attempt, for devtools and metrics. Never holds headers or bodies. A call that is
 * retried is reported once per attempt; identical reads that shared one call are reported once, with the
 * `requestId` of the request that started it.
 */
export interface HttpCallInfo {
  requestId: string;
  method: string;
  path: string;
  status: number | undefined;
  durationMs: number;
  errorCode: BackendError['code'] | undefined;
  /** Which attempt of the call this was, from 1; a replay after a session refresh counts as an attempt too. */
  attempt: number;
  /** Present when the transport retries: the backoff (ms) before the next attempt. */
  retryInMs?: number | undefined;
}

/**
 * Reports attempts to the logger (at `debug` only: the line is not even built otherwise) and `onCall`; a
 * throwing `onCall` never changes the call it observes.
 */
export function createCallReporter(logger: Logger, onCall: ((info: HttpCallInfo) => void) | undefined, debug: boolean) {
  return function report(info: HttpCallInfo): void {
    if (debug) {
      logger.debug(`${info.method} ${info.path} -> ${info.status ?? info.errorCode ?? '?'} in ${info.durationMs} ms`, {
        requestId: info.requestId,
      });
    }
    if (onCall === undefined) return;
    try {
      onCall(info);
    } catch (error) {
      logger.warn(`onHttpCall threw: ${error instanceof Error ? error.message : String(error)}`, {
        requestId: info.requestId,
      });
    }
  };
}
