import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import type { ResolvedEnvironment } from '../../environment';
import type { BackendError } from '../../errors/backend-error';
import { callNotSent } from '../../errors/messages';
import { parseWithMessages } from '../../errors/parse-input';
import type { Logger } from '../../log/logger';
import type { RouteDefinition, RouteRequest, RouteResponse } from '../contract/define-route';
import { createCallReporter, type HttpCallInfo } from './call-info';
import { createCallQueue } from './call-queue';
import { sendAttempt } from './http-attempt';
import { createResponseMemo } from './response-memo';
import { needsIdempotencyKey, newIdempotencyKey } from './idempotency-key';
import { buildPath } from './path';
import { createRetryBudget } from './retry-budget';
import { isTransient, resolveRetryPolicy, retryDelayMs, type RetryOptions } from './retry-policy';
import { secretValues } from './secret-values';
import { createSessionTokens, type TransportSession } from './session-tokens';
import { createSharedReads } from './shared-reads';
import { toSearchParams } from './search-params';
import { translateCallError, type CallSite } from './translate-error';
import { abortReason, systemClock, wait, type Clock } from './wait';

export type { HttpCallInfo } from './call-info';
export type { RetryOptions } from './retry-policy';
export type { RetryBudgetOptions } from './retry-budget';
export type { AccessTokenProvider, TransportSession } from './session-tokens';
export type { Clock } from './wait';

/** What one call carries besides its route data: correlation, cancellation and its retry allowance. */
export interface CallContext {
  requestId: string;
  signal?: AbortSignal | undefined;
  /**
   * `false`: this call is never retried; a number: at most that many retries for this call (the transport's
   * `retry` options still set the backoff and the budget). A replay after a session refresh is not a retry.
   * @default the transport's `retry.maxAttempts - 1`
   * @example false
   */
  retry?: false | number | undefined;
  /**
   * A read that must see every write that ended before it: it never joins an identical read already in
   * flight (which may have left before the write landed). Later identical reads may still join it.
   * @default false
   * @example true
   */
  fresh?: boolean | undefined;
}

export interface TransportOptions {
  environment: ResolvedEnvironment;
  logger: Logger;
  /** Called after every HTTP attempt (devtools, metrics); see {@link HttpCallInfo}. */
  onCall?: ((info: HttpCallInfo) => void) | undefined;
  /**
   * How calls are authenticated, and how a 401 refreshes the session.
   * @default undefined (no token, a 401 is final)
   * @example { getAccessToken: () => store.token, refresh: (rejected) => auth.refresh(rejected) }
   */
  session?: TransportSession | undefined;
  /**
   * How failed attempts are retried; `false` never retries. See {@link RetryOptions}.
   * @default { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000, maxRetryAfterMs: 30000 }
   * @example { maxAttempts: 5, baseDelayMs: 250 }
   */
  retry?: RetryOptions | false | undefined;
  /**
   * HTTP attempts in flight at most; more wait in submission order. Browsers open about 6 connections per
   * origin over HTTP/1.1: more in flight would only queue inside the browser, out of the caller's control.
   * @default 6
   * @example 16
   */
  maxConcurrentCalls?: number | undefined;
  /**
   * The random source of the backoff jitter, in [0, 1); for tests.
   * @default Math.random
   * @example () => 0.5
   */
  random?: (() => number) | undefined;
  /**
   * The timers of the backoff waits; for tests.
   * @default setTimeout / clearTimeout
   * @example { setTimeout: (run) => setTimeout(run, 0), clearTimeout }
   */
  clock?: Clock | undefined;
}

/** The one way the library talks HTTP: every REST call of every api service goes through `send`. */
export interface Transport {
  send<R extends RouteDefinition>(route: R, request: RouteRequest<R>, context: CallContext): Promise<RouteResponse<R>>;
}

/** A call whose route data is validated: what each of its attempts sends. */
interface PreparedCall {
  route: RouteDefinition;
  site: CallSite;
  url: string;
  body: unknown;
  bodySecrets: string[];
  token: string | undefined;
  idempotencyKey: string | undefined;
  maxRetries: number;
}

