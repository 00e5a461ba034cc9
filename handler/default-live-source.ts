import { createEventStream } from '../api/stream/event-stream';
import type { LiveSource } from '../api/stream/live-source';
import type { LiveSourceContext } from './live-options';

/**
 * The live source of a handler whose `stream` option names none: its own `GET /events` stream, authenticated
 * with the handler's tokens. Its renewals go through the handler's single-flight refresh under the stream's
 * own request id, so a renewal that fails ends the session once, like any call's.
 */
export function defaultLiveSource(context: LiveSourceContext, lastEventId?: string): LiveSource {
  const { environment, session, requestId, logger, options } = context;
  return createEventStream({
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.heartbeatTimeoutMs === undefined ? {} : { heartbeatTimeoutMs: options.heartbeatTimeoutMs }),
    ...(options.pauseWhenHiddenMs === undefined ? {} : { pauseWhenHiddenMs: options.pauseWhenHiddenMs }),
    environment,
    logger,
    lastEventId,
    session: {
      getAccessToken: session.getAccessToken,
      refresh: (rejectedToken) => session.refresh(rejectedToken, requestId),
    },
  });
}
