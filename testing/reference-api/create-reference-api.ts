import { http, type HttpHandler } from 'msw';
import { createApp, type ReferenceApp } from './app';
import { seedStore, type SeedName } from './seed';
import { Store } from './store';

export type ReferenceApiOptions = {
  /** Where the API lives; msw answers `${baseUrl}/*`. Default `http://localhost:4010/api`. */
  baseUrl?: string;
  /** `demo` (default): the demo world; `empty`: only the seeded users, no organizations or tenants. */
  seed?: SeedName;
  /** How long long-running operations take, in ms (default 1500; 0 finishes them at once). */
  operationDurationMs?: number;
  /** How long an access token from `login` stays valid, in ms (default one hour). */
  sessionTtlMs?: number;
  /** Let container metrics drift slowly with time, for a live demo (default false: steady, as tests want). */
  liveMetrics?: boolean;
};

export type ReferenceApi = {
  /** msw handlers answering every request under `baseUrl` with the reference API. */
  handlers: HttpHandler[];
  /** The hono app: `app.fetch(request)` answers a fetch Request. */
  app: ReferenceApp;
  /** The in-memory state, for assertions and set-up beyond the API. */
  store: Store;
  baseUrl: string;
  /** Forgets every change: back to the seed, ids restarting. */
  reset(): void;
};

export const DEFAULT_BASE_URL = 'http://localhost:4010/api';

/** An in-memory, stateful Aurora API that follows the route contract; use it with msw or `app.fetch`. */
export function createReferenceApi(options: ReferenceApiOptions = {}): ReferenceApi {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const seed = options.seed ?? 'demo';
  const store = new Store({
    baseUrl,
    operationDurationMs: options.operationDurationMs ?? 1500,
    sessionTtlMs: options.sessionTtlMs ?? 3_600_000,
    liveMetrics: options.liveMetrics ?? false,
  });
  seedStore(store, seed);
  const app = createApp(store, new URL(baseUrl).pathname.replace(/\/+$/, ''));
  return {
    handlers: [http.all(`${baseUrl}/*`, ({ request }) => app.fetch(request))],
    app,
    store,
    baseUrl,
    reset: () => {
      store.clear();
      seedStore(store, seed);
    },
  };
}
