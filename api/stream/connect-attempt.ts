import { LiveEventIdSchema } from '../contract/live-events';
import type { BackendError } from '../../errors/backend-error';
import { streamNotEventStream, streamRefused, streamUnreachable, type HttpCall } from '../../errors/messages';
import { ErrorBodySchema } from '../contract/error-body';
import { LAST_EVENT_ID_HEADER } from '../contract/event-routes';

/** What one connection attempt sends. */
export interface ConnectRequest {
  fetch: typeof fetch;
  url: URL;
  site: HttpCall;
  token: string | undefined;
  lastEventId: string | undefined;
  signal: AbortSignal;
}

/**
 * How the API answered: `open` (200 `text/event-stream`, its body to read), `unauthorized` (401: refresh the
 * session), `closed` (403: the stream must not reconnect) or `failed` (anything else: reconnect later).
 */
export type ConnectOutcome =
  | {
      kind: 'open';
      body: ReadableStream<Uint8Array>;
      /** The id the API says the stream starts after (its `Last-Event-ID` answer header), when valid. */
      startsAfter: string | undefined;
    }
  | { kind: 'unauthorized' }
  | { kind: 'closed'; error: BackendError }
  | { kind: 'failed'; error: BackendError };

/** Error bodies are small; a longer one is cut there rather than read to its end. */
const MAX_ERROR_BODY_BYTES = 16_384;

/**
 * Sends `GET /events` once, with the token read for this attempt and the id to resume after. Never throws:
 * a network failure is a `failed` outcome. Redirects are not followed, so no other origin is ever contacted.
 */
export async function connect(request: ConnectRequest): Promise<ConnectOutcome> {
  const { site, signal } = request;
  const headers: Record<string, string> = { Accept: 'text/event-stream', 'X-Request-Id': site.requestId };
  if (request.token !== undefined) headers.Authorization = `Bearer ${request.token}`;
  if (request.lastEventId !== undefined) headers[LAST_EVENT_ID_HEADER] = request.lastEventId;
  let response: Response;
  try {
    response = await request.fetch(request.url.href, {
      method: 'GET',
      headers,
      signal,
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    return { kind: 'failed', error: streamUnreachable(site, networkReason(error)) };
  }
  // A browser hides a redirect it did not follow as an opaque response of status 0.
  const status = response.type === 'opaqueredirect' ? 0 : response.status;
  if (status === 200) {
    const contentType = response.headers.get('content-type');
    if (response.body !== null && contentType?.toLowerCase().startsWith('text/event-stream') === true) {
      const startsAfter = response.headers.get(LAST_EVENT_ID_HEADER) ?? undefined;
      const valid = startsAfter !== undefined && LiveEventIdSchema.safeParse(startsAfter).success;
      return { kind: 'open', body: response.body, startsAfter: valid ? startsAfter : undefined };
    }
    discard(response);
    return { kind: 'failed', error: streamNotEventStream(site, contentType) };
  }
  if (status === 401) {
    discard(response);
    return { kind: 'unauthorized' };
  }
  const body = await readErrorBody(response, signal);
  const answer = { status, retryAfter: response.headers.get('retry-after') ?? undefined, ...body };
  if (status === 403) return { kind: 'closed', error: streamRefused(site, answer, 'closed') };
  return { kind: 'failed', error: streamRefused(site, answer, 'reconnects') };
}

/** What the platform said about a failed fetch: the system's code (ECONNREFUSED) when it gave one. */
function networkReason(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause) return String(cause.code);
  return error instanceof Error ? error.message : String(error);
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** The API's message, details and reason, when the body follows the error body contract. */
async function readErrorBody(response: Response, signal: AbortSignal) {
  const text = await readText(response, signal);
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return {};
  }
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return {};
  const { message, details, reason } = parsed.data;
  return { message, details, reason };
}

async function readText(response: Response, signal: AbortSignal): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < MAX_ERROR_BODY_BYTES && !signal.aborted) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    cancel();
    return text;
  } catch {
    return text;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
