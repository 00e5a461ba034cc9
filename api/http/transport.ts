import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import type { ResolvedEnvironment } from '../../environment';
import type { BackendError } from '../../errors/backend-error';
import { callNotSent, contractViolation, tokenProviderFailed } from '../../errors/messages';
import { parseWithMessages } from '../../errors/parse-input';
import type { Logger } from '../../log/logger';
import type { RouteDefinition, RouteRequest, RouteResponse } from '../contract/define-route';
import { buildPath } from './path';
import { toSearchParams } from './search-params';
import { errorFromResponse, translateCallError, type CallSite } from './translate-error';

/** Supplies the bearer token for each call; `undefined` sends the call without one. */
export type AccessTokenProvider = () => string | undefined | null | Promise<string | undefined | null>;

/** What one call carries besides its route data: correlation and cancellation. */
export interface CallContext {
  requestId: string;
  signal?: AbortSignal | undefined;
}

/** Facts about one finished HTTP call, for devtools and metrics. Never holds headers or bodies. */
export interface HttpCallInfo {
  requestId: string;
  method: string;
  path: string;
  status: number | undefined;
  durationMs: number;
  errorCode: BackendError['code'] | undefined;
}

export interface TransportOptions {
  environment: ResolvedEnvironment;
  getAccessToken?: AccessTokenProvider | undefined;
  logger: Logger;
  onCall?: ((info: HttpCallInfo) => void) | undefined;
}

/** The one way the library talks HTTP: every REST call of every api service goes through `send`. */
export interface Transport {
  send<R extends RouteDefinition>(route: R, request: RouteRequest<R>, context: CallContext): Promise<RouteResponse<R>>;
}

type Part = 'params' | 'query' | 'body';

function validate(schema: z.ZodType | undefined, value: unknown, site: CallSite, part: Part): unknown {
  if (schema === undefined) return undefined;
  const parsed = parseWithMessages(schema, value, part);
  if (parsed.ok) return parsed.data;
  throw callNotSent(site, part, parsed.details);
}

async function readToken(getAccessToken: AccessTokenProvider | undefined, site: CallSite): Promise<string | undefined> {
  if (getAccessToken === undefined) return undefined;
  try {
    return (await getAccessToken()) ?? undefined;
  } catch (error) {
    throw tokenProviderFailed(site, error);
  }
}

/** Builds the transport: one axios instance confined to `environment.apiBaseUrl`. */
export function createTransport(options: TransportOptions): Transport {
  const { environment, getAccessToken, logger, onCall } = options;
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

  function report(call: Omit<HttpCallInfo, 'requestId' | 'durationMs'>, context: CallContext, started: number): void {
    const info: HttpCallInfo = {
      ...call,
      requestId: context.requestId,
      durationMs: Math.round(performance.now() - started),
    };
    logger.debug(`${info.method} ${info.path} -> ${info.status ?? info.errorCode ?? '?'} in ${info.durationMs} ms`, {
      requestId: info.requestId,
    });
    try {
      onCall?.(info);
    } catch (error) {
      // A devtools callback must never change the outcome of the call it observes.
      logger.warn(`onHttpCall threw: ${error instanceof Error ? error.message : String(error)}`, {
        requestId: info.requestId,
      });
    }
  }

  async function send<R extends RouteDefinition>(
    route: R,
    request: RouteRequest<R>,
    context: CallContext,
  ): Promise<RouteResponse<R>> {
    const started = performance.now();
    const site: CallSite = {
      method: route.method,
      path: route.path,
      requestId: context.requestId,
      apiBaseUrl: environment.apiBaseUrl,
      timeoutMs: environment.timeoutMs,
      secrets: [],
    };
    let status: number | undefined;
    let failure: BackendError | undefined;
    let sent = false;
    try {
      const params = validate(route.params, request.params, site, 'params') as Record<string, unknown> | undefined;
      site.path = buildPath(route.path, params);
      const query = validate(route.query, request.query ?? {}, site, 'query');
      const body = validate(route.body, request.body, site, 'body');
      const token = await readToken(getAccessToken, site);
      if (token !== undefined) site.secrets = [token];
      if (context.signal?.aborted) throw context.signal.reason;
      sent = true;
      const response = await http.request({
        method: route.method,
        url: site.path,
        params: query === undefined ? undefined : toSearchParams(query),
        data: body,
        ...(context.signal === undefined ? {} : { signal: context.signal }),
        responseType: route.responseType === 'binary' ? 'arraybuffer' : 'json',
        headers: {
          'X-Request-Id': context.requestId,
          ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        },
      });
      status = response.status;
      if (status !== route.successStatus) {
        if (status >= 200 && status < 300) throw contractViolation(site, status, route.successStatus);
        throw errorFromResponse(
          status,
          decodeErrorBody(response.data),
          site,
          headerValue(response.headers['retry-after']),
        );
      }
      if (route.successStatus === 204) return undefined as RouteResponse<R>;
      if (route.responseType === 'binary') {
        const bytes = toArrayBuffer(response.data);
        if (bytes === undefined) throw contractViolation(site, status, route.successStatus);
        return bytes as RouteResponse<R>;
      }
      const parsed = parseWithMessages(route.response, response.data, 'response');
      if (!parsed.ok) throw contractViolation(site, status, route.successStatus, parsed.details);
      return parsed.data as RouteResponse<R>;
    } catch (error) {
      failure = translateCallError(error, site, context.signal);
      throw failure;
    } finally {
      // Only calls that went out are reported: a request refused before sending made no HTTP call.
      if (sent) report({ method: site.method, path: site.path, status, errorCode: failure?.code }, context, started);
    }
  }

  return { send };
}

function headerValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// axios gives a Buffer on Node and an ArrayBuffer in browsers; callers always get an ArrayBuffer.
function toArrayBuffer(data: unknown): ArrayBuffer | undefined {
  if (data instanceof ArrayBuffer) return data;
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer;
  }
  return undefined;
}

// Binary routes receive their error bodies as bytes too.
function decodeErrorBody(data: unknown): unknown {
  if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return data;
  try {
    return JSON.parse(new TextDecoder().decode(toArrayBuffer(data) ?? new ArrayBuffer(0))) as unknown;
  } catch {
    return undefined;
  }
}
