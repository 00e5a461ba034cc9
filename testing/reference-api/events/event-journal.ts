import type { LiveEvent, LiveEventType } from '../../../api/contract/live-events';

/** An event as published, before the journal numbers it. */
export type PublishedEvent = {
  [T in LiveEventType]: { type: T; data: Extract<LiveEvent, { type: T }>['data'] };
}[LiveEventType];

/** One numbered event of the journal and the users who may see it. */
export interface JournalEntry {
  /** Grows by one with every event, across all users. */
  id: number;
  event: PublishedEvent;
  /** Ids of the users it is pushed to. */
  audience: ReadonlySet<string>;
}

/** How many events the journal keeps for replay unless told otherwise. */
export const DEFAULT_REPLAY_CAPACITY = 10_000;

/**
 * Every event the reference API publishes, numbered in one sequence, with the latest `capacity` kept in a
 * ring buffer so that a client reconnecting with `Last-Event-ID` gets what it missed. Listeners (the open
 * streams) hear each event as it is published.
 */
export class EventJournal {
  private readonly buffer: Array<JournalEntry | undefined>;
  private readonly listeners = new Set<(entry: JournalEntry) => void>();
  private last = 0;
  // Ids up to this one belong to data the store forgot (see clear): resuming from them needs a reload.
  private floor = 0;

  constructor(readonly capacity = DEFAULT_REPLAY_CAPACITY) {
    this.buffer = new Array<JournalEntry | undefined>(capacity);
  }

  /** The id of the latest event; 0 before the first. */
  get lastId(): number {
    return this.last;
  }

  /** Numbers `event`, keeps it for replay and hands it to every listener. Nothing happens for no audience. */
  publish(event: PublishedEvent, audience: Iterable<string>): JournalEntry | undefined {
    const users = new Set(audience);
    if (users.size === 0) return undefined;
    const entry: JournalEntry = { id: ++this.last, event, audience: users };
    this.buffer[entry.id % this.capacity] = entry;
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  /**
   * The events after `lastId`, oldest first, or `'too_old'` when some of them already left the buffer (the
   * client must reload). An id from the future (another server's) is `'unknown'`.
   */
  since(lastId: number): JournalEntry[] | 'too_old' | 'unknown' {
    if (lastId > this.last) return 'unknown';
    if (lastId < this.floor || this.last - lastId > this.capacity) return 'too_old';
    const entries: JournalEntry[] = [];
    for (let id = lastId + 1; id <= this.last; id++) {
      const entry = this.buffer[id % this.capacity];
      // Cleared since: what the client missed is gone.
      if (entry?.id !== id) return 'too_old';
      entries.push(entry);
    }
    return entries;
  }

  /** Calls `listener` with every event published from now on; returns the function that stops it. */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** How many listeners (open streams) hear the journal now. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * Forgets every event (the store was cleared); ids go on growing so that old ids stay invalid: one id is
   * skipped, so that a client resuming from any id it received before gets `'too_old'` and reloads.
   */
  clear(): void {
    this.buffer.fill(undefined);
    this.floor = ++this.last;
  }
}
