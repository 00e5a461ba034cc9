import { LAST_EVENT_ID_HEADER } from '../../../api/contract/event-routes';
import { LiveEventSchema, type LiveEvent } from '../../../api/contract/live-events';
import type { Caller } from '../access';
import type { Store } from '../store';
import { ChangeFeed } from './change-feed';
import type { JournalEntry, PublishedEvent } from './event-journal';
import { LiveStream } from './live-stream';
import { sseEntry, sseMessage } from './sse';

/** How often a heartbeat comment goes to an idle stream unless told otherwise. */
export const DEFAULT_HEARTBEAT_MS = 15_000;
/** How often, while a stream is open, time passes for the change feed (operations, usage, expired tokens). */
export const TICK_MS = 200;

const LAST_EVENT_ID = /^\d{1,15}$/;

/** Where a stream starts: live, after an event id, or from an id the journal cannot resume. */
type Resume = { kind: 'live' } | { kind: 'after'; id: number } | { kind: 'unknown' };

function resumeOf(header: string | null): Resume {
  if (header === null || header.trim() === '') return { kind: 'live' };
  return LAST_EVENT_ID.test(header.trim()) ? { kind: 'after', id: Number(header.trim()) } : { kind: 'unknown' };
}

/** Whether the credential a stream was opened with still signs its user in (else logout ended it). */
function stillSignedIn(store: Store, caller: Caller, tokenId: string | undefined): boolean {
  const now = store.now();
  if (!store.users.has(caller.user.id)) return false;
  if (caller.credential.type === 'session') {
    const session = store.sessions.get(caller.credential.value);
    return session !== undefined && session.expiresAt > now;
  }
  const token = tokenId === undefined ? undefined : store.tokens.get(tokenId);
  return token?.secret === caller.credential.value && Date.parse(token.expiration) > now;
}

/** Options of the stream hub, fixed for its lifetime. */
export interface StreamHubOptions {
  heartbeatMs: number;
}

/** How an injected fault spoils the first message of a stream. */
export type StreamSpoiler = (lastId: number) => Uint8Array;

/**
 * The open `GET /events` streams of one reference API, and the change feed that fills the journal they read.
 * While at least one stream is open a ticker lets time pass every 200 ms (operations progress and end,
 * usage is sampled, expired credentials end their streams); with none, changes are found after each request.
 */
