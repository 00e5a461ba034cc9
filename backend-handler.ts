// The backend handler: answers the bridge's requests with REST calls, and keeps the user's state tree.
import { resolveStreamOptions } from './api/stream/stream-options';
import type { StreamStatus } from './api/stream/stream-status';
import { createTransport, type HttpCallInfo, type RetryOptions, type Transport } from './api/http/transport';
import type { Claim, IncomingRequest } from './bridge/claim';
import { resolveEnvironment, type EnvironmentOptions, type ResolvedEnvironment } from './environment';
import { defect, latestWinsOnWrite, superseded } from './errors/messages';
import type { WUIBridge } from './event-helper';
import {
  isLongRunning,
  REQUEST_NAMES,
  requests,
  type OperationEventMeta,
  type RequestName,
  type StateChangeMeta,
} from './event-names';
import { createOperationFollower, type PollingOptions } from './handler/operation-follower';
import { createReconciler } from './handler/reconcile';
import { createRequestRunner } from './handler/request-runner';
import { createHandlerAuth, type AuthOptions } from './handler/auth';
import { createLatestWins } from './handler/latest-wins';
import type { LiveStreamOptions } from './handler/live-options';
import { createLiveUpdates, LIVE_REQUEST_ID } from './handler/live-updates';
import { createServiceReloader, unchanged, type StatePatch } from './handler/service-reloader';
import { createWriteOrder, resourceKey } from './handler/write-order';
import type { BackendError } from './errors/backend-error';
import type { Operation } from './interfaces/operation-interface';
import { userRoutes } from './api/contract/user-routes';
import { createLogger, type Logger } from './log/logger';
import type { RequestDeclaration } from './requests/define-request';
import { commitState } from './state/commit-state';
import type { UserState } from './state/user-state';

export type { PollBackoff, PollingOptions } from './handler/operation-follower';
export type { AuthOptions } from './handler/auth';
export type { LiveSourceContext, LiveStreamOptions } from './handler/live-options';

/** Options of {@link createBackendHandler}. */
export interface BackendHandlerOptions {
  /** The bridge whose request events this handler answers. */
  bridge: WUIBridge;
  /**
   * Settings; each one given here overrides its environment variable and default.
   * @default {} (environment variables, then defaults)
   * @example { apiBaseUrl: 'https://api.aurora.example.com/api', timeoutMs: 10_000 }
   */
  environment?: EnvironmentOptions;
  /**
   * How calls are authenticated and sessions renewed.
   * @default {} (the session opened by `login`, renewed with its refresh token)
   * @example { getAccessToken: () => oidc.accessToken, refreshAccessToken: () => oidc.signinSilent() }
   */
  auth?: AuthOptions;
  /**
   * Receives diagnostics at `environment.logLevel` and above; never tokens, passwords or bodies.
   * @default console
   */
  logger?: Logger;
  /**
   * Called after every HTTP call with its method, path, status and duration (devtools, metrics).
   * @example (call) => timeline.push(call)
   */
  onHttpCall?: (call: HttpCallInfo) => void;
  /**
   * How failed HTTP calls are retried: network errors, timeouts, 429 and 502-504, with exponential backoff
   * and full jitter, `Retry-After` honoured, and a retry budget shared by all calls. `false` never retries;
   * a request may ask for fewer retries with its own `retry` option.
   * @default { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000, maxRetryAfterMs: 30000 }
   * @example { maxAttempts: 5 }
   */
  retry?: RetryOptions | false;
  /**
   * HTTP calls in flight at most; the others wait and start in the order they were made.
   * @default 6
   * @example 10
   */
  maxConcurrentCalls?: number;
  /**
   * How long-running operations are polled until they end: backoff, jitter, batching (one
   * `GET /operations?ids=` for many operations) and when to give up. Each option left out keeps its default;
   * an invalid one throws a `CONFIG` BackendError.
   * @default { initialMs: 250, factor: 1.5, maxMs: 2000, jitter: 0.5, batchSize: 100, batchWindowMs: 50, giveUpAfterMs: 600000, maxRetryAfterMs: 60000 }
   * @example { initialMs: 100, factor: 2, maxMs: 5000, giveUpAfterMs: 120_000 }
   */
  polling?: PollingOptions;
  /**
   * Keeps the state tree live: once a user is signed in, the handler opens the API's event stream
   * (`GET /events`), reduces every pushed change into the tree (one `state:changed` per batch of events that
   * arrived together, never rolling an entity back), and emits `stream:status`, `stream:event` and
   * `notification:received`. While the stream is open, long-running operations end by push and are not
   * polled; when it is down, polling takes over. The stream closes on sign-out, session expiry and `stop()`.
   * `false`: no stream; the tree changes only by this handler's requests, and operations are polled.
   * @default {} (on)
   * @example false
   * @example { backoff: { initialMs: 500, maxMs: 10_000 }, heartbeatTimeoutMs: 90_000, pauseWhenHiddenMs: false }
   */
  stream?: false | LiveStreamOptions;
}

