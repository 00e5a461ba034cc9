import type { LiveEvent } from '../contract/live-events';
import { isAfter } from './event-id-order';
import type { LiveSource, LiveSourceListener } from './live-source';
import { defaultLockManager, type LockManagerLike } from './lock-manager';
import type { StreamRole, StreamStatus } from './stream-status';
import {
  defaultPageEvents,
  defaultTabChannel,
  type OpenTabChannel,
  type PageEvents,
  type TabChannel,
} from './tab-channel';
import { eventsMessage, followerStatus, readTabMessage, statusMessage, type TabMessage } from './tab-messages';

/** Version of what the tabs say to each other: tabs running another version never share a stream. */
export const SHARED_STREAM_PROTOCOL = 1;

/**
 * The lock and channel name of the stream of `userId` on `apiBaseUrl`: tabs share a stream only with tabs
 * signed in as the same user on the same API, so no tab ever receives another user's events.
 * @example sharedSourceName('https://console.example.com/api', user.id)
 */
export function sharedSourceName(apiBaseUrl: string, userId: string): string {
  return `aurora-live:v${String(SHARED_STREAM_PROTOCOL)}:${apiBaseUrl}:${userId}`;
}

/** Options of {@link createSharedSource}. */
export interface SharedSourceOptions {
  /**
   * Name of the Web Lock and of the `BroadcastChannel`: one stream per name across the tabs of the origin.
   * @example sharedSourceName(environment.apiBaseUrl, user.id)
   */
  name: string;
  /**
   * Creates this tab's own connection, resuming after `lastEventId` (`undefined`: from now on). Called when
   * this tab becomes the leader, once per leadership.
   * @example (lastEventId) => createEventStream({ transport, lastEventId })
   */
  createOwn: (lastEventId: string | undefined) => LiveSource;
  /**
   * The Web Locks API that elects the leader; `null` (or a platform without it) gives each tab its own stream.
   * @default globalThis.navigator?.locks
   * @example createFakeLocks()
   */
  locks?: LockManagerLike | null | undefined;
  /**
   * Opens the channel the leader relays on; `null` (or a platform without it) gives each tab its own stream.
   * @default (name) => new BroadcastChannel(name)
   * @example (name) => new BroadcastChannel(name)
   */
  channel?: OpenTabChannel | null | undefined;
  /**
   * Where `pagehide` and `pageshow` are heard: a leaving page hands the stream over at once, and takes part
   * again when it comes back from the back/forward cache. `null` listens to nothing.
   * @default window (none outside a page)
   * @example new EventTarget()
   */
  page?: PageEvents | null | undefined;
}

/** What one `open()` holds until `close()` (or `pagehide`). */
interface Term {
  role: 'pending' | StreamRole;
  channel: TabChannel;
  abort: AbortController;
  onMessage: (event: Event) => void;
  own?: LiveSource;
  offOwn?: () => void;
  release?: () => void;
}

function sameStatus(a: StreamStatus, b: StreamStatus): boolean {
  return (
    a.state === b.state &&
    a.role === b.role &&
    a.attempt === b.attempt &&
    a.retryInMs === b.retryInMs &&
    a.lastEventId === b.lastEventId &&
    a.error?.code === b.error?.code &&
    a.error?.message === b.error?.message
  );
}

const ignore = (): void => undefined;

/**
 * One stream for all the tabs of an origin signed in as the same user. The tab holding the Web Lock `name`
 * (the leader) streams with its own source and relays each batch and status over a `BroadcastChannel`; the
 * others (followers) deliver what it relays. When the leader closes or its page goes away, the lock passes
 * to a waiting follower, which opens its own source after the last event it delivered: events are
 * deduplicated by id on both sides, so nothing is lost or delivered twice across the handover. Where the
 * Web Locks API or `BroadcastChannel` is missing, this is `createOwn(undefined)` itself (role `own`).
 */
