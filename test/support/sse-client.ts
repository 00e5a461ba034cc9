import { createParser } from 'eventsource-parser';
import { LiveEventSchema, type LiveEvent } from '../../api/contract/live-events';
import { rawClient } from '../../testing/reference-api/raw-client';
import {
  demoCredentials,
  startReferenceServer,
  type Credentials,
  type ReferenceServer,
  type ReferenceServerOptions,
} from '../../testing';

// A raw `GET /events` reader for the tests of the reference API's live stream: fetch and eventsource-parser,
// nothing of the library's own stream client, so that the server is tested on its own.

/** One SSE message as it came over the wire. */
export interface SseMessage {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

export interface StreamOptions {
  /** Sent as `Last-Event-ID`. */
  lastEventId?: string;
  /** `fetch` itself by default; `api.app.fetch` reads the stream in process. */
  fetcher?: (request: Request) => Promise<Response> | Response;
}

/** An open stream: what it received so far, in order, and ways to wait for more. */
export interface SseStream {
  response: Response;
  /** Every message received, in order. */
  messages: SseMessage[];
  /** Every comment line received (`heartbeat`), in order. */
  comments: string[];
  /** Resolves when the body ends (the server closed the stream or the client aborted). */
  ended: Promise<void>;
  /** Waits until a message matches and answers the messages from the last `until` (or the start) to it. */
  until(match: (message: SseMessage) => boolean): Promise<SseMessage[]>;
  /** Waits until `count` comments arrived. */
  comment(count: number): Promise<void>;
  /** Aborts the request, as a client going away. */
  close(): void;
}

/** Opens `GET /events` at `baseUrl` with `token`; resolves once the answer's headers arrived. */
export async function openStream(baseUrl: string, token: string, options: StreamOptions = {}): Promise<SseStream> {
  const abort = new AbortController();
  const headers = new Headers({ Authorization: `Bearer ${token}`, Accept: 'text/event-stream' });
  if (options.lastEventId !== undefined) headers.set('Last-Event-ID', options.lastEventId);
  const request = new Request(`${baseUrl}/events`, { headers, signal: abort.signal });
  const response = await (options.fetcher ?? fetch)(request);
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  let done = false;
  let reader: ReadableStreamDefaultReader<string> | undefined;
  const parser = createParser({
    onEvent: (event) => {
      messages.push({ id: event.id, event: event.event, data: event.data });
      wake();
    },
    onComment: (comment) => {
      comments.push(comment.trim());
      wake();
    },
  });
  const ended = (async () => {
    const body = response.body;
    if (body === null) return;
    reader = body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.feed(chunk.value);
    } catch {
      // Aborted by the test: the stream ended.
    } finally {
      done = true;
      wake();
    }
  })();
  let cursor = 0;
  const waitFor = (ready: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ready()) {
          waiters.delete(check);
          resolve();
        } else if (done) {
          waiters.delete(check);
          reject(new Error(`the stream ended before ${what}; received ${JSON.stringify(messages.slice(cursor))}`));
        }
      };
      waiters.add(check);
      check();
    });
  return {
    response,
    messages,
    comments,
    ended,
    async until(match) {
      let found = -1;
      await waitFor(() => {
        found = messages.findIndex((message, index) => index >= cursor && match(message));
        return found >= 0;
      }, 'the awaited message');
      const taken = messages.slice(cursor, found + 1);
      cursor = found + 1;
      return taken;
    },
    comment: (count) => waitFor(() => comments.length >= count, `${count} comments`),
    // Under msw an aborted fetch leaves its body open on the client side: the reader lets go of it as well.
    close: () => {
      abort.abort();
      reader?.cancel().catch(() => undefined);
    },
  };
}

/** A message as a line of an ordered log: `<type> <what it is about>`. */
export function describeMessage(message: SseMessage): string {
  const data = JSON.parse(message.data) as Record<string, unknown>;
  const about =
    (data.status as string | undefined) !== undefined && typeof data.id === 'string'
      ? `${data.id} ${String(data.status)}`
      : typeof data.id === 'string'
        ? data.id
        : typeof data.reason === 'string'
          ? data.reason
          : '';
  return `${message.event ?? 'message'} ${about}`.trim();
}

/** The message as the contract's LiveEvent: throws when it breaks LiveEventSchema. */
export function liveEventOf(message: SseMessage): LiveEvent {
  return LiveEventSchema.parse({ id: message.id, type: message.event, data: JSON.parse(message.data) as unknown });
}

/** Signs `credentials` in on the server at `baseUrl` and answers the access token. */
export function signIn(baseUrl: string, credentials: Credentials): Promise<string> {
  return rawClient((request) => fetch(request), baseUrl).login(credentials);
}

/**
 * Loopback reference servers and raw streams for one test file: `start()` serves one, `dispose()` (in
 * `afterEach`) closes every stream and server it started.
 */
export function streamHarness() {
  const servers: ReferenceServer[] = [];
  const streams: SseStream[] = [];
  async function start(options: ReferenceServerOptions = {}) {
    const server = await startReferenceServer({ port: 0, operationDurationMs: 0, ...options });
    servers.push(server);
    const client = rawClient((request) => fetch(request), server.url);
    const open = async (token: string, lastEventId?: string) => {
      const stream = await openStream(server.url, token, lastEventId === undefined ? {} : { lastEventId });
      streams.push(stream);
      return stream;
    };
    return {
      server,
      call: client.call,
      login: client.login,
      open,
      signIn: (credentials = demoCredentials) => signIn(server.url, credentials),
    };
  }
  async function dispose(): Promise<void> {
    for (const stream of streams.splice(0)) stream.close();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  }
  return { start, dispose };
}
