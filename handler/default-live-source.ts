import { createEventStream } from '../api/stream/event-stream';
import type { LiveSource } from '../api/stream/live-source';
import { defaultLockManager } from '../api/stream/lock-manager';
import { createSharedSource, sharedSourceName } from '../api/stream/shared-source';
import { defaultTabChannel } from '../api/stream/tab-channel';
import type { LiveSourceContext } from './live-options';

/**
 * The live source of a handler whose `stream` option names none: one `GET /events` stream per user shared by
 * every tab of the origin (Web Locks and BroadcastChannel), or this tab's own where those are missing. The
 * stream authenticates with the handler's tokens; its renewals go through the handler's single-flight refresh
 * under the stream's own request id, so a renewal that fails ends the session once, like any call's.
 */
export function defaultLiveSource(context: LiveSourceContext): LiveSource {
  const { environment, session, requestId, logger, options, userId } = context;
  // A leader tab that paused while hidden would starve the visible tabs it serves: shared streams never pause.
  const shared = defaultLockManager() !== undefined && defaultTabChannel() !== undefined;
  const pauseWhenHiddenMs = shared ? false : options.pauseWhenHiddenMs;
  const own = (lastEventId: string | undefined): LiveSource =>
    createEventStream({
      ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
      ...(options.heartbeatTimeoutMs === undefined ? {} : { heartbeatTimeoutMs: options.heartbeatTimeoutMs }),
      ...(pauseWhenHiddenMs === undefined ? {} : { pauseWhenHiddenMs }),
      environment,
      logger,
      lastEventId,
      session: {
        getAccessToken: session.getAccessToken,
        refresh: (rejectedToken) => session.refresh(rejectedToken, requestId),
      },
    });
  return createSharedSource({ name: sharedSourceName(environment.apiBaseUrl, userId), createOwn: own });
}