export function createSharedSource(options: SharedSourceOptions): LiveSource {
  const platformLocks = options.locks === undefined ? defaultLockManager() : (options.locks ?? undefined);
  const platformChannel = options.channel === undefined ? defaultTabChannel() : (options.channel ?? undefined);
  if (platformLocks === undefined || platformChannel === undefined) return options.createOwn(undefined);
  const locks: LockManagerLike = platformLocks;
  const openChannel: OpenTabChannel = platformChannel;
  const page = options.page === undefined ? defaultPageEvents() : (options.page ?? undefined);
  const { name, createOwn } = options;

  const listeners = new Set<LiveSourceListener>();
  let status: StreamStatus = { state: 'closed', role: 'follower', attempt: 0 };
  // The id of the last event delivered here: the next leadership resumes after it, older ones are dropped.
  let lastId: string | undefined;
  let term: Term | undefined;
  // Closed by `pagehide` rather than by `close()`: a page back from the back/forward cache opens again.
  let hiddenWhileOpen = false;

  function emit(next: StreamStatus): void {
    if (sameStatus(status, next)) return;
    status = next;
    for (const listener of [...listeners]) listener.status(next);
  }

  function withRole(next: StreamStatus, role: StreamRole): StreamStatus {
    const mine: StreamStatus = { ...next, role };
    delete mine.lastEventId;
    if (lastId !== undefined) mine.lastEventId = lastId;
    return mine;
  }

  function post(t: Term, message: TabMessage): void {
    if (term === t) t.channel.postMessage(message);
  }

  /** The events of `batch` not delivered yet, in order; `lastId` moves past them. */
  function fresh(batch: readonly LiveEvent[]): LiveEvent[] {
    const unseen: LiveEvent[] = [];
    for (const event of batch) {
      if (!isAfter(event.id, lastId)) continue;
      unseen.push(event);
      lastId = event.id;
    }
    return unseen;
  }

  function deliver(events: readonly LiveEvent[]): void {
    if (events.length === 0) return;
    for (const listener of [...listeners]) listener.events(events);
  }

  // Relayed before this tab's listeners run: one of them may close the source.
  function lead(t: Term, role: 'leader' | 'own'): Promise<void> | undefined {
    if (term !== t) return undefined;
    t.role = role;
    const own = createOwn(lastId);
    t.own = own;
    t.offOwn = own.subscribe({
      events(batch) {
        if (term !== t) return;
        const events = fresh(batch);
        if (role === 'leader' && events.length > 0) post(t, eventsMessage(events));
        deliver(events);
      },
      status(next) {
        if (term !== t) return;
        const mine = withRole(next, role);
        // A stream that ended by itself (the session is over) is not relayed: another tab tries its own.
        if (next.state === 'closed') end(t, mine);
        else {
          if (role === 'leader') post(t, statusMessage(mine));
          emit(mine);
        }
      },
    });
    own.open();
    return new Promise<void>((resolve) => (t.release = resolve));
  }

  function follow(t: Term): void {
    t.role = 'follower';
    emit(withRole({ state: 'connecting', role: 'follower', attempt: 0 }, 'follower'));
    post(t, { kind: 'hello' });
    locks.request(name, { mode: 'exclusive', signal: t.abort.signal }, () => lead(t, 'leader')).catch(ignore);
  }

  function compete(t: Term): void {
    locks
      .request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
        if (term !== t) return undefined;
        if (lock !== null) return lead(t, 'leader');
        follow(t);
        return undefined;
      })
      .catch(() => {
        // The platform refused the lock (an opaque origin throws SecurityError): this tab streams alone.
        if (term === t && t.role === 'pending') void lead(t, 'own');
      });
  }

  function onMessage(t: Term, data: unknown): void {
    if (term !== t) return;
    const message = readTabMessage(data);
    if (message === undefined) return;
    if (message.kind === 'hello') {
      if (t.role === 'leader' && status.state !== 'closed') post(t, statusMessage(withRole(status, 'leader')));
    } else if (t.role === 'follower' || t.role === 'pending') {
      if (message.kind === 'events') deliver(fresh(message.events));
      else if (t.role === 'follower') {
        // A follower that delivered nothing yet resumes, if it must lead, where the leader was.
        lastId ??= message.status.lastEventId;
        emit(followerStatus(message.status, lastId));
      }
    }
  }

  function end(t: Term, final?: StreamStatus): void {
    term = undefined;
    t.abort.abort();
    t.channel.removeEventListener('message', t.onMessage);
    t.channel.close();
    t.offOwn?.();
    t.own?.close();
    t.release?.();
    const role = t.role === 'pending' ? status.role : t.role;
    emit(final ?? withRole({ state: 'closed', role, attempt: 0 }, role));
  }

  const onPageHide = (): void => {
    if (term === undefined) return;
    end(term);
    hiddenWhileOpen = true;
  };
  const onPageShow = (): void => {
    if (hiddenWhileOpen) source.open();
  };

  const source: LiveSource = {
    open() {
      hiddenWhileOpen = false;
      if (term !== undefined) {
        if (term.own !== undefined) term.own.open();
        else if (term.role === 'follower') post(term, { kind: 'hello' });
        return;
      }
      const t: Term = { role: 'pending', channel: openChannel(name), abort: new AbortController(), onMessage: ignore };
      t.onMessage = (event) => onMessage(t, (event as MessageEvent).data);
      t.channel.addEventListener('message', t.onMessage);
      term = t;
      page?.addEventListener('pagehide', onPageHide);
      page?.addEventListener('pageshow', onPageShow);
      compete(t);
    },
    close() {
      hiddenWhileOpen = false;
      page?.removeEventListener('pagehide', onPageHide);
      page?.removeEventListener('pageshow', onPageShow);
      if (term !== undefined) end(term);
    },
    get status() {
      return status;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return source;
}
