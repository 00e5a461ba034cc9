import { serviceRoutes } from '../api/contract/service-routes';
import type { Transport } from '../api/http/transport';
import { isBackendError } from '../errors/backend-error';
import type { Operation } from '../interfaces/operation-interface';

/** One operation to poll, and the request id its own calls carry. */
export interface PollTarget {
  id: string;
  requestId: string;
}

/** What one poll learned of an operation: its current state, or why it could not be read. */
export type PollResult = { ok: true; operation: Operation } | { ok: false; error: unknown };

/** Reads the current state of operations, as few HTTP calls as the API allows. */
export interface OperationPoller {
  /** One result per target, by operation id; never rejects. */
  poll(targets: readonly PollTarget[], signal: AbortSignal): Promise<Map<string, PollResult>>;
}

// An API that does not know `GET /operations?ids=` (an older one) answers it with one of these.
function batchUnsupported(error: unknown): boolean {
  if (!isBackendError(error)) return false;
  return error.code === 'NOT_FOUND' || error.code === 'VALIDATION' || error.status === 405 || error.status === 501;
}

/**
 * Polls several operations with one `GET /operations?ids=` and one operation with `GET /operations/{id}`.
 * An operation missing from a batch answer is read once on its own, so that its 404 (or its late
 * appearance) is told apart from an answer that merely left it out. When the API does not know the batch
 * route, this poller polls each operation on its own from then on.
 */
export function createOperationPoller(transport: Transport): OperationPoller {
  let batching = true;

  async function pollOne(target: PollTarget, signal: AbortSignal): Promise<PollResult> {
    try {
      const operation = await transport.send(
        serviceRoutes.getOperation,
        { params: { operationId: target.id } },
        // The follower has its own backoff and honours Retry-After: the transport does not retry polls too.
        { requestId: target.requestId, signal, retry: false },
      );
      return { ok: true, operation };
    } catch (error) {
      return { ok: false, error };
    }
  }

  async function pollEach(targets: readonly PollTarget[], signal: AbortSignal, into: Map<string, PollResult>) {
    const results = await Promise.all(targets.map((target) => pollOne(target, signal)));
    targets.forEach((target, index) => into.set(target.id, results[index] as PollResult));
  }

  async function pollBatch(targets: readonly PollTarget[], signal: AbortSignal, into: Map<string, PollResult>) {
    let items: readonly Operation[];
    try {
      const ids = targets.map((target) => target.id).join(',');
      ({ items } = await transport.send(
        serviceRoutes.getOperations,
        { query: { ids } },
        // A batch serves several requests: it carries the first one's id, so that what it meets (an expired
        // session) is reported against a request the handler knows.
        { requestId: (targets[0] as PollTarget).requestId, signal, retry: false },
      ));
    } catch (error) {
      if (!batchUnsupported(error) || signal.aborted) {
        for (const target of targets) into.set(target.id, { ok: false, error });
        return;
      }
      batching = false;
      return pollEach(targets, signal, into);
    }
    const answered = new Map<string, Operation>();
    for (const item of items) if (!answered.has(item.id)) answered.set(item.id, item);
    const missing: PollTarget[] = [];
    for (const target of targets) {
      const operation = answered.get(target.id);
      if (operation === undefined) missing.push(target);
      else into.set(target.id, { ok: true, operation });
    }
    await pollEach(missing, signal, into);
  }

  return {
    async poll(targets, signal) {
      const results = new Map<string, PollResult>();
      // An id holding a comma cannot travel in `ids=`; it is polled on its own.
      const batchable = batching ? targets.filter((target) => !target.id.includes(',')) : [];
      const alone = batchable.length < 2 ? targets : targets.filter((target) => target.id.includes(','));
      await Promise.all([
        batchable.length < 2 ? undefined : pollBatch(batchable, signal, results),
        pollEach(alone, signal, results),
      ]);
      return results;
    },
  };
}
