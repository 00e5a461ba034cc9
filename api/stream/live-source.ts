import type { LiveEvent } from '../contract/live-events';
import type { StreamStatus } from './stream-status';

/** What a {@link LiveSource} tells its listener. */
export interface LiveSourceListener {
  /**
   * Events that arrived together (one network read, or one relayed message), each validated against the
   * contract, in id order, none delivered twice. A `stream.reset` event is delivered like the others: the
   * listener must reload the tree, since what came before it is lost.
   */
  events(batch: readonly LiveEvent[]): void;
  /** Every change of the source's status (never the same status twice in a row). */
  status(status: StreamStatus): void;
}

/**
 * Where a handler gets pushed events from: its own `GET /events` connection, or the one a leader tab shares
 * with the other tabs of the origin. Nothing is contacted before {@link LiveSource.open}.
 */
export interface LiveSource {
  /** Connects (or reconnects at once, resuming after the last event) and keeps the stream open until `close`. */
  open(): void;
  /** Closes the stream and stops reconnecting; the status becomes `closed`. `open` may start it again. */
  close(): void;
  /** The latest status. */
  readonly status: StreamStatus;
  /** Calls `listener` from now on; returns the function that stops it. */
  subscribe(listener: LiveSourceListener): () => void;
}
