import type { LiveEvent, LiveEventOf } from '../api/contract/live-events';
import type { LiveSource } from '../api/stream/live-source';
import type { StreamStatus } from '../api/stream/stream-status';
import type { BackendError } from '../errors/backend-error';
import type { HandlerEventName, HandlerEvents, StreamChangeMeta } from '../event-names';
import type { User } from '../interfaces/user-interface';
import type { Logger } from '../log/logger';
import { createLiveReducer } from '../state/apply-event';
import { reduceFullUser } from '../state/full-user';
import type { StatePatch } from '../state/state-patch';
import type { UserState } from '../state/user-state';
import { defaultLiveSource } from './default-live-source';
import type { LiveSourceContext, LiveStreamOptions } from './live-options';
import type { OperationFollower } from './operation-follower';
import { resolveStreamOptions } from '../api/stream/stream-options';

/** The correlation id of the live stream's own calls: its connection, its renewals and its reloads. */
export const LIVE_REQUEST_ID = 'live-stream';

export interface LiveUpdatesOptions {
  /** The handler's `stream` option: `false` turns live updates off. */
  options: LiveStreamOptions | false | undefined;
  context: Omit<LiveSourceContext, 'options' | 'requestId' | 'userId'>;
  /** Applies `change` to the state as it is now and emits one `state:changed` if anything changed. */
  commit(change: StatePatch, meta: StreamChangeMeta): void;
  notify<E extends HandlerEventName>(event: E, ...args: HandlerEvents[E]): void;
  /** `GET /users/me`, fresh (never joining a read in flight). */
  loadUser(requestId: string): Promise<User>;
  follower: Pick<OperationFollower, 'pause' | 'resume' | 'push' | 'pollOnce'>;
  /** Ends the session (the stream was refused with `401`): `session:expired`, then the state goes `null`. */
  expire(error: BackendError, meta: StreamChangeMeta): void;
  logger: Logger;
}

export interface LiveUpdates {
  /** Opens a source when a user is signed in (a new one for another user), closes it when signed out. */
  sync(state: UserState): void;
  /** Closes the source, if any. */
  stop(): void;
  /** What a change the stream made (a session it found expired) is reported with. */
  meta(): StreamChangeMeta;
  /** The last status reported, or `closed` before the first one. */
  status(): StreamStatus;
}

interface Connection {
  userId: string;
  source: LiveSource;
  unsubscribe: () => void;
  /** Closed by the handler (signed out, stopped): its last status is reported, nothing else. */
  closing: boolean;
  open: boolean;
  /** While the tree is reloaded after `stream.reset`, the events that arrive, to apply after it. */
  buffered: LiveEvent[] | undefined;
  lastEventId: string | undefined;
  /** Whether the tree was read again once the stream first opened (see `catchUp`). */
  caughtUp: boolean;
  /** Cancels the attempt planned after a `401` close, if any. */
  cancelReopen: (() => void) | undefined;
}

/** The status of a stream that never opened, or was turned off. */
export const CLOSED_STATUS: StreamStatus = Object.freeze({ state: 'closed', role: 'own', attempt: 0 });

const OFF: LiveUpdates = {
  sync: () => undefined,
  stop: () => undefined,
  meta: () => ({ lastEventId: '0', events: 0 }),
  status: () => CLOSED_STATUS,
};

/**
 * Keeps the state tree live while a user is signed in: opens a {@link LiveSource}, reduces each batch of pushed
 * events into the tree with one commit, emits `stream:status`, `stream:event` and `notification:received`,
 * hands operations to the follower (which stops polling while the stream is open), reloads the tree when the
 * API says the stream could not resume, and ends the session when the stream is refused with `401`.
 */
