import type { Operation, OperationKind } from '../../interfaces/operation-interface';
import { conflict } from './errors';
import { operationEnded } from './notification-drafts';
import { notify } from './notifications';
import type { OperationRecord, OperationTarget, ServiceRecord } from './records';
import type { Store } from './store';

/** Share of an operation's duration it spends `pending` before it starts `running`. */
const PENDING_SHARE = 0.2;

export interface OperationPlan {
  kind: OperationKind;
  target: OperationTarget;
  /** The service the operation works on: busy until the operation ends. */
  service: ServiceRecord;
  /** The id of the user whose request starts it: a notification tells them how it ended. */
  startedBy: string;
  failure?: OperationRecord['failure'];
  onSuccess: () => void;
  onFailure?: () => void;
}

/** 409 when `service` already has an operation in progress. */
export function ensureIdle(store: Store, service: ServiceRecord): void {
  const busy = service.busyWith === undefined ? undefined : store.operations.get(service.busyWith);
  if (busy !== undefined && !busy.settled) {
    throw conflict(
      `Service ${service.spec.name} is busy with operation ${busy.id} (${busy.kind}); wait until it ends and try again`,
      'operation_in_progress',
    );
  }
}

/** Applies the effect of every operation whose time is up, in the order they end. */
export function settleOperations(store: Store, now = Date.now()): void {
  const due = [...store.operations.values()]
    .filter((operation) => !operation.settled && now >= operation.startedAt + operation.durationMs)
    .sort((a, b) => a.startedAt + a.durationMs - (b.startedAt + b.durationMs));
  for (const operation of due) {
    operation.settled = true;
    if (operation.failure === undefined) operation.onSuccess();
    else operation.onFailure();
  }
}

/** Records a long-running operation; it succeeds (or fails) `operationDurationMs` from now. */
export function startOperation(store: Store, plan: OperationPlan): OperationRecord {
  ensureIdle(store, plan.service);
  const { service } = plan;
  const release = (effect: () => void) => () => {
    // Taken before the effect, which may replace the instances the notification names.
    const draft = operationEnded(operation, service);
    service.busyWith = undefined;
    effect();
    service.updatedAt = store.timestamp();
    notify(store, operation.startedBy === undefined ? [] : [operation.startedBy], draft);
  };
  const operation: OperationRecord = {
    id: store.nextId('op'),
    kind: plan.kind,
    target: plan.target,
    startedAt: Date.now(),
    durationMs: store.options.operationDurationMs,
    failure: plan.failure,
    settled: false,
    startedBy: plan.startedBy,
    onSuccess: release(plan.onSuccess),
    onFailure: release(plan.onFailure ?? (() => undefined)),
  };
  store.operations.set(operation.id, operation);
  service.busyWith = operation.id;
  service.updatedAt = store.timestamp();
  settleOperations(store);
  return operation;
}

/** The operations among `ids` that `userId` may see (a member of their tenant), once each, in the order asked. */
export function visibleOperations(store: Store, userId: string, ids: readonly string[]): OperationRecord[] {
  return [...new Set(ids)].flatMap((id) => {
    const operation = store.operations.get(id);
    return operation !== undefined && store.roleOf(userId, operation.target.tenant) !== undefined ? [operation] : [];
  });
}

/** The operation as it stands at `now`: pending, then running with growing progress, then final. */
export function operationView(operation: OperationRecord, now = Date.now()): Operation {
  const elapsed = Math.max(0, now - operation.startedAt);
  const { durationMs } = operation;
  const iso = (time: number) => new Date(time).toISOString();
  const base = {
    id: operation.id,
    kind: operation.kind,
    target: { ...operation.target },
    createdAt: iso(operation.startedAt),
  };
  if (operation.settled || elapsed >= durationMs) {
    const updatedAt = iso(operation.startedAt + durationMs);
    return operation.failure === undefined
      ? { ...base, status: 'succeeded', progress: 100, updatedAt }
      : { ...base, status: 'failed', progress: 100, error: { ...operation.failure }, updatedAt };
  }
  if (elapsed < durationMs * PENDING_SHARE)
    return { ...base, status: 'pending', progress: 0, updatedAt: base.createdAt };
  const progress = Math.min(99, Math.max(1, Math.round((elapsed / durationMs) * 100)));
  return { ...base, status: 'running', progress, updatedAt: iso(operation.startedAt + durationMs * PENDING_SHARE) };
}
