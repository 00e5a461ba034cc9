import type { OperationImpls } from '../api/operation-impl';
import { BackendError, isBackendError } from '../errors/backend-error';
import { summarizeDetails, zodIssuesToDetails } from '../errors/from-zod';
import { ADVICE } from '../errors/http-status';
import { toBackendError } from '../errors/to-backend-error';
import { operations, type OperationName, type ResolvedRequestMeta } from '../event-names';

/** The result of running one request: its validated input and success payload, or the error to emit. */
export type RunResult = { ok: true; input: unknown; result: unknown } | { ok: false; error: BackendError };

function cancelled(operation: OperationName, requestId: string, reason: unknown): BackendError {
  if (isBackendError(reason)) return reason.withRequestId(requestId);
  return new BackendError({
    code: 'CANCELLED',
    message: `"${operation}" was cancelled before it completed. ${ADVICE.CANCELLED}`,
    requestId,
    cause: reason,
  });
}

/**
 * Runs requests: validates input against the operation's schema (no HTTP call when invalid), calls its
 * implementation, and turns every failure into a BackendError. Tracks requests in flight so that
 * `cancelAll` can abort them (the bridge already refuses a requestId that is in flight).
 */
export function createRequestRunner(impls: OperationImpls) {
  const inFlight = new Map<string, AbortController>();

  async function run(operation: OperationName, input: unknown, meta: ResolvedRequestMeta): Promise<RunResult> {
    const { requestId } = meta;
    const controller = new AbortController();
    const forwardAbort = (): void => controller.abort(meta.signal?.reason);
    if (meta.signal?.aborted === true) forwardAbort();
    else meta.signal?.addEventListener('abort', forwardAbort, { once: true });
    inFlight.set(requestId, controller);
    try {
      if (controller.signal.aborted)
        return { ok: false, error: cancelled(operation, requestId, controller.signal.reason) };
      const parsed = operations[operation].input.safeParse(input);
      if (!parsed.success) {
        const details = zodIssuesToDetails(parsed.error);
        const message = `"${operation}" was not sent: its input is invalid (${summarizeDetails(details)}). ${ADVICE.VALIDATION}`;
        return { ok: false, error: new BackendError({ code: 'VALIDATION', message, details, requestId }) };
      }
      const impl = impls[operation] as (
        value: unknown,
        context: { requestId: string; signal: AbortSignal },
      ) => Promise<unknown>;
      const result = await impl(parsed.data, { requestId, signal: controller.signal });
      return { ok: true, input: parsed.data, result };
    } catch (error) {
      const aborted = controller.signal.aborted && !isBackendError(error);
      return {
        ok: false,
        error: aborted
          ? cancelled(operation, requestId, controller.signal.reason)
          : toBackendError(error, operation, requestId),
      };
    } finally {
      inFlight.delete(requestId);
      meta.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  return {
    run,
    /** Aborts every request in flight with `reason`; each still gets its one outcome. */
    cancelAll(reason: BackendError): void {
      for (const controller of inFlight.values()) controller.abort(reason);
    },
  };
}
