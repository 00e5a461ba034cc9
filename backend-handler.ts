import { createAccountApi } from './api/account-api-service';
import { createEnvironmentApi } from './api/environment-api-service';
import { createTransport, type AccessTokenProvider, type HttpCallInfo } from './api/http/transport';
import { createMarketplaceApi } from './api/marketplace-api-service';
import { createOperationFollower, type PollBackoff } from './api/operation-follower';
import type { OperationImpls } from './api/operation-impl';
import { createOrganizationsApi } from './api/organizations-api-service';
import { createResourcesApi } from './api/resources-api-service';
import { createServiceApi } from './api/service-api-service';
import { createSession } from './api/session';
import { createTenantApi } from './api/tenant-api-service';
import { createUserApi } from './api/user-api-service';
import { resolveEnvironment, type EnvironmentOptions, type ResolvedEnvironment } from './environment';
import { BackendError } from './errors/backend-error';
import { ADVICE } from './errors/http-status';
import { toBackendError } from './errors/to-backend-error';
import type { Unsubscribe, WUIBridge } from './event-helper';
import {
  isLongRunning,
  OPERATION_NAMES,
  type OperationEventMeta,
  type OperationName,
  type OutcomeMeta,
  type ResolvedRequestMeta,
} from './event-names';
import { createRequestRunner, type RunResult } from './handler/request-runner';
import { createServiceReloader } from './handler/service-reloader';
import type { Operation } from './interfaces/operation-interface';
import { createLogger, type Logger } from './log/logger';
import { findTenant } from './state/tree';
import { deepFreeze } from './state/freeze';
import { replaceEqualDeep } from './state/structural-sharing';
import { reduce, type UserState } from './state/user-state';

/** Options of {@link createBackendHandler}. */
export type BackendHandlerOptions = {
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
   * How long-running operations are polled until they end.
   * @default { initialMs: 250, factor: 1.5, maxMs: 2000 }
   * @example { initialMs: 100, factor: 2, maxMs: 5000 }
   */
  polling?: PollBackoff;
};

/** The backend handler: turns request events into REST calls and answers each with one outcome event. */
export type BackendHandler = {
  /** Starts answering request events. Calling it again does nothing. */
  start(): void;
  /** Removes every listener it added, cancels requests in flight (outcome `CANCELLED`) and stops following operations. */
  stop(): void;
  /** Whether the handler is answering requests. */
  readonly running: boolean;
  /** The current user state tree: an immutable snapshot, `null` before `loadUser`/`login`. */
  getState(): UserState;
  /** The settings in force, after options, environment variables and defaults were resolved. */
  readonly environment: ResolvedEnvironment;
};

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

  let state: UserState = null;
  let subscriptions: Unsubscribe[] = [];

  const impls: OperationImpls = {
    ...createUserApi(transport, session),
    ...createOrganizationsApi(transport),
    ...createTenantApi(transport),
    ...createAccountApi(transport),
    ...createEnvironmentApi(transport),
    ...createServiceApi(transport, (tenantId) => findTenant(state, tenantId)),
    ...createMarketplaceApi(transport),
    ...createResourcesApi(transport),
  };
  const runner = createRequestRunner(impls);

  // Outcome event names are computed from a generic operation, which TypeScript cannot narrow to one event.
  const emitOutcome = bridge.emit.bind(bridge) as (
    event: `${OperationName}:success` | `${OperationName}:error`,
    payload: unknown,
    meta: OutcomeMeta,
  ) => void;

  function setState(next: UserState, requestId: string, operation: OperationName): void {
    if (next === state) return;
    state = deepFreeze(next);
    bridge.emit('state:changed', state, { requestId, operation });
  }

  const reloader = createServiceReloader(transport, logger);

  async function settleOperation(operation: Operation, meta: OperationEventMeta): Promise<void> {
    const patch = await reloader.afterOperation(operation, state, meta.requestId);
    setState(replaceEqualDeep(state, patch(state)), meta.requestId, meta.operation);
  }

  const follower = createOperationFollower({
    transport,
    backoff: options.polling,
    onProgress: (operation, meta) => bridge.emit('operation:progress', operation, meta),
    onCompleted: async (operation, meta) => {
      await settleOperation(operation, meta);
      bridge.emit('operation:completed', operation, meta);
    },
    // A failed operation leaves its service as the API decided (previous revision, or failed): show that.
    onFailed: async (error, meta, operation) => {
      if (operation !== undefined) await settleOperation(operation, meta);
      bridge.emit('operation:failed', error, meta);
    },
  });

  async function handle(operation: OperationName, input: unknown, meta: ResolvedRequestMeta): Promise<void> {
    const started = performance.now();
    let outcome: RunResult;
    try {
      outcome = await runner.run(operation, input, meta);
      if (outcome.ok) {
        const patch = await reloader.afterRequest(operation, outcome.input, state, meta.requestId);
        // Reduced from the state as it is now, with no await in between, so concurrent successes never
        // overwrite each other's changes.
        const reduced = reduce(state, operation, outcome.result as never, outcome.input as never);
        setState(replaceEqualDeep(state, patch(reduced)), meta.requestId, operation);
      }
    } catch (error) {
      // The runner answers every failure it can foresee; this is the last line against a defect.
      logger.error(`"${operation}" failed unexpectedly`, { requestId: meta.requestId });
      outcome = { ok: false, error: toBackendError(error, operation, meta.requestId) };
    }
    // Exactly one outcome, emitted outside the try: a throwing listener is the bridge's to report and must
    // never turn a success into a second, error outcome.
    const outcomeMeta: OutcomeMeta = {
      requestId: meta.requestId,
      operation,
      durationMs: Math.round(performance.now() - started),
    };
    if (!outcome.ok) {
      logger.debug(`${operation} failed: ${outcome.error.code}`, { requestId: meta.requestId });
      emitOutcome(`${operation}:error`, outcome.error, outcomeMeta);
      return;
    }
    emitOutcome(`${operation}:success`, outcome.result, outcomeMeta);
    if (isLongRunning(operation) && running) {
      follower.follow(outcome.result as Operation, { requestId: meta.requestId, operation });
    }
  }

  let running = false;
  return {
    environment,
    get running() {
      return running;
    },
    getState: () => state,
    start() {
      if (running) return;
      const release = bridge.claim(OPERATION_NAMES);
      running = true;
      subscriptions = OPERATION_NAMES.map((operation) =>
        bridge.on(operation, (input: unknown, meta: ResolvedRequestMeta) => {
          void handle(operation, input, meta);
        }),
      );
      subscriptions.push(release);
    },
    stop() {
      if (!running) return;
      running = false;
      for (const unsubscribe of subscriptions) unsubscribe();
      subscriptions = [];
      follower.stop();
      runner.cancelAll(
        new BackendError({ code: 'CANCELLED', message: `The backend handler was stopped. ${ADVICE.CANCELLED}` }),
      );
    },
  };
}
