import { createBackendHandler, type BackendHandler, type BackendHandlerOptions } from '../../backend-handler';
import { isBackendError, type BackendError } from '../../errors/backend-error';
import { createWUIBridge } from '../../event-helper';
import type { User } from '../../interfaces/user-interface';
import { createReferenceApi, demoCredentials, type Credentials, type ReferenceApi, type SeedName } from '../../testing';
import { recordEvents, server } from './setup';

/** Where the reference API answers (through msw); nothing real is contacted. */
export const REFERENCE_API_URL = 'http://aurora.test/api';

/** Every handler polls long-running operations at once, so nothing waits on a real clock. */
const POLLING = { initialMs: 1, factor: 1, maxMs: 1 };

// One reference API per seed and test file (jest loads this module once per file), created when first used.
const apis = new Map<SeedName, ReferenceApi>();
// The HTTP calls msw saw during the current test, as `METHOD /path`.
const httpCalls: string[] = [];
// Handlers started by the current test; stopped after it.
const started: BackendHandler[] = [];

function referenceApi(seed: SeedName): ReferenceApi {
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
 */
export function useReferenceApi(): void {
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
}

export type ReferenceOptions = {
  /** `demo` (default): the demo world; `empty`: the seeded users only, without organizations or tenants. */
  seed?: SeedName;
  /** More handler options (not `bridge`, `auth`, `environment` or `polling`, which the set-up owns). */
  handler?: Omit<BackendHandlerOptions, 'bridge' | 'auth' | 'environment' | 'polling'>;
};

/**
 * A started handler on a fresh bridge, talking to the reference API with the in-memory session of `login`
 * (no `auth.getAccessToken`), with its ordered event log. Call it inside a test of a file that called
 * {@link useReferenceApi}.
 */
export function setupReference(options: ReferenceOptions = {}) {
  const api = referenceApi(options.seed ?? 'demo');
  server.use(...api.handlers);
  const listenerErrors: unknown[] = [];
  const bridge = createWUIBridge({ onListenerError: (error) => listenerErrors.push(error) });
  const log = recordEvents(bridge);
  const handler = createBackendHandler({
    ...options.handler,
    bridge,
    environment: { apiBaseUrl: REFERENCE_API_URL, logLevel: 'silent' },
    polling: POLLING,
  });
  handler.start();
  started.push(handler);

  /** Clears the event log and the recorded HTTP calls, so that what follows is the test's own. */
  function clearLog(): void {
    log.entries.length = 0;
    httpCalls.length = 0;
  }

  /** Signs in through the bridge (`login`), then clears the log: later assertions see only what follows. */
  async function signIn(credentials: Credentials = demoCredentials): Promise<User> {
    const user = await bridge.request('login', { email: credentials.email, password: credentials.password });
    clearLog();
    return user;
  }

  /** The BackendError `promise` rejects with; fails the test when it resolves or rejects with something else. */
  async function expectError(promise: Promise<unknown>): Promise<BackendError> {
    const outcome = await promise.then(
      (value: unknown) => ({ resolved: value }),
      (error: unknown) => ({ rejected: error }),
    );
    if ('resolved' in outcome) {
      throw new Error(`expected a BackendError, but the request succeeded with ${JSON.stringify(outcome.resolved)}`);
    }
    if (!isBackendError(outcome.rejected)) {
      throw new Error(`expected a BackendError, but got ${String(outcome.rejected)}`);
    }
    return outcome.rejected;
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
