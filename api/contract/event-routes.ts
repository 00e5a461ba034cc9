import { defineRoute } from './define-route';
import { LiveEventSchema } from './live-events';

/** The request header that resumes a stream after the last event received (SSE's own name). */
export const LAST_EVENT_ID_HEADER = 'Last-Event-ID';

export const eventRoutes = {
  streamEvents: defineRoute({
    id: 'streamEvents',
    method: 'GET',
    path: '/events',
    summary:
      'Stream every change the signed-in user may see, as server-sent events (`text/event-stream`); `Last-Event-ID` resumes after an event, or answers `stream.reset` when it left the replay buffer. Comment lines are heartbeats.',
    response: LiveEventSchema,
    responseType: 'event-stream',
    successStatus: 200,
  }),
} as const;
