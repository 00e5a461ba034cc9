// The backend handler: answers the bridge's requests with REST calls, and keeps the user's state tree.
import { createTransport, type AccessTokenProvider, type HttpCallInfo } from './api/http/transport';
import { createSession } from './api/session';
import type { Claim, IncomingRequest } from './bridge/claim';
import { resolveEnvironment, type EnvironmentOptions, type ResolvedEnvironment } from './environment';
import { defect } from './errors/messages';
import type { WUIBridge } from './event-helper';
import { isLongRunning, REQUEST_NAMES, requests, type OperationEventMeta, type RequestName } from './event-names';
import { createOperationFollower, type PollingOptions } from './handler/operation-follower';
import { createRequestRunner } from './handler/request-runner';
import { createServiceReloader, unchanged, type StatePatch } from './handler/service-reloader';
import type { Operation } from './interfaces/operation-interface';
import { createLogger, type Logger } from './log/logger';
import type { RequestDeclaration } from './requests/define-request';
import { deepFreeze } from './state/freeze';
import { replaceEqualDeep } from './state/structural-sharing';
import type { UserState } from './state/user-state';

export type { PollBackoff, PollingOptions } from './handler/operation-follower';

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
  /** How calls are authenticated. */
  auth?: {
    /**
     * Returns the current access token, sent as `Authorization: Bearer <token>`; it is never logged.
     * Without it, `login` keeps the session token in memory (never in web storage) and `logout` forgets it.
     * @default undefined (the session opened by `login`)
     * @example () => session.accessToken
     */
    getAccessToken?: AccessTokenProvider;
  };
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
   * How long-running operations are polled until they end: backoff, jitter, batching (one
   * `GET /operations?ids=` for many operations) and when to give up. Each option left out keeps its default;
   * an invalid one throws a `CONFIG` BackendError.
   * @default { initialMs: 250, factor: 1.5, maxMs: 2000, jitter: 0.5, batchSize: 100, batchWindowMs: 50, giveUpAfterMs: 600000, maxRetryAfterMs: 60000 }
   * @example { initialMs: 100, factor: 2, maxMs: 5000, giveUpAfterMs: 120_000 }
   */
  polling?: PollingOptions;
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
  const logger = createLogger(environment.logLevel, options.logger);
  const session = options.auth?.getAccessToken === undefined ? createSession() : undefined;
  const transport = createTransport({
    environment,
    getAccessToken: options.auth?.getAccessToken ?? session?.getAccessToken,
    logger,
    onCall: options.onHttpCall,
  });
  const run = createRequestRunner(transport, session);
  const reloader = createServiceReloader(transport, logger);

  let state: UserState = null;
  let claim: Claim | undefined;

  // Applied to the state as it is now, with no await in between, so concurrent successes never overwrite
  // each other's changes; unchanged branches keep their identity.
  function commit(change: (current: UserState) => UserState, requestId: string, name: RequestName): void {
    const next = replaceEqualDeep(state, change(state));
    if (next === state) return;
    state = deepFreeze(next);
    claim?.notify('state:changed', state, { requestId, name });
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
      claim?.notify('operation:completed', operation, meta);
    },
    // A failed operation leaves its service as the API decided (previous revision, or failed): show that.
    onFailed: async (error, meta, operation) => {
      if (operation !== undefined) await settleOperation(operation, meta);
      claim?.notify('operation:failed', error, meta);
    },
  });

  async function handle(request: IncomingRequest): Promise<void> {
    const { name, requestId } = request;
    const declaration: RequestDeclaration = requests[name];
    const answering = claim;
    try {
      const outcome = await run(request, state);
      if (!outcome.ok) {
        logger.debug(`${name} failed: ${outcome.error.code}`, { requestId });
        answering?.fail(requestId, outcome.error);
        return;
      }
      const reloads = declaration.reloads?.(outcome.input, state);
      const patch: StatePatch = reloads === undefined ? unchanged : await reloader.reload(reloads, state, requestId);
      const reduced = (current: UserState): UserState =>
        declaration.reduce === undefined ? current : declaration.reduce(current, outcome.result, outcome.input);
      commit((current) => patch(reduced(current)), requestId, name);
      if (!isLongRunning(name)) {
        answering?.succeed(requestId, outcome.result);
        return;
      }
      answering?.accept(requestId, outcome.result as Operation);
      if (claim === answering && answering !== undefined)
        follower.follow(outcome.result as Operation, { requestId, name });
    } catch (error) {
      // The runner answers every failure it can foresee; this is the last line against a defect.
      logger.error(`"${name}" failed unexpectedly`, { requestId });
      answering?.fail(requestId, defect(name, requestId, error));
    }
  }

  return {
    environment,
    get running() {
      return claim !== undefined;
    },
    getState: () => state,
    start() {
      if (claim !== undefined) return;
      claim = bridge.claim(REQUEST_NAMES, (request) => void handle(request));
    },
    stop() {
      if (claim === undefined) return;
      const releasing = claim;
      claim = undefined;
      follower.stop();
      releasing.release();
    },
  };
}
