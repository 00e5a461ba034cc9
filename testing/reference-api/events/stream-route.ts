import { LAST_EVENT_ID_HEADER } from '../../../api/contract/event-routes';
import { authenticate, type Caller } from '../access';
import { ApiError } from '../errors';
import { routes } from '../../../api/contract';
import { apiErrorResponse, dropped, playFault, spoilAnswer } from '../fault-answers';
import type { RouteFault } from '../faults';
import { sseRawMessage } from './sse';
import type { StreamHub, StreamSpoiler } from './stream-hub';
import type { Store } from '../store';

// A message whose data is not JSON, and one whose JSON is no event of the contract.
const MALFORMED: StreamSpoiler = (id) => sseRawMessage(id, 'service.updated', '{"injected": "malformedBody", ');
const SCHEMA_BREAKING: StreamSpoiler = (id) =>
  sseRawMessage(id, 'service.updated', JSON.stringify({ broken: true, reason: 'injected breakSchema fault' }));

/**
 * Answers `GET /events`: authenticated by the Authorization header like every route (a 401 is a JSON ErrorBody,
 * before any stream starts), then the caller's live stream from the hub. An injected `fault` is played first;
 * `malformedBody` and `breakSchema` open the stream with one spoiled message (without a valid token: a spoiled
 * JSON answer, as other routes give), `dropAfterApply` drops it.
 */
export async function answerStream(
  store: Store,
  hub: StreamHub,
  request: Request,
  requestId: string,
  fault: RouteFault | undefined,
): Promise<Response> {
  let caller: Caller | undefined;
  let failure: ApiError | undefined;
  try {
    caller = authenticate(store, request.headers.get('Authorization') ?? undefined);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = error;
  }
  if (fault !== undefined) {
    const endSession = () => {
      if (caller?.credential.type === 'session') store.sessions.delete(caller.credential.value);
    };
    const failed = await playFault('streamEvents', fault, requestId, endSession);
    if (failed !== undefined) return failed;
    if (fault.dropAfterApply === true) return dropped();
  }
  if (caller === undefined) {
    const refused = apiErrorResponse(failure ?? new ApiError('UNAUTHORIZED', 'Not signed in'), requestId);
    // As on every route, a spoiling fault answers the success status even when the route itself failed.
    return fault === undefined ? refused : spoilAnswer(routes.streamEvents, fault, refused, requestId);
  }
  const spoil = fault?.malformedBody === true ? MALFORMED : fault?.breakSchema === true ? SCHEMA_BREAKING : undefined;
  const headers = new Headers({ 'X-Request-Id': requestId });
  return hub.open(caller, request.headers.get(LAST_EVENT_ID_HEADER), request.signal, headers, spoil);
}
