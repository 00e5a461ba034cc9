import { createUserApi } from './api/user-api-service';
import { createTransport, type AccessTokenProvider, type HttpCallInfo } from './api/http/transport';
import type { OperationImpls } from './api/operation-impl';
import { resolveEnvironment, type EnvironmentOptions, type ResolvedEnvironment } from './environment';
import { BackendError } from './errors/backend-error';
import { summarizeDetails, zodIssuesToDetails } from './errors/from-zod';
import { ADVICE } from './errors/http-status';
import { toBackendError } from './errors/to-backend-error';
import type { WUIBridge, Unsubscribe } from './event-helper';
import {
  OPERATION_NAMES,
  operations,
  type OperationName,
  type OperationParsedInput,
  type OperationResult,
  type OutcomeMeta,
  type ResolvedRequestMeta,
} from './event-names';
import { createLogger, type Logger } from './log/logger';
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
};

/** The backend handler: turns request events into REST calls and answers each with one outcome event. */
export type BackendHandler = {
  /** Starts answering request events. Calling it again does nothing. */
  start(): void;
  /** Removes every listener the handler added and cancels requests in flight (their outcome: `CANCELLED`). */
  stop(): void;
  /** Whether the handler is answering requests. */
  readonly running: boolean;
  /** The current user state tree: an immutable snapshot, `null` before `loadUser`. */
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
  const transport = createTransport({
    environment,
    getAccessToken: options.auth?.getAccessToken,
    logger,
    onCall: options.onHttpCall,
  });
  const impls: OperationImpls = { ...createUserApi(transport) };

  // Outcome event names are computed from a generic operation, which TypeScript cannot narrow to one event.
  const emitOutcome = bridge.emit.bind(bridge) as <K extends OperationName>(
    event: `${K}:success` | `${K}:error`,
    payload: OperationResult<K> | BackendError,
    meta: OutcomeMeta<K>,
  ) => void;

  let state: UserState = null;
  let subscriptions: Unsubscribe[] = [];
  const inFlight = new Map<string, AbortController>();

  async function execute<K extends OperationName>(
    operation: K,
    input: unknown,
    meta: ResolvedRequestMeta,
    signal: AbortSignal,
  ) {
    const parsed = operations[operation].input.safeParse(input);
    if (!parsed.success) {
      const details = zodIssuesToDetails(parsed.error);
      throw new BackendError({
        code: 'VALIDATION',
        message: `"${operation}" was not sent: its input is invalid (${summarizeDetails(details)}). ${ADVICE.VALIDATION}`,
        details,
        requestId: meta.requestId,
      });
    }
    const value = parsed.data as OperationParsedInput<K>;
    const impl = impls[operation] as (
      input: OperationParsedInput<K>,
      context: { requestId: string; signal: AbortSignal },
    ) => Promise<OperationResult<K>>;
    return { input: value, result: await impl(value, { requestId: meta.requestId, signal }) };
  }

  async function handle(operation: OperationName, input: unknown, meta: ResolvedRequestMeta): Promise<void> {
    const started = performance.now();
    const { requestId } = meta;
    const outcome = (): OutcomeMeta => ({
      requestId,
      operation,
      durationMs: Math.round(performance.now() - started),
    });
    if (inFlight.has(requestId)) {
      const error = new BackendError({
        code: 'VALIDATION',
        message: `"${operation}" was not sent: requestId "${requestId}" belongs to a request still in flight. Omit requestId to get a unique one.`,
        details: [{ path: 'meta.requestId', message: 'already in flight' }],
        requestId,
      });
      emitOutcome(`${operation}:error`, error, outcome());
      return;
    }
    const controller = new AbortController();
    const forwardAbort = (): void => controller.abort(meta.signal?.reason);
    if (meta.signal?.aborted) forwardAbort();
    else meta.signal?.addEventListener('abort', forwardAbort, { once: true });
    inFlight.set(requestId, controller);

    let success: Awaited<ReturnType<typeof execute>> | undefined;
    let failure: BackendError | undefined;
    try {
      if (controller.signal.aborted) throw controller.signal.reason;
      success = await execute(operation, input, meta, controller.signal);
    } catch (error) {
      failure =
        controller.signal.aborted && !(error instanceof BackendError)
          ? cancelledError(operation, requestId, controller.signal.reason)
          : toBackendError(error, operation, requestId);
    } finally {
      inFlight.delete(requestId);
      meta.signal?.removeEventListener('abort', forwardAbort);
    }
    // Outcome events are emitted outside the try: a throwing listener is the bridge's to report, and must
    // never turn a success into a second, error outcome.
    if (success === undefined) {
      logger.debug(`${operation} failed: ${failure?.code}`, { requestId });
      emitOutcome(`${operation}:error`, failure ?? cancelledError(operation, requestId, undefined), outcome());
      return;
    }
    const next = reduce(state, operation, success.result, success.input);
    if (next !== state) {
      state = next;
      bridge.emit('state:changed', state, { requestId, operation });
    }
    emitOutcome(`${operation}:success`, success.result, outcome());
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
      running = true;
      subscriptions = OPERATION_NAMES.map((operation) =>
        bridge.on(operation, (input: unknown, meta: ResolvedRequestMeta) => {
          void handle(operation, input, meta);
        }),
      );
    },
    stop() {
      if (!running) return;
      running = false;
      for (const unsubscribe of subscriptions) unsubscribe();
      subscriptions = [];
      for (const controller of inFlight.values()) {
        controller.abort(
          new BackendError({ code: 'CANCELLED', message: `The backend handler was stopped. ${ADVICE.CANCELLED}` }),
        );
      }
    },
  };
}

function cancelledError(operation: OperationName, requestId: string, reason: unknown): BackendError {
  if (reason instanceof BackendError) return reason.withRequestId(requestId);
  return new BackendError({
    code: 'CANCELLED',
    message: `"${operation}" was cancelled before it completed. ${ADVICE.CANCELLED}`,
    requestId,
    cause: reason,
  });
}
