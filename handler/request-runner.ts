import type { Session } from '../api/session';
import type { Transport } from '../api/http/transport';
import type { BackendError } from '../errors/backend-error';
import { cancelled, defect } from '../errors/messages';
import { parseInput } from '../errors/parse-input';
import { isBackendError } from '../errors/backend-error';
import type { IncomingRequest } from '../bridge/claim';
import { requests } from '../requests/index';
import type { CallApi, RequestDeclaration } from '../requests/define-request';
import { sendInput } from '../requests/route-calls';
import type { UserState } from '../state/user-state';

/** A request carried out: its checked input and success payload, or the error to answer with. */
export type RunResult = { ok: true; input: unknown; result: unknown } | { ok: false; error: BackendError };

/**
 * Carries out one request as its declaration says: checks the input once (no HTTP call when invalid), makes
 * the call with the request's own signal, and turns every failure into a BackendError.
 */
export function createRequestRunner(transport: Transport, session: Session | undefined) {
  return async function run(request: IncomingRequest, state: UserState): Promise<RunResult> {
    const { name, requestId, signal } = request;
    const declaration: RequestDeclaration = requests[name];
    try {
      let input: unknown;
      if (declaration.parse !== undefined) {
        input = declaration.parse(request.input, { state, requestId });
      } else {
        const parsed = parseInput(declaration.input, request.input, name, requestId);
        if (!parsed.ok) return parsed;
        input = parsed.data;
      }
      const api: CallApi<RequestDeclaration['route']> = {
        route: declaration.route,
        requestId,
        session,
        send: (routeRequest) =>
          transport.send(declaration.route, routeRequest, { requestId, signal, retry: request.retry }),
      };
      const result = await (declaration.call ?? sendInput)(input, api);
      return { ok: true, input, result };
    } catch (error) {
      const aborted = signal.aborted && !isBackendError(error);
      return { ok: false, error: aborted ? cancelled(name, requestId, signal.reason) : defect(name, requestId, error) };
    }
  };
}