/** The backend handler: turns request events into REST calls and answers each with one outcome event. */
export interface BackendHandler {
  /** Starts answering request events. Calling it again does nothing. */
  start(): void;
  /** Stops answering: requests in flight end `CANCELLED`, operations are no longer followed. */
  stop(): void;
  /** Whether the handler is answering requests. */
  readonly running: boolean;
  /** The current user state tree: an immutable snapshot, `null` before `loadUser`/`login`. */
  getState(): UserState;
  /**
   * The live stream's status as `stream:status` last reported it: for a component that starts showing the
   * connection after the stream opened. `closed` before sign-in and with `stream: false`.
   */
  getStreamStatus(): StreamStatus;
  /** The settings in force, after options, environment variables and defaults were resolved. */
  readonly environment: ResolvedEnvironment;
}

/**
 * Creates the backend handler for `options.bridge`. Settings are validated now: an invalid one throws a
 * `CONFIG` BackendError naming it.
 */
export function createBackendHandler(options: BackendHandlerOptions): BackendHandler {
  const { bridge } = options;
  const environment = resolveEnvironment(options.environment);
  // A bad stream option is a CONFIG error now, not at the first sign-in.
  if (options.stream !== false) resolveStreamOptions(options.stream);
  const logger = createLogger(environment.logLevel, options.logger);
  // The request behind each requestId still in the handler's hands, so that a session found expired by any
  // of its calls (a poll included) is reported against it.
  const requestNames = new Map<string, RequestName>();
  const { session, refresher } = createHandlerAuth(options.auth, () => transport, expire, {
    apiBaseUrl: environment.apiBaseUrl,
  });
  const transport: Transport = createTransport({
    environment,
    session: refresher,
    logger,
    onCall: options.onHttpCall,
    retry: options.retry,
    maxConcurrentCalls: options.maxConcurrentCalls,
  });
  const run = createRequestRunner(transport, session);
  const reloader = createServiceReloader(transport, logger);
  const reconciler = createReconciler(transport, reloader, logger);
  const writeOrder = createWriteOrder();
  const latestWins = createLatestWins();

  let state: UserState = null;
  let claim: Claim | undefined;

  // Applied to the state as it is now, with no await in between, so concurrent successes never overwrite
  // each other's changes; unchanged branches keep their identity.
  function commitChange(change: (current: UserState) => UserState, meta: StateChangeMeta): void {
    const next = commitState(state, change(state));
    if (next === state) return;
    const signedIn = state?.id;
    state = next;
    claim?.notify('state:changed', state, meta);
    // The stream follows the session, once the outcome that changed it has been emitted.
    if (state?.id !== signedIn) queueMicrotask(() => live.sync(claim === undefined ? null : state));
  }

  function commit(change: (current: UserState) => UserState, requestId: string, name: RequestName): void {
    commitChange(change, { requestId, name });
  }

  function endSession(error: BackendError, meta: StateChangeMeta): void {
    claim?.notify('session:expired', error, meta);
    commitChange(() => null, meta);
  }

  function expire(error: BackendError, requestId: string): void {
    if (requestId === LIVE_REQUEST_ID) return endSession(error, live.meta());
    const name = requestNames.get(requestId);
    // Every call the transport makes belongs to a request or an operation tracked here; a miss is a defect.
    if (name === undefined) logger.warn('session expired during a call of no known request', { requestId });
    endSession(error, { requestId, name: name ?? 'loadUser' });
  }

  async function settleOperation(operation: Operation, meta: OperationEventMeta): Promise<void> {
    const { removesTarget } = requests[meta.name] as RequestDeclaration;
    const patch = await reloader.afterOperation(operation, state, meta.requestId, removesTarget === true);
    commit(patch, meta.requestId, meta.name);
  }

  const follower = createOperationFollower({
    transport,
    polling: options.polling,
    onProgress: (operation, meta) => claim?.notify('operation:progress', operation, meta),
    onCompleted: async (operation, meta) => {
      await settleOperation(operation, meta);
      requestNames.delete(meta.requestId);
      claim?.notify('operation:completed', operation, meta);
    },
    // A failed operation leaves its service as the API decided (previous revision, or failed): show that.
    onFailed: async (error, meta, operation) => {
      if (operation !== undefined) await settleOperation(operation, meta);
      requestNames.delete(meta.requestId);
      claim?.notify('operation:failed', error, meta);
    },
  });

  const live = createLiveUpdates({
    options: options.stream,
    context: { environment, session: refresher, logger, onHttpCall: options.onHttpCall },
    commit: commitChange,
    notify: (event, ...args) => claim?.notify(event, ...args),
    loadUser: (requestId) => transport.send(userRoutes.loadUser, {}, { requestId, fresh: true }),
    follower,
    // A session already ended (by a renewal that failed with the stream's id) is not ended twice.
    expire: (error, meta) => {
      if (state !== null) endSession(error, meta);
    },
    logger,
  });

  async function handle(request: IncomingRequest): Promise<void> {
    const { name, requestId } = request;
    const declaration: RequestDeclaration = requests[name];
    const answering = claim;
    const isRead = declaration.route.method === 'GET';
    if (request.latestWins !== undefined) {
      if (!isRead) return answering?.fail(requestId, latestWinsOnWrite(name, requestId));
      const replaced = latestWins.enter(name, request.latestWins, requestId);
      if (replaced !== undefined) answering?.cancel(replaced, superseded(name, replaced, requestId));
    }
    requestNames.set(requestId, name);
    let followed = false;
    try {
      // Writes to one resource run in submission order, so the server and the tree end with the last one.
      followed = await (isRead
        ? answer(request, declaration, answering)
        : writeOrder.run(resourceKey(declaration.route, request.input), () => answer(request, declaration, answering)));
    } catch (error) {
      // The runner answers every failure it can foresee; this is the last line against a defect.
      logger.error(`"${name}" failed unexpectedly`, { requestId });
      answering?.fail(requestId, defect(name, requestId, error));
    } finally {
      if (request.latestWins !== undefined) latestWins.leave(name, request.latestWins, requestId);
      if (!followed) requestNames.delete(requestId);
    }
  }

  async function answer(
    request: IncomingRequest,
    declaration: RequestDeclaration,
    answering: Claim | undefined,
  ): Promise<boolean> {
    const { name, requestId } = request;
    const outcome = await run(request, state);
    if (!outcome.ok) {
      logger.debug(`${name} failed: ${outcome.error.code}`, { requestId });
      // A 404 or a lost answer tells something about the server: the tree shows it before the error.
      const patch = await reconciler.afterFailure(declaration, request.input, outcome.error, state, requestId);
      commit(patch, requestId, name);
      answering?.fail(requestId, outcome.error);
      return false;
    }
    // A read that was cancelled or superseded meanwhile brings nothing the caller still wants; a write did
    // change the server, so its answer is kept whatever happened to its caller.
    if (request.signal.aborted && declaration.route.method === 'GET') return false;
    const reloads = declaration.reloads?.(outcome.input, state, outcome.result);
    const patch: StatePatch = reloads === undefined ? unchanged : await reloader.reload(reloads, state, requestId);
    const reduced = (current: UserState): UserState =>
      declaration.reduce === undefined ? current : declaration.reduce(current, outcome.result, outcome.input);
    commit((current) => patch(reduced(current)), requestId, name);
    if (!isLongRunning(name)) {
      answering?.succeed(requestId, outcome.result);
      return false;
    }
    answering?.accept(requestId, outcome.result as Operation);
    if (claim !== answering || answering === undefined) return false;
    follower.follow(outcome.result as Operation, { requestId, name });
    return true;
  }

  return {
    environment,
    get running() {
      return claim !== undefined;
    },
    getState: () => state,
    getStreamStatus: () => live.status(),
    start() {
      if (claim !== undefined) return;
      claim = bridge.claim(REQUEST_NAMES, (request) => void handle(request));
      live.sync(state);
    },
    stop() {
      if (claim === undefined) return;
      const releasing = claim;
      live.stop();
      claim = undefined;
      follower.stop();
      requestNames.clear();
      releasing.release();
    },
  };
}
