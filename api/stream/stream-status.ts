import type { BackendError } from '../../errors/backend-error';

/**
 * Where the live stream is: `connecting` (an attempt is under way: the first one, or with `attempt` > 0 one
 * after failures), `open` (events flow), `reconnecting` (it dropped; the next attempt starts in `retryInMs`),
 * `paused` (a hidden tab let it go; it resumes when visible), and `closed` (signed out, or the handler
 * stopped). The state changes at every report: a second failure in a row reads `reconnecting`, `connecting`,
 * `reconnecting` (with its own `retryInMs`), never `reconnecting` twice.
 */
export const STREAM_STATES = ['connecting', 'open', 'reconnecting', 'paused', 'closed'] as const;
export type StreamState = (typeof STREAM_STATES)[number];

/**
 * How this tab gets its events: `own` (its own connection), `leader` (its connection serves every tab of the
 * origin) or `follower` (the leader tab relays the events to it).
 */
export const STREAM_ROLES = ['own', 'leader', 'follower'] as const;
export type StreamRole = (typeof STREAM_ROLES)[number];

/** What `stream:status` reports: the state of the live stream, and why it is not open when it is not. */
export interface StreamStatus {
  state: StreamState;
  role: StreamRole;
  /** With `reconnecting`: how long until the next attempt, in ms. */
  retryInMs?: number;
  /** Failed attempts in a row; 0 once open. */
  attempt: number;
  /** The id of the last event received, from which a reconnect resumes. */
  lastEventId?: string;
  /** With `reconnecting` or `closed`: the failure that ended the last attempt. */
  error?: BackendError;
}