export function createLiveUpdates(live: LiveUpdatesOptions): LiveUpdates {
  if (live.options === false) return OFF;
  const options = live.options ?? {};
  const createSource = options.source ?? defaultLiveSource;
  const reopenAfterMs = resolveStreamOptions(options).backoff.maxMs;
  const reducer = createLiveReducer();
  let connection: Connection | undefined;
  let lastStatus: StreamStatus = CLOSED_STATUS;

  const meta = (): StreamChangeMeta => ({ lastEventId: connection?.lastEventId ?? '0', events: 0 });

  function afterApplied(event: LiveEvent): void {
    live.notify('stream:event', event);
    if (event.type === 'notification.created') {
      const { notification, unread } = event.data;
      live.notify('notification:received', notification, { unread, eventId: event.id });
    }
    if (event.type === 'operation.updated') live.follower.push(event.data);
  }

  function apply(current: Connection, batch: readonly LiveEvent[]): void {
    const last = batch.at(-1);
    if (last === undefined) return;
    live.commit((state) => reducer.reduce(state, batch), { lastEventId: last.id, events: batch.length });
    current.lastEventId = last.id;
    for (const event of batch) afterApplied(event);
  }

  function receive(current: Connection, batch: readonly LiveEvent[]): void {
    if (current.buffered !== undefined) {
      current.buffered.push(...batch);
      return;
    }
    const resetAt = batch.findIndex((event) => event.type === 'stream.reset');
    if (resetAt === -1) return apply(current, batch);
    apply(current, batch.slice(0, resetAt));
    current.buffered = batch.slice(resetAt + 1);
    void reload(current, batch[resetAt] as LiveEventOf<'stream.reset'>);
  }

  /**
   * What the stream missed is lost: the whole tree is read again, as `loadUser` does. Events arriving
   * meanwhile wait and are applied after it, so that the snapshot never undoes a later pushed change.
   */
  async function reload(current: Connection, reset: LiveEventOf<'stream.reset'>): Promise<void> {
    const user = await readUser();
    if (connection !== current) return;
    const buffered = current.buffered ?? [];
    current.buffered = undefined;
    if (user !== undefined) {
      const loaded = user;
      live.commit((state) => reduceFullUser(state, loaded), { lastEventId: reset.id, events: 1 });
    }
    current.lastEventId = reset.id;
    afterApplied(reset);
    // The end of an operation may be among what was missed.
    live.follower.pollOnce();
    receive(current, buffered);
  }

  /**
   * The tree was read before the stream opened: a change published in between reached neither. Once the stream
   * is open the tree is read once more (the never-older merge keeps anything pushed since), with the events
   * arriving meanwhile applied after it.
   */
  async function catchUp(current: Connection): Promise<void> {
    const buffered: LiveEvent[] = (current.buffered ??= []);
    const user = await readUser();
    if (connection !== current) return;
    current.buffered = undefined;
    if (user !== undefined) {
      const loaded = user;
      live.commit((state) => reduceFullUser(state, loaded), meta());
    }
    receive(current, buffered);
  }

  async function readUser(): Promise<User | undefined> {
    let user: User | undefined;
    try {
      user = await live.loadUser(LIVE_REQUEST_ID);
    } catch (error) {
      live.logger.warn('the tree could not be read again for the live stream; it may miss changes', {
        requestId: LIVE_REQUEST_ID,
        code: (error as Partial<BackendError>).code ?? 'unknown',
      });
    }
    return user;
  }

  function onStatus(current: Connection, status: StreamStatus): void {
    lastStatus = status;
    live.notify('stream:status', status);
    const open = status.state === 'open';
    if (open && !current.caughtUp && !current.closing && connection === current) {
      current.caughtUp = true;
      void catchUp(current);
    }
    if (open !== current.open) {
      current.open = open;
      if (open) live.follower.pause();
      else live.follower.resume();
    }
    if (current.closing || connection !== current) return;
    // A session that really ended was ended by the renewal itself (session:expired). A stream closed 401 while
    // the session goes on (the renewal could not reach the API, or the app supplies its tokens) tries again
    // later, after the longest reconnect wait, rather than signing the user out or hammering the API.
    if (status.state === 'closed' && status.error?.code === 'UNAUTHORIZED') {
      const retry = setTimeout(() => {
        if (connection === current && !current.closing) current.source.open();
      }, reopenAfterMs);
      current.cancelReopen = () => clearTimeout(retry);
    }
  }

  function connect(userId: string): void {
    reducer.reset();
    const source = createSource({ ...live.context, options, userId, requestId: LIVE_REQUEST_ID });
    const current: Connection = {
      userId,
      source,
      unsubscribe: () => undefined,
      closing: false,
      open: false,
      buffered: undefined,
      lastEventId: undefined,
      cancelReopen: undefined,
      caughtUp: false,
    };
    connection = current;
    current.unsubscribe = source.subscribe({
      events: (batch) => {
        if (connection === current) receive(current, batch);
      },
      status: (status) => onStatus(current, status),
    });
    source.open();
  }

  function disconnect(): void {
    const current = connection;
    if (current === undefined) return;
    current.closing = true;
    current.cancelReopen?.();
    connection = undefined;
    current.source.close();
    current.unsubscribe();
    if (current.open) {
      current.open = false;
      live.follower.resume();
    }
  }

  return {
    sync(state) {
      const userId = state?.id;
      if (connection?.userId === userId) return;
      disconnect();
      if (userId !== undefined) connect(userId);
    },
    stop: disconnect,
    meta,
    status: () => lastStatus,
  };
}
