import {
  createBackendHandler,
  createWUIBridge,
  type BackendHandler,
  type BackendHandlerOptions,
  type User,
  type WUIBridge,
  type WUIBridgeOptions,
} from '../index';
import type { LiveStreamControls, ReferenceApi } from './reference-api/create-reference-api';
import { demoCredentials, type Credentials } from './reference-api/credentials';
import type { SeedName } from './reference-api/seed';
import { startReferenceServer } from './reference-api/server';

/** Options of {@link createTestBackend}. */
export interface TestBackendOptions {
  /**
   * The world the reference API starts from: `demo` (organizations, tenants, services) or `empty` (the
   * seeded users only).
   * @default 'demo'
   * @example 'empty'
   */
  seed?: SeedName;
  /**
   * How long long-running operations take, in ms; 0 ends them when they are accepted.
   * @default 0
   * @example 1500
   */
  operationDurationMs?: number;
  /**
   * How long an access token from `login` or `refreshSession` stays valid, in ms.
   * @default 3_600_000 (1 hour)
   * @example 1_000
   */
  accessTokenTtlMs?: number;
  /**
   * How long a refresh token stays valid, in ms.
   * @default 604_800_000 (7 days)
   * @example 60_000
   */
  refreshTokenTtlMs?: number;
  /**
   * How often an open `GET /events` stream sends a heartbeat comment while idle, in ms.
   * @default 15_000
   * @example 50
   */
  heartbeatMs?: number;
  /**
   * TCP port of the reference server on 127.0.0.1; 0 picks a free one, so test files can run in parallel.
   * @default 0
   * @example 4010
   */
  port?: number;
  /**
   * Options of the bridge.
   * @default {}
   * @example { onListenerError: (error) => errors.push(error) }
   */
  bridge?: WUIBridgeOptions;
  /**
   * Options of the handler; `environment.apiBaseUrl` is always the reference server's URL.
   * @default { environment: { logLevel: 'silent', timeoutMs: 5_000 }, polling: { initialMs: 5, factor: 1.5, maxMs: 50 } }
   * @example { onHttpCall: (call) => calls.push(call) }
   */
  handler?: Omit<BackendHandlerOptions, 'bridge'>;
}

/**
 * A started reference API with a bridge and a started handler talking to it: see {@link createTestBackend}. The
 * live stream controls (`disconnectStreams`, `publishEvent`, `flushChanges`, `advanceOperations`) act on its API.
 */
export interface TestBackend extends LiveStreamControls {
  /** The bridge a WUI's components use; its handler answers every request event. */
  bridge: WUIBridge;
  /** The started handler; `dispose()` stops it. */
  handler: BackendHandler;
  /** The reference API: its store, `inject(route, fault)` for failures, `reset()` back to the seed. */
  api: ReferenceApi;
  /** The API base URL on the loopback interface, e.g. `http://127.0.0.1:40123/api`. */
  url: string;
  /** Signs in through the bridge (`login`) and resolves with the user. */
  signIn(credentials?: Credentials): Promise<User>;
  /** Stops the handler (requests in flight end `CANCELLED`) and the server; safe to call twice. */
  dispose(): Promise<void>;
  /** `await using backend = await createTestBackend()` disposes it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * A reference API served on a real loopback server (127.0.0.1, a free port), a bridge and a started handler
 * on it, built only with the package's public `createWUIBridge` and `createBackendHandler`. A real server
 * rather than msw, so that it needs no msw, exercises the handler's real HTTP stack (headers, timeouts,
 * aborts), and leaves a test file's own msw server (if any) untouched: let msw pass loopback calls through
 * (`onUnhandledRequest: 'bypass'` or a passthrough handler). Node only.
 * @example
 * const backend = await createTestBackend();
 * afterAll(() => backend.dispose());
 * await backend.signIn();
 * backend.api.inject('updateUser', { status: 503, times: 1 });
 */
export async function createTestBackend(options: TestBackendOptions = {}): Promise<TestBackend> {
  const server = await startReferenceServer({
    port: options.port ?? 0,
    seed: options.seed ?? 'demo',
    operationDurationMs: options.operationDurationMs ?? 0,
    ...(options.accessTokenTtlMs === undefined ? {} : { accessTokenTtlMs: options.accessTokenTtlMs }),
    ...(options.refreshTokenTtlMs === undefined ? {} : { refreshTokenTtlMs: options.refreshTokenTtlMs }),
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  });
  const bridge = createWUIBridge(options.bridge);
  const { environment, ...handlerOptions } = options.handler ?? {};
  const handler = createBackendHandler({
    polling: { initialMs: 5, factor: 1.5, maxMs: 50 },
    ...handlerOptions,
    bridge,
    environment: { logLevel: 'silent', timeoutMs: 5_000, ...environment, apiBaseUrl: server.url },
  });
  handler.start();
  let disposing: Promise<void> | undefined;
  const dispose = (): Promise<void> => {
    disposing ??= Promise.resolve().then(() => {
      handler.stop();
      return server.close();
    });
    return disposing;
  };
  return {
    bridge,
    handler,
    api: server.api,
    url: server.url,
    signIn: (credentials = demoCredentials) =>
      bridge.request('login', { email: credentials.email, password: credentials.password }),
    dispose,
    [Symbol.asyncDispose]: dispose,
    disconnectStreams: () => server.disconnectStreams(),
    publishEvent: (event, audience) => server.publishEvent(event, audience),
    flushChanges: () => server.flushChanges(),
    advanceOperations: (ms) => server.advanceOperations(ms),
    get openStreams() {
      return server.openStreams;
    },
  };
}
