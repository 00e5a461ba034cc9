import * as z from 'zod';
import type { ResolvedEnvironment } from '../../environment';
import { invalidStreamOption } from '../../errors/messages';
import type { Logger } from '../../log/logger';
import { LiveEventIdSchema } from '../contract/live-events';
import type { TransportSession } from '../http/session-tokens';
import type { Clock } from '../http/wait';
import type { VisibilityTarget } from './visibility-pause';

/** How long the stream waits before reconnecting after a failed attempt or a dropped connection. */
export interface StreamBackoffOptions {
  /**
   * The bound of the wait after the first failure, in ms; it doubles with each further failure in a row, up to
   * `maxMs`. Each wait is a random time between 0 and that bound ("full jitter"), so that the clients a
   * restarting API dropped together do not come back together.
   * @default 1000
   * @example 500
   */
  initialMs?: number;
  /**
   * The bound never grows beyond this, in ms; a `Retry-After` or an SSE `retry:` longer than it is cut to it.
   * @default 30000
   * @example 60_000
   */
  maxMs?: number;
}

/** The user-facing options of the live stream: the handler's `stream` option. */
export interface StreamOptions {
  /**
   * The reconnect backoff; see {@link StreamBackoffOptions}.
   * @default { initialMs: 1000, maxMs: 30000 }
   * @example { initialMs: 500, maxMs: 10_000 }
   */
  backoff?: StreamBackoffOptions;
  /**
   * When nothing arrives (no event, no heartbeat comment) for this long, in ms, the connection is taken for
   * dead (a sleeping laptop, a proxy that dropped it silently): it is aborted and the stream reconnects. Keep
   * it well above the interval of the API's heartbeats (two or three of them).
   * @default 45000
   * @example 90_000
   */
  heartbeatTimeoutMs?: number;
  /**
   * A tab hidden (`document.visibilityState === 'hidden'`) for this long, in ms, lets the stream go (status
   * `paused`) and resumes it, after the last event received, as soon as it is visible again. `false` never
   * pauses. Where there is no `document` (Node) the stream never pauses.
   * @default 300000 (5 minutes)
   * @example false
   */
  pauseWhenHiddenMs?: number | false;
}

/** Everything {@link createEventStream} needs: the user-facing {@link StreamOptions} and the wiring. */
export interface EventStreamOptions extends StreamOptions {
  /**
   * Where the API is: the stream contacts `apiBaseUrl` + `/events` and nothing else.
   * @example { apiBaseUrl: 'https://api.aurora.example.com/api' }
   */
  environment: Pick<ResolvedEnvironment, 'apiBaseUrl'>;
  /**
   * Where skipped events and listener failures are reported (never with a payload or a token).
   * @default a logger that logs nothing
   * @example createLogger('warn')
   */
  logger?: Logger | undefined;
  /**
   * How the stream authenticates: the token is read before every connection attempt, and a 401 refreshes
   * the session once (then reconnects at once with the new token).
   * @default undefined (no token; a 401 closes the stream)
   * @example { getAccessToken: () => session.accessToken, refresh: (rejected, id) => session.refresh(rejected, id) }
   */
  session?: TransportSession | undefined;
  /**
   * Start after this event id (sent as `Last-Event-ID` on the first connection): a tab that takes the stream
   * over from another resumes where that one stopped.
   * @default undefined (only events published from now on)
   * @example '1042'
   */
  lastEventId?: string | undefined;
  /**
   * The fetch the stream connects with; for tests. Read at each attempt, so that msw's patch applies.
   * @default globalThis.fetch
   * @example (input, init) => fetch(input, init)
   */
  fetch?: typeof fetch | undefined;
  /**
   * The random source of the backoff jitter, in [0, 1); for tests.
   * @default Math.random
   * @example () => 0.5
   */
  random?: (() => number) | undefined;
  /**
   * The timers of the backoff, the heartbeat timeout and the hidden-tab pause; for tests.
   * @default setTimeout / clearTimeout
   * @example { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as never) }
   */
  clock?: Clock | undefined;
  /**
   * The page whose visibility pauses the stream; `null` never pauses. For tests.
   * @default globalThis.document where it exists
   * @example null
   */
  document?: VisibilityTarget | null | undefined;
  /**
   * Where a relative `apiBaseUrl` (such as `/api`) is resolved against.
   * @default globalThis.location?.href
   * @example 'https://console.example.com/'
   */
  baseLocation?: string | undefined;
}

/** {@link StreamOptions} with every default applied, validated. */
export interface ResolvedStreamOptions {
  backoff: Readonly<Required<StreamBackoffOptions>>;
  heartbeatTimeoutMs: number;
  pauseWhenHiddenMs: number | false;
}

// setTimeout fires at once for longer delays.
const MAX_TIMER_MS = 2_147_483_647;
const milliseconds = (min: number) => z.number().int().min(min).max(MAX_TIMER_MS);

export const DEFAULT_STREAM_OPTIONS: ResolvedStreamOptions = {
  backoff: { initialMs: 1_000, maxMs: 30_000 },
  heartbeatTimeoutMs: 45_000,
  pauseWhenHiddenMs: 300_000,
};

function check<T>(schema: z.ZodType<T>, key: string, given: unknown, fallback: T, accepted: string): T {
  if (given === undefined) return fallback;
  const parsed = schema.safeParse(given);
  if (!parsed.success) throw invalidStreamOption(key, given, accepted);
  return parsed.data;
}

/** The stream options with defaults applied; throws a `CONFIG` BackendError naming an invalid one. */
export function resolveStreamOptions(options: StreamOptions = {}): ResolvedStreamOptions {
  const defaults = DEFAULT_STREAM_OPTIONS;
  const initialMs = check(
    milliseconds(1),
    'backoff.initialMs',
    options.backoff?.initialMs,
    defaults.backoff.initialMs,
    'whole milliseconds from 1, e.g. 1000',
  );
  const maxMs = check(
    milliseconds(initialMs),
    'backoff.maxMs',
    options.backoff?.maxMs,
    Math.max(initialMs, defaults.backoff.maxMs),
    `whole milliseconds from backoff.initialMs (${initialMs}), e.g. 30000`,
  );
  const heartbeatTimeoutMs = check(
    milliseconds(1),
    'heartbeatTimeoutMs',
    options.heartbeatTimeoutMs,
    defaults.heartbeatTimeoutMs,
    'whole milliseconds from 1, e.g. 45000',
  );
  const pauseWhenHiddenMs = check(
    z.union([milliseconds(0), z.literal(false)]),
    'pauseWhenHiddenMs',
    options.pauseWhenHiddenMs,
    defaults.pauseWhenHiddenMs,
    'whole milliseconds from 0, e.g. 300000, or false (never pause)',
  );
  return { backoff: { initialMs, maxMs }, heartbeatTimeoutMs, pauseWhenHiddenMs };
}

/** The `lastEventId` option, validated: an id the API gave, or `undefined`. */
export function resolveStartId(lastEventId: unknown): string | undefined {
  return check(LiveEventIdSchema.optional(), 'lastEventId', lastEventId, undefined, 'a decimal event id, e.g. "1042"');
}
