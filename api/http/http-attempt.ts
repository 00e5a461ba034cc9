import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import { contractViolation } from '../../errors/messages';
import { parseWithMessages } from '../../errors/parse-input';
import type { RouteDefinition } from '../contract/define-route';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key';
import { decodeJson, type ResponseMemo } from './response-memo';
import { errorFromResponse, type CallSite } from './translate-error';

/** One HTTP exchange of a call: what is sent besides the route and the site. */
export interface AttemptRequest {
  /** The built path with its query string. */
  url: string;
  body: unknown;
  token: string | undefined;
  idempotencyKey: string | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Sends one attempt and reads its answer: the route's success status gives the parsed body (bytes for binary
 * routes); any other status throws the BackendError it stands for (with `status`).
 */
export async function sendAttempt(
  http: AxiosInstance,
  route: RouteDefinition,
  site: CallSite,
  request: AttemptRequest,
  memo: ResponseMemo,
): Promise<unknown> {
  const headers: Record<string, string> = { 'X-Request-Id': site.requestId };
  if (request.token !== undefined) headers.Authorization = `Bearer ${request.token}`;
  if (request.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = request.idempotencyKey;
  const config: AxiosRequestConfig = {
    method: route.method,
    url: request.url,
    data: request.body,
    // JSON is parsed here, from the text: a read answered with the bytes of its last answer is not parsed again.
    responseType: route.responseType === 'binary' ? 'arraybuffer' : 'text',
    headers,
  };
  if (request.signal !== undefined) config.signal = request.signal;
  const response = await http.request(config);
  const { status } = response;
  if (status !== route.successStatus) {
    if (status >= 200 && status < 300) throw contractViolation(site, status, route.successStatus);
    throw errorFromResponse(status, decodeErrorBody(response.data), site, headerValue(response.headers['retry-after']));
  }
  if (route.successStatus === 204) return undefined;
  if (route.responseType === 'binary') {
    const bytes = toArrayBuffer(response.data);
    if (bytes === undefined) throw contractViolation(site, status, route.successStatus);
    return bytes;
  }
  const text = typeof response.data === 'string' ? response.data : '';
  const parsed =
    route.method === 'GET'
      ? memo.parse(`${route.id} ${request.url}`, route.response, text, 'response')
      : parseWithMessages(route.response, decodeJson(text), 'response');
  if (!parsed.ok) throw contractViolation(site, status, route.successStatus, parsed.details);
  return parsed.data;
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

// JSON routes receive their error bodies as text, binary routes as bytes.
function decodeErrorBody(data: unknown): unknown {
  if (typeof data === 'string') return decodeJson(data);
  if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return data;
  try {
    return JSON.parse(new TextDecoder().decode(toArrayBuffer(data) ?? new ArrayBuffer(0))) as unknown;
  } catch {
    return undefined;
  }
}
