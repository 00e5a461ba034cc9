import type { RouteId } from '../../api/contract';
import type { LiveEvent } from '../../api/contract/live-events';
import { createApp, type ReferenceApp } from './app';
import type { PublishedEvent } from './events/event-journal';
import { DEFAULT_HEARTBEAT_MS, StreamHub } from './events/stream-hub';
import { Faults, type RouteFault } from './faults';
import { crashInstance } from './instance-crash';
import { seedStore, type SeedName } from './seed';
import { Store } from './store';

export interface ReferenceApiOptions {
  /**
   * Where the API lives; the msw handlers (`aurora-backend-handler/testing/msw`) answer `${baseUrl}/*`.
   * @default 'http://localhost:4010/api'
   * @example 'http://aurora.test/api'
   */
  baseUrl?: string;
  /**
   * `demo`: the demo world; `empty`: only the seeded users, no organizations or tenants.
   * @default 'demo'
   * @example 'empty'
   */
  seed?: SeedName;
  /**
   * How long long-running operations take, in ms; 0 finishes them at once.
   * @default 1500
   * @example 0
   */
  operationDurationMs?: number;
  /**
   * How long an access token from `login` or `refreshSession` stays valid, in ms: small values make expiry
   * and refresh testable.
   * @default 3_600_000 (1 hour)
   * @example 1_000
   */
  accessTokenTtlMs?: number;
  /**
   * How long a refresh token stays valid, in ms; each refresh hands out a new one with this lifetime.
   * @default 604_800_000 (7 days)
   * @example 60_000
   */
  refreshTokenTtlMs?: number;
  /**
   * Let container metrics drift slowly with time, for a live demo; steady metrics suit tests.
   * @default false
   * @example true
   */
  liveMetrics?: boolean;
  /**
   * How often an open `GET /events` stream sends a heartbeat comment (`: heartbeat`) while it has nothing else
   * to send, in ms, so that idle connections stay open and clients can tell a dead one.
   * @default 15_000
   * @example 50
   */
  heartbeatMs?: number;
}

/**
 * Controls of the live stream (`GET /events`), to script it from a WUI's tests: on the reference API (msw or
 * `app.fetch`), on `startReferenceServer`'s server and on `createTestBackend`'s backend alike.
 */
export interface LiveStreamControls {
  /**
   * Ends every open stream, as a lost connection or a server restart would; clients reconnect with
   * `Last-Event-ID` and get what they missed. Answers how many streams were open.
   * @example api.disconnectStreams(); // then expect the UI to show "reconnecting", then "open"
   */
  disconnectStreams(): number;
  /**
   * Pushes `event` (checked against the contract's LiveEventSchema: a TypeError names what is wrong) to the
   * streams of `audience`, user ids, by default every user. It is numbered and kept for replay like every event.
   * Answers the event as streams send it, with its id.
   * @default audience: every user of the store
   * @example api.publishEvent({ type: 'stream.reset', data: { reason: 'too_old' } })
   */
  publishEvent(event: PublishedEvent, audience?: Iterable<string>): LiveEvent;
  /**
   * Publishes now what changed (the API does so after every request and, while a stream is open, every 200 ms):
   * for a change made on `store` directly, or to end the wait in a test.
   * @example api.store.services.get('svc-1')!.status = 'degraded'; api.store.services.get('svc-1')!.updatedAt = api.store.timestamp(); api.flushChanges();
   */
  flushChanges(): void;
  /**
   * Moves every long-running operation in flight `ms` closer to its end (all the way with `Infinity`), applies
   * those whose time is up and publishes what changed: operations end on a test's command, without waiting.
   * @default 0 (only what is due already)
   * @example api.advanceOperations(Infinity); // every deploy in flight ends now
   */
  advanceOperations(ms?: number): void;
  /** How many `GET /events` streams are open now. */
  readonly openStreams: number;
}

export interface ReferenceApi extends LiveStreamControls {
  /** The hono app: `app.fetch(request)` answers a fetch Request. */
  app: ReferenceApp;
  /** The in-memory state, for assertions and set-up beyond the API. */
  store: Store;
  baseUrl: string;
  /**
   * Plays `fault` on the next requests of `route` (a route id of the contract), in msw and real-server mode
   * alike; returns a function that removes it. The newest fault of a route applies first.
   * @example api.inject('updateUser', { status: 503, times: 1 })
   */
  inject(route: RouteId, fault: RouteFault): () => void;
  /** Forgets every change and every injected fault: back to the seed, ids restarting; open streams end. */
  reset(): void;
  /** The open streams and the change feed behind `GET /events`. */
  readonly live: StreamHub;
  /**
   * Makes an instance crash, as the passing of time might: it turns `failed`, its service `degraded`, and
   * every member of its tenant gets an `instance_crashed` notification. Throws for an unknown instance.
   * @example api.crashInstance('inst-1')
   */
  crashInstance(instanceId: string): void;
}

export const DEFAULT_BASE_URL = 'http://localhost:4010/api';

/**
 * An in-memory, stateful Aurora API that follows the route contract: serve it with `startReferenceServer`,
 * msw (`referenceHandlers` of `aurora-backend-handler/testing/msw`) or `app.fetch`. Loading it needs no msw.
 */
export function createReferenceApi(options: ReferenceApiOptions = {}): ReferenceApi {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const seed = options.seed ?? 'demo';
  const store = new Store({
    baseUrl,
    operationDurationMs: options.operationDurationMs ?? 1500,
    accessTokenTtlMs: options.accessTokenTtlMs ?? 3_600_000,
    refreshTokenTtlMs: options.refreshTokenTtlMs ?? 7 * 24 * 3_600_000,
    liveMetrics: options.liveMetrics ?? false,
  });
  seedStore(store, seed);
  const faults = new Faults();
  if (options.heartbeatMs !== undefined && !(options.heartbeatMs > 0)) {
    throw new TypeError(`heartbeatMs is a number of ms above 0, not ${String(options.heartbeatMs)}`);
  }
  const live = new StreamHub(store, { heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS });
  const app = createApp(store, new URL(baseUrl).pathname.replace(/\/+$/, ''), faults, live);
  return {
    app,
    store,
    baseUrl,
    live,
    inject: (route, fault) => faults.inject(route, fault),
    reset: () => {
      faults.clear();
      store.clear();
      seedStore(store, seed);
      live.reset();
    },
    disconnectStreams: () => live.disconnectAll(),
    publishEvent: (event, audience) => live.publish(event, audience),
    flushChanges: () => live.feed.flush(),
    advanceOperations: (ms) => live.advanceOperations(ms),
    get openStreams() {
      return live.size;
    },
    crashInstance: (instanceId) => {
      crashInstance(store, instanceId);
      // A change made outside any request: the feed publishes it now, as the passing of time would.
      live.feed.flush();
    },
  };
}
