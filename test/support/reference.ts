import { createBackendHandler, type BackendHandler, type BackendHandlerOptions } from '../../backend-handler';
import { isBackendError, type BackendError } from '../../errors/backend-error';
import { createWUIBridge } from '../../event-helper';
import type { Service } from '../../interfaces/service-interface';
import type { Tenant } from '../../interfaces/tenant-interface';
import type { User } from '../../interfaces/user-interface';
import { createReferenceApi, demoCredentials, type Credentials, type ReferenceApi, type SeedName } from '../../testing';
import { referenceHandlers } from '../../testing/msw';
import { recordEvents, server } from './setup';

// The one reference-API set-up of the test suite: a file calls `useReferenceApi()` once, then every test starts
// the handlers it needs with `setupReference()` (or the `signIn` that `useReferenceApi` returns). The seeded ids
// and deploy forms are in ./reference-seed.

/** Where the reference API answers (through msw); nothing real is contacted. */
export const REFERENCE_API_URL = 'http://aurora.test/api';

/** Where a test's own slow reference API answers (see {@link ReferenceOptions.operationDurationMs}). */
const SLOW_API_URL = 'http://slow.aurora.test/api';

/** Every handler polls long-running operations every millisecond, so tests wait for events, never for time. */
const POLLING = { initialMs: 1, factor: 1, maxMs: 1 };

// One reference API per seed and test file (jest loads this module once per file), created when first used.
const apis = new Map<SeedName, ReferenceApi>();
// The HTTP calls msw saw during the current test, as `METHOD /path`.
const httpCalls: string[] = [];
// Handlers started by the current test; stopped after it.
const started: BackendHandler[] = [];

/** The reference API of `seed` in this test file; every test finds it back at its seed. */
function referenceApi(seed: SeedName = 'demo'): ReferenceApi {
  let api = apis.get(seed);
  if (api === undefined) {
    api = createReferenceApi({ baseUrl: REFERENCE_API_URL, seed, operationDurationMs: 0 });
    apis.set(seed, api);
  }
  return api;
}

function recordCall({ request }: { request: Request }): void {
  httpCalls.push(`${request.method} ${new URL(request.url).pathname}`);
}

/**
 * Installs the reference API lifecycle in the calling test file: the file's one msw server listens (failing on
 * any request no handler answers); after each test, the handlers it started are stopped, every reference API
 * goes back to its seed and the msw handlers are reset.
 *
 * Returns the demo reference API, the HTTP calls of the current test (`METHOD /path`, in order) and
 * {@link signedIn}, for files whose every test starts from a signed-in handler.
 */
export function useReferenceApi() {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', recordCall);
  });
  afterEach(() => {
    for (const handler of started.splice(0)) handler.stop();
    for (const api of apis.values()) api.reset();
    server.resetHandlers();
    httpCalls.length = 0;
  });
  afterAll(() => {
    server.events.removeListener('request:start', recordCall);
    server.close();
  });
  return { api: referenceApi(), calls: httpCalls as readonly string[], signIn: signedIn };
}

export interface ReferenceOptions {
  /** `demo` (default): the demo world; `empty`: the seeded users only, without organizations or tenants. */
  seed?: SeedName;
  /**
   * How long long-running operations take, for a test that watches them run: the handler then talks to a
   * reference API of the test's own. Without it, operations have succeeded when they are accepted.
   */
  operationDurationMs?: number;
  /** More handler options (not `bridge`, `auth`, `environment` or `polling`, which the set-up owns). */
  handler?: Omit<BackendHandlerOptions, 'bridge' | 'auth' | 'environment' | 'polling'>;
}

/**
 * A started handler on a fresh bridge, talking to the reference API with the in-memory session of `login`
 * (no `auth.getAccessToken`), with its ordered event log. Call it inside a test of a file that called
 * {@link useReferenceApi}.
 */
export function setupReference(options: ReferenceOptions = {}) {
  const seed = options.seed ?? 'demo';
  const api =
    options.operationDurationMs === undefined
      ? referenceApi(seed)
      : createReferenceApi({ baseUrl: SLOW_API_URL, seed, operationDurationMs: options.operationDurationMs });
  server.use(...referenceHandlers(api));
  const listenerErrors: unknown[] = [];
  const bridge = createWUIBridge({ onListenerError: (error) => listenerErrors.push(error) });
  const log = recordEvents(bridge);
  const handler = createBackendHandler({
    // The live stream is off unless the test turns it on: these tests count the calls and events of requests.
    stream: false,
    ...options.handler,
    bridge,
    environment: { apiBaseUrl: api.baseUrl, logLevel: 'silent', timeoutMs: 5_000 },
    polling: POLLING,
  });
  handler.start();
  started.push(handler);

  /** Clears the event log and the recorded HTTP calls, so that what follows is the test's own. */
  function clearLog(): void {
    log.clear();
    httpCalls.length = 0;
  }

  /** Signs in through the bridge (`login`), then clears the log: later assertions see only what follows. */
  async function signIn(credentials: Credentials = demoCredentials): Promise<User> {
    const user = await bridge.request('login', { email: credentials.email, password: credentials.password });
    clearLog();
    return user;
  }

  return {
    api,
    bridge,
    handler,
    log,
    listenerErrors,
    /** The HTTP calls that reached the API during this test, as `METHOD /path`, in order. */
    httpCalls: httpCalls as readonly string[],
    clearLog,
    signIn,
    expectError,
  };
}

export type ReferenceContext = ReturnType<typeof setupReference>;

/** {@link setupReference}, signed in as `credentials` (the demo user by default), with an empty event log. */
async function signedIn(
  credentials: Credentials = demoCredentials,
  options: ReferenceOptions = {},
): Promise<ReferenceContext> {
  const context = setupReference(options);
  await context.signIn(credentials);
  return context;
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value: unknown) => {
      throw new Error(`expected a rejection, but the request succeeded with ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** The BackendError `promise` rejects with; fails the test when it resolves or rejects with something else. */
export async function expectError(promise: Promise<unknown>): Promise<BackendError> {
  const error = await rejectionOf(promise);
  if (!isBackendError(error)) throw new Error(`expected a BackendError, but got ${String(error)}`);
  return error;
}

// ---------------------------------------------------------------------------------------------------------------
// State look-ups that fail loudly, so that tests can chain them without optional chaining everywhere.

export function tenantOf(state: User | null, tenantId: string): Tenant {
  const tenant = state?.tenants.find((item) => item.id === tenantId);
  if (tenant === undefined) throw new Error(`tenant ${tenantId} is not in the state`);
  return tenant;
}

export function serviceOf(state: User | null, tenantId: string, serviceId: string): Service {
  const service = tenantOf(state, tenantId).services.find((item) => item.id === serviceId);
  if (service === undefined) throw new Error(`service ${serviceId} is not in tenant ${tenantId} of the state`);
  return service;
}

export function findService(state: User | null, tenantId: string, name: string): Service | undefined {
  return tenantOf(state, tenantId).services.find((item) => item.name === name);
}