export class StreamHub {
  readonly feed: ChangeFeed;
  /** The open streams, with their user and whether their credential still signs them in. */
  private readonly streams = new Map<LiveStream, { userId: string; signedIn: () => boolean }>();
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: StreamHubOptions,
  ) {
    this.feed = new ChangeFeed(store);
  }

  /** How many streams are open. */
  get size(): number {
    return this.streams.size;
  }

  /** Whether the ticker runs (only while a stream is open). */
  get ticking(): boolean {
    return this.ticker !== undefined;
  }

  /**
   * Opens a stream for `caller`: what it missed since `lastEventId` (or `stream.reset` when the journal cannot
   * tell), then every event whose audience holds the caller, as it is published.
   */
  open(caller: Caller, lastEventId: string | null, signal: AbortSignal, headers: Headers, spoil?: StreamSpoiler) {
    const { store } = this;
    // What changed while the client was away is published before its replay is read.
    this.feed.flush();
    const userId = caller.user.id;
    const tokenId =
      caller.credential.type === 'apiToken'
        ? [...store.tokens.values()].find((token) => token.secret === caller.credential.value)?.id
        : undefined;
    // Set once the replay is sent; the stream may end before (an aborted request).
    const subscription: { off?: () => void } = {};
    const stream = new LiveStream({
      heartbeatMs: this.options.heartbeatMs,
      signal,
      onClose: () => {
        subscription.off?.();
        this.streams.delete(stream);
        if (this.streams.size === 0) this.stopTicker();
      },
    });
    const resume = resumeOf(lastEventId);
    const missed = resume.kind === 'after' ? store.events.since(resume.id) : resume.kind;
    // Where the stream starts, so that a client that receives no event before a drop still resumes from here.
    const startsAfter = Array.isArray(missed) && resume.kind === 'after' ? resume.id : store.events.lastId;
    const answerHeaders = streamHeaders(headers);
    answerHeaders.set(LAST_EVENT_ID_HEADER, String(startsAfter));
    const response = new Response(stream.body, { status: 200, headers: answerHeaders });
    if (stream.closed) return response;
    if (spoil !== undefined) stream.send(spoil(store.events.lastId));
    if (missed === 'too_old' || missed === 'unknown') {
      const reason = missed === 'too_old' ? 'too_old' : 'unknown_id';
      stream.send(sseMessage(store.events.lastId, { type: 'stream.reset', data: { reason } }));
    } else if (missed !== 'live') {
      for (const entry of missed) if (entry.audience.has(userId)) stream.send(sseEntry(entry));
    }
    // Replay and subscription happen in one synchronous step: no event can fall between them.
    subscription.off = store.events.subscribe((entry) => {
      if (entry.audience.has(userId)) stream.send(sseEntry(entry));
    });
    this.streams.set(stream, { userId, signedIn: () => stillSignedIn(store, caller, tokenId) });
    this.startTicker();
    return response;
  }

  /** After every request: publishes what it changed and ends the streams whose sign-in it ended. */
  afterRequest(method: string): void {
    this.feed.flush(method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS');
    this.closeSignedOut();
  }

  /** Ends every open stream; their clients reconnect (with `Last-Event-ID`). Answers how many there were. */
  disconnectAll(): number {
    const open = [...this.streams.keys()];
    for (const stream of open) stream.close();
    return open.length;
  }

  /**
   * Publishes `event` to `audience` (every user by default), checked against the contract's LiveEventSchema.
   * Answers it as streams send it, with its id.
   */
  publish(event: PublishedEvent, audience?: Iterable<string>): LiveEvent {
    const checked = LiveEventSchema.safeParse({ id: '0', ...event });
    if (!checked.success) {
      throw new TypeError(`publishEvent: ${event.type} breaks LiveEventSchema: ${checked.error.message}`);
    }
    const entry: JournalEntry | undefined = this.store.events.publish(event, audience ?? this.store.users.keys());
    return { ...checked.data, id: String(entry?.id ?? this.store.events.lastId) };
  }

  /**
   * Moves every operation in flight `ms` closer to its end, applies those whose time is up and publishes what
   * changed.
   */
  advanceOperations(ms = 0): void {
    if (!(ms >= 0)) throw new TypeError(`advanceOperations: ms is 0 or more, not ${String(ms)}`);
    for (const operation of this.store.operations.values()) {
      if (!operation.settled) operation.durationMs = Math.max(0, operation.durationMs - ms);
    }
    this.feed.flush();
  }

  /** The store was reset or reloaded: streams end (their clients reload) and the feed starts from it. */
  reset(): void {
    this.disconnectAll();
    this.feed.baseline();
  }

  private tick(): void {
    this.feed.sampleLiveMetrics(this.watchedTenants());
    this.feed.flush(false);
    this.closeSignedOut();
  }

  private closeSignedOut(): void {
    for (const [stream, { signedIn }] of [...this.streams]) if (!signedIn()) stream.close();
  }

  private watchedTenants(): Set<string> {
    const users = new Set([...this.streams.values()].map((stream) => stream.userId));
    const tenants = new Set<string>();
    for (const membership of this.store.memberships) {
      if (users.has(membership.userId)) tenants.add(membership.tenantId);
    }
    return tenants;
  }

  private startTicker(): void {
    if (this.ticker !== undefined) return;
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    (this.ticker as { unref?: () => void }).unref?.();
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }
}

function streamHeaders(extra: Headers): Headers {
  const headers = new Headers(extra);
  headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  headers.set('Cache-Control', 'no-cache, no-transform');
  // Proxies such as nginx would buffer the stream otherwise.
  headers.set('X-Accel-Buffering', 'no');
  return headers;
}
