import type { HandlerEvents, LiveEvent } from 'aurora-backend-handler';
import { plural } from './format';

// What the stream did, apart from the requests: pushed events, the batches the state took in, the
// connection's changes and notifications. Bounded: the oldest entries go, and are counted.

export type LiveKind = 'push' | 'batch' | 'status' | 'notification';

export interface LiveEntry {
  seq: number;
  at: number;
  kind: LiveKind;
  /** The pushed event's type (`service.updated`), or the handler event (`stream:status`). */
  type: string;
  /** The pushed event's id, or the batch's last id. */
  eventId?: string | undefined;
  text: string;
}

/** Whether the entry is a pushed `usage.sampled` (hidden from the lane unless asked for). */
export const isSampleEntry = (entry: LiveEntry): boolean => entry.type === 'usage.sampled';

/** Entries kept; beyond it the oldest are dropped (and counted). */
export const LIVE_CAPACITY = 200;

/**
 * The lane's data, bounded: `capacity` entries, and as many `usage.sampled` ones apart, so that a stream of
 * samples (several a second with live metrics) never pushes the other entries out.
 */
export class LiveLog {
  /** The entries kept, oldest first: at most `capacity` samples and `capacity` others. */
  readonly entries: LiveEntry[] = [];
  /** Entries dropped to stay within the capacity since the last clear. */
  dropped = 0;
  /** Of those, the `usage.sampled` ones (a lane hiding samples does not count them as dropped). */
  droppedSamples = 0;
  readonly #kept = { samples: 0, others: 0 };
  #seq = 0;
  readonly #listeners = new Set<(entry: LiveEntry | null) => void>();

  constructor(readonly capacity = LIVE_CAPACITY) {}

  /** Records one of the handler's stream events; `args` are its listener's arguments. */
  record(event: string, args: readonly unknown[]): void {
    if (event === 'stream:event') {
      const pushed = args[0] as LiveEvent;
      this.#add('push', pushed.type, describeLiveEvent(pushed), pushed.id);
    } else if (event === 'stream:status') {
      const [status] = args as HandlerEvents['stream:status'];
      const retry = status.retryInMs === undefined ? '' : ` · retry in ${Math.round(status.retryInMs / 100) / 10} s`;
      const error = status.error === undefined ? '' : ` · ${status.error.code}`;
      this.#add('status', event, `${status.state} · ${status.role}${retry}${error}`, status.lastEventId);
    } else if (event === 'notification:received') {
      const [notification, meta] = args as HandlerEvents['notification:received'];
      this.#add('notification', event, `${notification.title} · ${meta.unread} unread`, meta.eventId);
    } else if (event === 'state:changed') {
      const meta = args[1] as { lastEventId?: string; events?: number } | undefined;
      if (meta?.lastEventId === undefined) return;
      this.#add('batch', event, `tree updated by ${plural(meta.events ?? 0, 'pushed event')}`, meta.lastEventId);
    }
  }

  clear(): void {
    this.entries.length = 0;
    this.#kept.samples = 0;
    this.#kept.others = 0;
    this.dropped = 0;
    this.droppedSamples = 0;
    this.#emit(null);
  }

  /** Called with the entry added, or `null` when entries were removed (clear). */
  subscribe(listener: (entry: LiveEntry | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #add(kind: LiveKind, type: string, text: string, eventId?: string): void {
    const entry: LiveEntry = { seq: ++this.#seq, at: Date.now(), kind, type, eventId, text };
    this.entries.push(entry);
    const sample = isSampleEntry(entry);
    const bucket = sample ? 'samples' : 'others';
    if (++this.#kept[bucket] > this.capacity) {
      this.entries.splice(
        this.entries.findIndex((kept) => isSampleEntry(kept) === sample),
        1,
      );
      this.#kept[bucket]--;
      this.dropped++;
      if (sample) this.droppedSamples++;
    }
    this.#emit(entry);
  }

  #emit(entry: LiveEntry | null): void {
    for (const listener of this.#listeners) listener(entry);
  }
}

/** A few words about a pushed event: the entity's name and status, an operation's progress, a sample. */
export function describeLiveEvent(event: LiveEvent): string {
  switch (event.type) {
    case 'operation.updated':
      return `${event.data.kind} ${event.data.status} ${event.data.progress}%`;
    case 'instance.updated':
      return `${event.data.instance.name} ${event.data.instance.status}`;
    case 'usage.sampled': {
      const { target, usage } = event.data;
      return `${target.type} ${target.id}: ${usage.current.cpu} vCPU · ${usage.current.memory} MB`;
    }
    case 'notification.created':
    case 'notification.updated':
      return `${event.data.notification.title} · ${event.data.notification.status} · ${event.data.unread} unread`;
    case 'stream.reset':
      return `reload: ${event.data.reason}`;
    case 'member.created':
    case 'member.updated':
    case 'member.deleted':
      return `${event.data.email} · ${event.data.role} in ${event.data.tenant}`;
    default: {
      const data = event.data as { id?: string; name?: string; status?: string };
      return [data.name, data.id, data.status].filter((part) => typeof part === 'string').join(' · ');
    }
  }
}
