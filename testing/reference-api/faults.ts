import type { RouteId } from '../../api/contract';
import { routes } from '../../api/contract';
import type { ErrorCode } from '../../errors/backend-error';

/**
 * A failure the reference API plays on one route, for a WUI's own tests of slow, failing or lost calls. One
 * of `status`, `networkError`, `expiredSession`, `malformedBody`, `breakSchema` and `dropAfterApply` (or none:
 * `delayMs` alone only slows the route down). The last three let the route run, so the change of a valid
 * request is applied (and kept for replay under its `Idempotency-Key`), and spoil only its answer.
 */
export interface RouteFault {
  /**
   * Wait this long before answering (or failing). Real timers: under jest's fake timers, advance them.
   * @default 0
   * @example 200
   */
  delayMs?: number;
  /**
   * Answer with this HTTP error status (400-599) and an ErrorBody, instead of running the route.
   * @default undefined (the route runs)
   * @example 503
   */
  status?: number;
  /**
   * The ErrorBody's `code` with `status`.
   * @default the code the status stands for (503: 'SERVER', 429: 'RATE_LIMITED', ...)
   * @example 'RATE_LIMITED'
   */
  code?: ErrorCode;
  /**
   * The ErrorBody's `message` with `status`.
   * @default 'Injected failure: <status> on <routeId>'
   * @example 'The database is being upgraded'
   */
  message?: string;
  /**
   * With `status` 429 or 503: the `Retry-After` header of the answer, in seconds.
   * @default undefined (no Retry-After)
   * @example 2
   */
  retryAfterSeconds?: number;
  /**
   * Drop the connection without an answer, as a lost network does (the client sees a network error).
   * @default false
   * @example true
   */
  networkError?: boolean;
  /**
   * Answer 401 as for an expired access token, and end that access token: later calls with it fail too,
   * until the client refreshes the session (its refresh token still works) or signs in again.
   * @default false
   * @example true
   */
  expiredSession?: boolean;
  /**
   * Run the route (its change is applied), then answer its success status (200 for routes answering 204)
   * with a body that is not JSON, as a broken proxy might.
   * @default false
   * @example true
   */
  malformedBody?: boolean;
  /**
   * Run the route (its change is applied), then answer its success status (200 for routes answering 204)
   * with a JSON body that breaks the route's response schema.
   * @default false
   * @example true
   */
  breakSchema?: boolean;
  /**
   * Run the route (its change is applied), then drop the connection without an answer: the client sees a
   * network error for a change the server made. A retry with the same `Idempotency-Key` replays the answer.
   * @default false
   * @example true
   */
  dropAfterApply?: boolean;
  /**
   * How many requests of the route the fault applies to; then the route behaves normally again.
   * @default Infinity (until removed or `reset()`)
   * @example 1
   */
  times?: number;
}

function check(route: RouteId, fault: RouteFault): void {
  if (!Object.hasOwn(routes, route)) throw new TypeError(`No route ${route} in the contract`);
  const outcomes = [
    fault.status !== undefined,
    fault.networkError === true,
    fault.expiredSession === true,
    fault.malformedBody === true,
    fault.breakSchema === true,
    fault.dropAfterApply === true,
  ];
  if (outcomes.filter(Boolean).length > 1) {
    throw new TypeError(
      'A fault has one outcome: status, networkError, expiredSession, malformedBody, breakSchema or dropAfterApply',
    );
  }
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)) {
    throw new TypeError(`A fault status is an HTTP error status (400-599), not ${fault.status}`);
  }
  if (fault.retryAfterSeconds !== undefined) {
    if (fault.status !== 429 && fault.status !== 503) {
      throw new TypeError('retryAfterSeconds goes with status 429 or 503');
    }
    if (!(Number.isInteger(fault.retryAfterSeconds) && fault.retryAfterSeconds >= 0)) {
      throw new TypeError('retryAfterSeconds is a whole number of seconds, 0 or more');
    }
  }
  if (fault.delayMs !== undefined && !(fault.delayMs >= 0)) throw new TypeError('delayMs is 0 or more');
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
    throw new TypeError('times is a whole number above 0');
  }
}

interface Entry {
  fault: RouteFault;
  left: number;
}

/** The faults injected per route; the newest fault of a route applies first. */
export class Faults {
  private readonly byRoute = new Map<RouteId, Entry[]>();

  /** Plays `fault` on the next requests of `route`; returns a function that removes it. */
  inject(route: RouteId, fault: RouteFault): () => void {
    check(route, fault);
    const entry: Entry = { fault, left: fault.times ?? Number.POSITIVE_INFINITY };
    const entries = this.byRoute.get(route) ?? [];
    entries.unshift(entry);
    this.byRoute.set(route, entries);
    return () => this.remove(route, entry);
  }

  /** The fault a request of `route` meets now, counting it; `undefined` when the route behaves normally. */
  take(route: RouteId): RouteFault | undefined {
    const entry = this.byRoute.get(route)?.[0];
    if (entry === undefined) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.remove(route, entry);
    return entry.fault;
  }

  /** Removes every fault. */
  clear(): void {
    this.byRoute.clear();
  }

  private remove(route: RouteId, entry: Entry): void {
    const rest = (this.byRoute.get(route) ?? []).filter((item) => item !== entry);
    if (rest.length === 0) this.byRoute.delete(route);
    else this.byRoute.set(route, rest);
  }
}
