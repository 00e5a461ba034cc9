import type { OperationStatus } from '../../../interfaces/operation-interface';
import { operationView } from '../operations';
import type { Store } from '../store';
import type { Publish, TenantAudience } from './table-watch';

/** Progress of a running operation is pushed at most this often; a change of status at once. */
export const PROGRESS_INTERVAL_MS = 1_000;

interface Sent {
  status: OperationStatus;
  progress: number;
  sentAt: number;
}

/**
 * The operations that have not ended yet, with what their last `operation.updated` said: a change of status is
 * pushed at once, progress at most once per second, and the end always. Ended operations are forgotten, so a
 * pass costs one step per operation in flight.
 */
export class OperationWatch {
  private active = new Map<string, Sent>();
  // Operations are only added (and the table only emptied by a reset): those past this count are new.
  private discovered = 0;

  constructor(private readonly store: Store) {}

  baseline(): void {
    this.active = new Map();
    this.discovered = 0;
    this.discover(undefined, () => undefined);
  }

  /** Whether an operation in flight has had its effect applied since the last pass: its records changed. */
  anySettled(): boolean {
    for (const id of this.active.keys()) if (this.store.operations.get(id)?.settled !== false) return true;
    return false;
  }

  /** Publishes new operations and those whose status or (once a second) progress changed. */
  scan(now: number, members: TenantAudience, publish: Publish): void {
    this.discover(now, publish, members);
    for (const [id, sent] of this.active) {
      const operation = this.store.operations.get(id);
      if (operation === undefined) {
        this.active.delete(id);
        continue;
      }
      const view = operationView(operation, now);
      const ended = view.status === 'succeeded' || view.status === 'failed';
      const moved = view.progress !== sent.progress && now - sent.sentAt >= PROGRESS_INTERVAL_MS;
      if (view.status !== sent.status || moved) {
        publish({ type: 'operation.updated', data: view }, members(operation.target.tenant));
        this.active.set(id, { status: view.status, progress: view.progress, sentAt: now });
      }
      if (ended) this.active.delete(id);
    }
  }

  private discover(now: number | undefined, publish: Publish, members?: TenantAudience): void {
    const { operations } = this.store;
    if (operations.size < this.discovered) this.discovered = 0;
    if (operations.size === this.discovered) return;
    let index = 0;
    for (const operation of operations.values()) {
      if (index++ < this.discovered) continue;
      const view = operationView(operation, now);
      if (now === undefined || members === undefined) {
        if (!operation.settled)
          this.active.set(operation.id, { status: view.status, progress: view.progress, sentAt: 0 });
        continue;
      }
      publish({ type: 'operation.updated', data: view }, members(operation.target.tenant));
      const ended = view.status === 'succeeded' || view.status === 'failed';
      if (!ended) this.active.set(operation.id, { status: view.status, progress: view.progress, sentAt: now });
    }
    this.discovered = operations.size;
  }
}
