import type { HttpCallInfo } from '../api/http/transport';
import type { SessionRefresher } from '../api/session';
import type { LiveSource } from '../api/stream/live-source';
import type { StreamOptions } from '../api/stream/stream-options';
import type { ResolvedEnvironment } from '../environment';
import type { Logger } from '../log/logger';

/** What a {@link LiveStreamOptions.source} factory gets, to build the live source of one signed-in session. */
export interface LiveSourceContext {
  /** The settings in force: the stream is `GET {environment.apiBaseUrl}/events`. */
  readonly environment: ResolvedEnvironment;
  /**
   * The tokens every call of the handler uses, and their single-flight renewal: a stream that meets `401`
   * renews through it (with {@link LiveSourceContext.requestId}), so a refresh serves the stream and the
   * requests alike, and the reconnect carries the new token.
   */
  readonly session: SessionRefresher;
  /** The correlation id of the stream's own calls and renewals (`X-Request-Id`, logs, an expired session). */
  readonly requestId: string;
  readonly logger: Logger;
  /** The handler's `onHttpCall`, for the stream's connection attempts too. */
  readonly onHttpCall: ((call: HttpCallInfo) => void) | undefined;
  /** The `stream` option as given. */
  readonly options: LiveStreamOptions;
}

/**
 * How the handler keeps the state tree live: the stream's reconnect backoff, heartbeat timeout and hidden-tab
 * pause, and for tests or custom transports the source itself. Every option is optional.
 */
export interface LiveStreamOptions extends StreamOptions {
  /**
   * Builds the source of pushed events for one signed-in session; called at each sign-in (a new user never
   * resumes another's stream). For tests and custom transports: a scripted {@link LiveSource}.
   * @default the handler's own `GET /events` stream, shared with the other tabs of the origin where the browser allows it
   * @example { source: () => scriptedSource }
   */
  source?: (context: LiveSourceContext) => LiveSource;
}
