import type { z } from 'zod';
import type { BackendError } from './errors/backend-error';
import type { Operation } from './interfaces/operation-interface';
import type { User } from './interfaces/user-interface';
import { organizationOperations } from './operations/organization-operations';
import { serviceOperations } from './operations/service-operations';
import { tenantOperations } from './operations/tenant-operations';
import { userOperations } from './operations/user-operations';

/**
 * The event map, declared once. Each key is a request event a component emits; the handler answers it with
 * exactly one `<operation>:success` (payload typed by `output`) or `<operation>:error` (a BackendError).
 */
export const operations = {
  ...userOperations,
  ...organizationOperations,
  ...tenantOperations,
  ...serviceOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a component may pass when it emits operation `K` (before validation). */
export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;
/** The validated payload the api service receives for operation `K`. */
export type OperationParsedInput<K extends OperationName> = z.output<Operations[K]['input']>;
/** The success payload of operation `K`. */
export type OperationResult<K extends OperationName> = z.output<Operations[K]['output']>;

/** Optional metadata of a request event; the bridge fills in a `requestId` when none is given. */
export type RequestMeta = {
  /** Correlates the request with its outcome event; must be unique among requests in flight. */
  requestId?: string;
  /** Aborts the request, including its HTTP call; the outcome is then a `CANCELLED` error. */
  signal?: AbortSignal;
};

/** The metadata request listeners receive: the `requestId` is always there. */
export type ResolvedRequestMeta = RequestMeta & { requestId: string };

/** Metadata of an outcome event: which request it answers, and how long it took. */
export type OutcomeMeta<K extends OperationName = OperationName> = {
  requestId: string;
  operation: K;
  durationMs: number;
};

/** Metadata of `state:changed`: the request whose outcome changed the state. */
export type StateChangeMeta = { requestId: string; operation: OperationName };

/** Metadata of `operation:*` events: the request that started the long-running operation, and its target. */
export type OperationEventMeta = {
  requestId: string;
  operation: LongRunningOperationName;
  operationId: string;
  target: Operation['target'];
};

/** Events that are not request/outcome pairs. */
export type NotificationEvents = {
  /** The handler's user state changed; `state` is the new immutable snapshot (`null` when signed out). */
  'state:changed': [state: User | null, meta: StateChangeMeta];
  /** A long-running operation moved (status or progress changed). */
  'operation:progress': [operation: Operation, meta: OperationEventMeta];
  /** A long-running operation succeeded; the state has been refreshed before this event. */
  'operation:completed': [operation: Operation, meta: OperationEventMeta];
  /** A long-running operation failed, or could no longer be followed. */
  'operation:failed': [error: BackendError, meta: OperationEventMeta];
};

export type RequestEvents = { [K in OperationName]: [input: OperationInput<K>, meta: ResolvedRequestMeta] };
export type SuccessEvents = {
  [K in OperationName as `${K}:success`]: [data: OperationResult<K>, meta: OutcomeMeta<K>];
};
export type ErrorEvents = { [K in OperationName as `${K}:error`]: [error: BackendError, meta: OutcomeMeta<K>] };

/** Every event of the bridge, mapped to its listener arguments. */
export type WUIEventMap = RequestEvents & SuccessEvents & ErrorEvents & NotificationEvents;
export type EventName = keyof WUIEventMap;
export type EventArgs<E extends EventName> = WUIEventMap[E];
/** A listener of event `E`. It may be async: a rejection is reported like a throw, never left unhandled. */
export type Listener<E extends EventName> = (...args: EventArgs<E>) => void | Promise<void>;

/** Arguments of `emit` for request events: the input (optional when the operation takes none) and optional meta. */
export type RequestEmitArgs<K extends OperationName> =
  undefined extends OperationInput<K>
    ? [input?: OperationInput<K>, meta?: RequestMeta]
    : [input: OperationInput<K>, meta?: RequestMeta];

/** Arguments of `emit(event, ...)` for any event. */
export type EmitArgs<E extends EventName> = E extends OperationName ? RequestEmitArgs<E> : EventArgs<E>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

/** Every event name of the bridge: each operation, its two outcomes, and the notification events. */
export const EventNames: readonly EventName[] = [
  ...OPERATION_NAMES.flatMap((name) => [name, `${name}:success`, `${name}:error`] as const),
  'state:changed',
  'operation:progress',
  'operation:completed',
  'operation:failed',
];

/** Operations the API answers with `202 Accepted` and a long-running operation to follow. */
export type LongRunningOperationName = {
  [K in OperationName]: Operations[K] extends { longRunning: true } ? K : never;
}[OperationName];

export function isLongRunning(name: OperationName): name is LongRunningOperationName {
  return 'longRunning' in operations[name];
}

export function isOperationName(value: string): value is OperationName {
  return Object.hasOwn(operations, value);
}