type Part = 'params' | 'query' | 'body';

function validate(schema: z.ZodType | undefined, value: unknown, site: CallSite, part: Part): unknown {
  if (schema === undefined) return undefined;
  const parsed = parseWithMessages(schema, value, part);
  if (parsed.ok) return parsed.data;
  throw callNotSent(site, part, parsed.details);
}

/** Builds the transport: one axios instance confined to `environment.apiBaseUrl`. */
export function createTransport(options: TransportOptions): Transport {
  const { environment, logger } = options;
  // Reads answered with the same bytes as the last time are not parsed and validated again (see its docs).
  const memo = createResponseMemo();
  const http: AxiosInstance = axios.create({
    baseURL: environment.apiBaseUrl,
    timeout: environment.timeoutMs,
    // Only the configured origin may be contacted: no absolute URLs, no redirects, no proxy from env vars.
    allowAbsoluteUrls: false,
    maxRedirects: 0,
    proxy: false,
    validateStatus: () => true,
    headers: { Accept: 'application/json' },
  });
  const debug = environment.logLevel === 'debug';
  const report = createCallReporter(logger, options.onCall, debug);
  // Building an attempt's report costs an object per attempt: only when someone reads it.
  const reporting = debug || options.onCall !== undefined;
  const tokens = createSessionTokens(options.session);
  const policy = resolveRetryPolicy(options.retry);
  const budget = createRetryBudget(options.retry === false ? {} : options.retry?.budget);
  const queue = createCallQueue(Math.max(1, options.maxConcurrentCalls ?? 6));
  const shared = createSharedReads();
  const random = options.random ?? Math.random;
  const clock = options.clock ?? systemClock;

  /** One attempt: waits for a slot (not reported if aborted meanwhile: nothing was sent), sends, reports. */
  async function attemptOnce(call: PreparedCall, signal: AbortSignal | undefined, attempt: number): Promise<unknown> {
    const { site, route } = call;
    if (!queue.tryAcquire()) {
      try {
        await queue.acquire(signal);
      } catch (error) {
        throw translateCallError(error, site, signal);
      }
    }
    const started = performance.now();
    try {
      const { url, body, token, idempotencyKey } = call;
      const result = await sendAttempt(http, route, site, { url, body, token, idempotencyKey, signal }, memo);
      if (reporting) report(info(site, attempt, started, route.successStatus, undefined));
      return result;
    } catch (error) {
      throw new FailedAttempt(translateCallError(error, site, signal), started);
    } finally {
      queue.release();
    }
  }

  /** Attempts the call until it succeeds, fails for good, or its signal aborts. */
  async function run(call: PreparedCall, signal: AbortSignal | undefined): Promise<unknown> {
    const { site, route } = call;
    let attempt = 0;
    let retries = 0;
    let lastRetryCost: number | undefined;
    let refreshed = false;
    for (;;) {
      attempt++;
      // A caller that left during a refresh or a backoff gets no further attempt.
      if (signal?.aborted) throw translateCallError(abortReason(signal), site, signal);
      let failed: FailedAttempt;
      try {
        const result = await attemptOnce(call, signal, attempt);
        budget.succeeded(lastRetryCost);
        return result;
      } catch (error) {
        if (!(error instanceof FailedAttempt)) throw error;
        failed = error;
      }
      const { failure, started } = failed;
      if (
        !signal?.aborted &&
        failure.status === 401 &&
        !refreshed &&
        tokens.canRefresh &&
        (route.auth ?? 'bearer') === 'bearer'
      ) {
        if (reporting) report(info(site, attempt, started, 401, failure.code));
        refreshed = true;
        if (!(await tokens.refresh(site, call.token))) throw failure;
        await readToken(call);
        continue;
      }
      const retryInMs = signal?.aborted ? undefined : retryDelay(failure, retries, call.maxRetries);
      if (reporting) report(info(site, attempt, started, failure.status, failure.code, retryInMs?.delay));
      if (retryInMs === undefined) throw failure;
      retries++;
      lastRetryCost = retryInMs.cost;
      try {
        await wait(retryInMs.delay, signal, clock);
      } catch (error) {
        throw translateCallError(error, site, signal);
      }
    }
  }

  /** The wait before the next retry and the budget it took, or `undefined` when the failure is final. */
  function retryDelay(failure: BackendError, retries: number, maxRetries: number) {
    // Every method may be retried: GET, PUT and DELETE are idempotent, POST and PATCH carry an Idempotency-Key.
    if (retries >= maxRetries || !isTransient(failure)) return undefined;
    const delay = retryDelayMs(policy, retries, failure, random);
    if (delay === undefined) return undefined;
    const cost = budget.take(failure.code === 'TIMEOUT' && failure.status === undefined);
    return cost === undefined ? undefined : { delay, cost };
  }

  async function readToken(call: PreparedCall): Promise<void> {
    if (call.route.auth === 'none') return;
    call.token = await tokens.read(call.site);
    call.site.secrets = call.token === undefined ? call.bodySecrets : [call.token, ...call.bodySecrets];
  }

  async function send<R extends RouteDefinition>(
    route: R,
    request: RouteRequest<R>,
    context: CallContext,
  ): Promise<RouteResponse<R>> {
    const site: CallSite = {
      method: route.method,
      path: route.path,
      requestId: context.requestId,
      apiBaseUrl: environment.apiBaseUrl,
      timeoutMs: environment.timeoutMs,
      secrets: [],
    };
    const { signal } = context;
    try {
      const params = validate(route.params, request.params, site, 'params') as Record<string, unknown> | undefined;
      site.path = buildPath(route.path, params);
      const query =
        route.query === undefined
          ? ''
          : toSearchParams(validate(route.query, request.query ?? {}, site, 'query')).toString();
      const body = validate(route.body, request.body, site, 'body');
      const bodySecrets = secretValues(route, body);
      site.secrets = bodySecrets;
      const call: PreparedCall = {
        route,
        site,
        url: query === '' ? site.path : `${site.path}?${query}`,
        body,
        bodySecrets,
        token: undefined,
        idempotencyKey: needsIdempotencyKey(route.method) ? newIdempotencyKey() : undefined,
        // A call may ask for fewer retries than the transport's policy, never for more.
        maxRetries: context.retry === false ? 0 : Math.min(context.retry ?? Infinity, policy.maxAttempts - 1),
      };
      await readToken(call);
      if (signal?.aborted) throw signal.reason;
      // Bytes are shared by reference and a caller may detach them: binary reads are never shared.
      if (route.method !== 'GET' || route.responseType === 'binary') {
        return (await run(call, signal)) as RouteResponse<R>;
      }
      // Calls that would retry differently (a poll never retries) do not share one attempt schedule.
      const key = `${route.id}\n${call.url}\n${call.token ?? ''}\n${call.maxRetries}`;
      if (context.fresh === true) shared.forget(key);
      return await shared.join(
        key,
        context,
        (sharedSignal) => run(call, sharedSignal) as Promise<RouteResponse<R>>,
        (own) => translateCallError(own.reason, site, own),
      );
    } catch (error) {
      throw translateCallError(error, site, signal);
    }
  }

  return { send };
}

/** An attempt that went out and failed, with when it started (for its report). */
class FailedAttempt extends Error {
  constructor(
    readonly failure: BackendError,
    readonly started: number,
  ) {
    super(failure.message);
  }
}

function info(
  site: CallSite,
  attempt: number,
  started: number,
  status: number | undefined,
  errorCode: BackendError['code'] | undefined,
  retryInMs?: number,
): HttpCallInfo {
  const call: HttpCallInfo = {
    requestId: site.requestId,
    method: site.method,
    path: site.path,
    status,
    durationMs: Math.round(performance.now() - started),
    errorCode,
    attempt,
  };
  if (retryInMs !== undefined) call.retryInMs = retryInMs;
  return call;
}
