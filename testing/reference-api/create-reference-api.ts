import type { RouteId } from '../../api/contract';
import { createApp, type ReferenceApp } from './app';
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
}

export interface ReferenceApi {
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
  /** Forgets every change and every injected fault: back to the seed, ids restarting. */
  reset(): void;
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
  const app = createApp(store, new URL(baseUrl).pathname.replace(/\/+$/, ''), faults);
  return {
    app,
    store,
    baseUrl,
    inject: (route, fault) => faults.inject(route, fault),
    reset: () => {
      faults.clear();
      store.clear();
      seedStore(store, seed);
    },
    crashInstance: (instanceId) => void crashInstance(store, instanceId),
  };
}
