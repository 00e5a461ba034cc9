import type { RouteDefinition } from '../../api/contract/define-route';
import { codeForStatus } from '../../errors/http-status';
import type { ErrorCode, ErrorDetail } from '../../errors/backend-error';
import type { ErrorReason } from '../../errors/reasons';
import { ApiError, errorBody } from './errors';
import type { RouteFault } from './faults';

// Marks the answer of an injected network error on its way through hono's middleware (which cannot carry a
// `Response.error()`); the app's fetch turns it into one.
export const DROP_HEADER = 'x-reference-api-drop';

/** An answer that the app's fetch turns into a dropped connection. */
export const dropped = (): Response => new Response(null, { status: 503, headers: { [DROP_HEADER]: '1' } });

/** The one shape of every error answer: an ErrorBody with the code's status, echoing the request id. */
export function errorResponse(
  requestId: string,
  code: ErrorCode,
  message: string,
  details?: readonly ErrorDetail[],
  status?: number,
  reason?: ErrorReason,
): Response {
  // errorBody keeps it within the limits of ErrorBodySchema, so that clients always accept it.
  const error = new ApiError(code, message, details, reason, status);
  const headers = new Headers({ 'X-Request-Id': requestId });
  if (code === 'UNAUTHORIZED') headers.set('WWW-Authenticate', 'Bearer realm="aurora"');
  return Response.json(errorBody(error, requestId), { status: error.status, headers });
}

/** The error answer of an ApiError a handler or a rule threw. */
export const apiErrorResponse = (error: ApiError, requestId: string): Response =>
  errorResponse(requestId, error.code, error.message, error.details, error.status, error.reason);

/**
 * The answer of an injected fault that replaces the route, after its delay; `undefined` lets the route run.
 * `endSession` ends the caller's access token for `expiredSession`.
 */
export async function playFault(
  routeId: string,
  fault: RouteFault,
  requestId: string,
  endSession: () => void,
): Promise<Response | undefined> {
  if (fault.delayMs !== undefined && fault.delayMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  }
  if (fault.networkError === true) return dropped();
  if (fault.expiredSession === true) {
    endSession();
    return errorResponse(requestId, 'UNAUTHORIZED', 'The access token has expired', undefined, 401, 'session_expired');
  }
  if (fault.status === undefined) return undefined;
  const message = fault.message ?? `Injected failure: ${fault.status} on ${routeId}`;
  const response = errorResponse(
    requestId,
    fault.code ?? codeForStatus(fault.status),
    message,
    undefined,
    fault.status,
  );
  if (fault.retryAfterSeconds !== undefined) response.headers.set('Retry-After', String(fault.retryAfterSeconds));
  return response;
}

// Valid JSON that no response schema of the contract accepts: every success body is an object (or empty).
const SCHEMA_BREAKING_BODY = JSON.stringify([{ broken: true, reason: 'injected breakSchema fault' }]);
const MALFORMED_BODY = '{"injected": "malformedBody", "truncated": ';

/** The answer the route gave, spoiled by a fault that lets the route run; unchanged for other faults. */
export function spoilAnswer(route: RouteDefinition, fault: RouteFault, answer: Response, requestId: string) {
  if (fault.dropAfterApply === true) return dropped();
  if (fault.malformedBody !== true && fault.breakSchema !== true) return answer;
  // A 204 cannot carry a body.
  const status = route.successStatus === 204 ? 200 : route.successStatus;
  const headers = { 'Content-Type': 'application/json', 'X-Request-Id': requestId };
  return new Response(fault.malformedBody === true ? MALFORMED_BODY : SCHEMA_BREAKING_BODY, { status, headers });
}
