import type { StreamStatus } from '../../api/stream/stream-status';
import type { BackendHandler } from '../../backend-handler';
import type { Backend } from '../../bindings/core/index';
import { CLOSED_STATUS } from '../../handler/live-updates';
import { createWUIBridge, type Claim, type IncomingRequest, type WUIBridge } from '../../event-helper';
import { EventNames, REQUEST_NAMES, type EventName, type RequestName } from '../../event-names';
import type { UserState } from '../../state/user-state';

// A bridge answered by the test itself: a fake claimant takes every request, and the test settles each one
// through the real Claim (succeed, accept, fail, notify), so it decides exactly when and how each one ends.

/** A real bridge, a claimant the test drives, and a handler stand-in whose state the test sets. */
export interface FakeBackend {
  backend: Backend;
  bridge: WUIBridge;
  claim: Claim;
  /** The requests delivered to the claimant, in order. */
  requests: IncomingRequest[];
  /** The last request delivered with `name`. */
  last(name: RequestName): IncomingRequest;
  /** Replaces the state tree and emits `state:changed`, as the handler does. */
  setState(next: UserState): void;
  /** Replaces the stream status and emits `stream:status`, as the handler does. */
  setStreamStatus(next: StreamStatus): void;
}

export function createFakeBackend(initial: UserState = null): FakeBackend {
  const bridge = createWUIBridge();
  const requests: IncomingRequest[] = [];
  const claim = bridge.claim(REQUEST_NAMES, (request) => requests.push(request));
  let state = initial;
  let status: StreamStatus = CLOSED_STATUS;
  const handler = {
    start: () => undefined,
    stop: () => claim.release(),
    running: true,
    getState: () => state,
    getStreamStatus: () => status,
    environment: {},
  } as unknown as BackendHandler;
  return {
    backend: { bridge, handler },
    bridge,
    claim,
    requests,
    last(name) {
      const found = requests.filter((request) => request.name === name).at(-1);
      if (found === undefined) throw new Error(`no ${name} request was delivered`);
      return found;
    },
    setState(next) {
      state = next;
      claim.notify('state:changed', next, { requestId: 'fake', name: 'loadUser' });
    },
    setStreamStatus(next) {
      status = next;
      claim.notify('stream:status', next);
    },
  };
}

/** How many listeners each event of `bridge` has (only events with some), to compare with a baseline. */
export function listenerCounts(bridge: WUIBridge): Partial<Record<EventName, number>> {
  return Object.fromEntries(
    EventNames.map((event) => [event, bridge.listenerCount(event)] as const).filter(([, count]) => count > 0),
  );
}
