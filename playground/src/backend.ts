import {
  createBackendHandler,
  createWUIBridge,
  EventNames,
  type BackendHandler,
  type RequestName,
  type RequestOptions,
  type WUIBridge,
} from 'aurora-backend-handler';
import { LiveLog } from './live-log';
import { TimelineModel } from './timeline-model';

/** The library, wired like a WUI would: one bridge, one handler on the page's own API, and the devtools. */
export interface Backend {
  bridge: WUIBridge;
  handler: BackendHandler;
  timeline: TimelineModel;
  /** What the live stream pushed, its status changes and notifications: the timeline's "Pushed" lane. */
  live: LiveLog;
  apiBaseUrl: string;
  /** `bridge.request` for an operation chosen at run time, with an input built from a form. */
  send(operation: RequestName, input: unknown, options?: RequestOptions): Promise<unknown>;
}

/**
 * `liveCapacity`: how many entries the "Pushed" lane keeps (`?live-capacity=` in the page's URL);
 * `timelineCapacity`: how many the timeline keeps (`?timeline-capacity=`).
 */
export function createBackend(
  apiBaseUrl = new URL('/api', window.location.origin).href,
  liveCapacity?: number,
  timelineCapacity?: number,
): Backend {
  const timeline = new TimelineModel(timelineCapacity);
  const live = new LiveLog(liveCapacity);
  const bridge = createWUIBridge({
    onListenerError: (error, event) => console.error(`[playground] a listener of "${event}" failed`, error),
  });
  // No auth.getAccessToken: `login` keeps the session in the handler's memory and `logout` forgets it.
  const handler = createBackendHandler({
    bridge,
    environment: { apiBaseUrl, timeoutMs: 15_000, logLevel: 'warn' },
    onHttpCall: (call) => timeline.recordHttp(call),
  });
  for (const event of EventNames) {
    bridge.on(event, (...args: unknown[]) => {
      timeline.record(event, args);
      live.record(event, args);
    });
  }
  handler.start();
  // The operation and its input are only known at run time: the library validates the input with zod.
  const request = bridge.request.bind(bridge) as (
    operation: RequestName,
    input?: unknown,
    options?: RequestOptions,
  ) => Promise<unknown>;
  return {
    bridge,
    handler,
    timeline,
    live,
    apiBaseUrl,
    send: (operation, input, options) => request(operation, input, options),
  };
}
