// The event map: every event of the WUIBridge and its listener arguments, derived from the request declarations.
import type { LiveEvent } from './api/contract/live-events';
import type { StreamStatus } from './api/stream/stream-status';
import type { RequestPolicy } from './bridge/request-options';
import type { BackendError } from './errors/backend-error';
import type { Notification } from './interfaces/notification-interface';
import type { Operation } from './interfaces/operation-interface';
import type { User } from './interfaces/user-interface';
import { requestDomains, requests, type RequestDomain, type Requests, type RequestTypesMap } from './requests/index';

export { requests };
export type { RequestDomain, Requests, RequestTypesMap };
/** The name of a request kind a component emits, such as `updateUser` or `deployService`. */
export type RequestName = keyof RequestTypesMap;
/** What a component may pass when it emits request `K` (before validation). */
export type RequestInput<K extends RequestName> = RequestTypesMap[K]['input'];
/** The success payload of request `K`. */
export type RequestResult<K extends RequestName> = RequestTypesMap[K]['result'];

/** Requests the API answers with `202 Accepted` and a long-running {@link Operation} to follow. */
export type LongRunningRequestName = {
  [K in RequestName]: RequestTypesMap[K]['longRunning'] extends true ? K : never;
}[RequestName];

/** Optional metadata of a request event; the bridge fills in a `requestId` when none is given. */
export interface RequestMeta extends RequestPolicy {
  /** Correlates the request with its outcome event; must be unique among requests in flight. */
  requestId?: string;
  /** Aborts the request, including its HTTP call; the outcome is then a `CANCELLED` error. */
  signal?: AbortSignal;
}

/** The metadata request listeners receive: the `requestId` and the request's one cancellation signal. */
export interface ResolvedRequestMeta {
  requestId: string;
  signal: AbortSignal;
}

/** Metadata of an outcome event: which request it answers, and how long it took. */
export interface OutcomeMeta<K extends RequestName = RequestName> {
  requestId: string;
  name: K;
  durationMs: number;
}

/** A change made by a request's outcome (or by the operation it started): which request. */
export interface RequestChangeMeta {
  requestId: string;
  name: RequestName;
}

/** A change pushed by the live stream: the events of one batch, reduced together. */
export interface StreamChangeMeta {
  /** The id of the batch's last event. */
  lastEventId: string;
  /** How many events the batch held. */
  events: number;
}

/**
 * Metadata of `state:changed`: the request whose outcome changed the state, or the batch of pushed events
 * that did (`'lastEventId' in meta`).
 */
export type StateChangeMeta = RequestChangeMeta | StreamChangeMeta;

/** Metadata of `notification:received`. */
export interface NotificationMeta {
  /** How many of the user's notifications are unread, this one included. */
  unread: number;
  /** The id of the event that pushed it. */
  eventId: string;
}

/** Metadata of `operation:*` events: the request that started the long-running operation, and its target. */
export interface OperationEventMeta {
  requestId: string;
  name: LongRunningRequestName;
  operationId: string;
  target: Operation['target'];
}

/** Events the backend handler emits besides outcomes. */
export interface HandlerEvents {
  /** The handler's user state changed; `state` is the new immutable snapshot (`null` when signed out). */
  'state:changed': [state: User | null, meta: StateChangeMeta];
  /** A long-running operation moved (status or progress changed). */
  'operation:progress': [operation: Operation, meta: OperationEventMeta];
  /** A long-running operation succeeded; the state has been refreshed before this event. */
  'operation:completed': [operation: Operation, meta: OperationEventMeta];
  /** A long-running operation failed, or could no longer be followed. */
  'operation:failed': [error: BackendError, meta: OperationEventMeta];
  /**
   * The session ended and could not be renewed (the refresh token expired or was revoked): the state tree
   * is cleared next, and the requests waiting for the renewal end `UNAUTHORIZED`. Show the sign-in form.
   */
  'session:expired': [error: BackendError, meta: StateChangeMeta];
  /** The live stream changed state: connecting, open, reconnecting (with the delay), paused or closed. */
  'stream:status': [status: StreamStatus];
  /** An event the live stream pushed, validated, after the state took it in (devtools, timelines, metrics). */
  'stream:event': [event: LiveEvent];
  /** The API pushed a new notification for the signed-in user; the state's unread count includes it. */
  'notification:received': [notification: Notification, meta: NotificationMeta];
}
export type HandlerEventName = keyof HandlerEvents;

export type RequestEvents = { [K in RequestName]: [input: RequestInput<K>, meta: ResolvedRequestMeta] };
export type SuccessEvents = {
  [K in RequestName as `${K}:success`]: [data: RequestResult<K>, meta: OutcomeMeta<K>];
};
export type ErrorEvents = { [K in RequestName as `${K}:error`]: [error: BackendError, meta: OutcomeMeta<K>] };

/** Every event of the bridge, mapped to its listener arguments. */
export interface WUIEventMap extends RequestEvents, SuccessEvents, ErrorEvents, HandlerEvents {}
export type EventName = keyof WUIEventMap;
export type EventArgs<E extends EventName> = WUIEventMap[E];
/** A listener of event `E`. It may be async: a rejection is reported like a throw, never left unhandled. */
export type Listener<E extends EventName> = (...args: EventArgs<E>) => void | Promise<void>;

/** Arguments of `emit(name, ...)`: the input (optional when the request takes none) and optional meta. */
export type RequestEmitArgs<K extends RequestName> =
  undefined extends RequestInput<K>
    ? [input?: RequestInput<K>, meta?: RequestMeta]
    : [input: RequestInput<K>, meta?: RequestMeta];

export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

/** Every event name of the bridge: each request, its two outcomes, and the handler's events. */
export const EventNames: readonly EventName[] = [
  ...REQUEST_NAMES.flatMap((name) => [name, `${name}:success`, `${name}:error`] as const),
  'state:changed',
  'operation:progress',
  'operation:completed',
  'operation:failed',
  'session:expired',
  'stream:status',
  'stream:event',
  'notification:received',
];

/** The request names of each domain (user, organization, tenant, ...), as the declarations group them. */
export const REQUEST_DOMAINS = Object.fromEntries(
  Object.entries(requestDomains).map(([domain, declared]) => [domain, Object.keys(declared)]),
) as Record<RequestDomain, RequestName[]>;

export function isLongRunning(name: RequestName): name is LongRunningRequestName {
  return requests[name].longRunning;
}

export function isRequestName(value: string): value is RequestName {
  return Object.hasOwn(requests, value);
}
