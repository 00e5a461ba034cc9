import { http, HttpResponse } from 'msw';
import type { LiveEvent } from '../api/contract/live-events';
import type { Clock } from '../api/http/wait';
import { createEventStream, type EventStream, type EventStreamOptions } from '../api/stream/event-stream';
import type { StreamStatus } from '../api/stream/stream-status';
import type { VisibilityTarget } from '../api/stream/visibility-pause';
import type { Logger } from '../log/logger';
import { API, server } from './support/setup';

export const EVENTS_URL = `${API}/events`;

/** Settles promise chains and msw's interception: a few macrotasks. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Waits (in macrotasks, not in time) until `condition` holds; fails the test when it never does. */
export async function until(condition: () => boolean, what = 'the condition'): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${what} never held`);
}

interface TestTimer {
  id: number;
  at: number;
  ms: number;
  run: () => void;
}

/** A clock under the test's control: timers fire only when `advance` passes their time. */
export function createTestClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, TestTimer>();
  const scheduled: number[] = [];
  const clock: Clock = {
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.set(id, { id, at: now + ms, ms, run });
      scheduled.push(ms);
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
  };
  return {
    clock,
    /** Every delay asked for so far, in order. */
    scheduled,
    /** Timers set and not yet fired or cleared. */
    pending: () => timers.size,
    /** Moves time on by `ms`, firing each timer due on the way (and letting what it starts settle). */
    async advance(ms: number): Promise<void> {
      await settle();
      const end = now + ms;
      for (;;) {
        const due = [...timers.values()].filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id);
        const next = due[0];
        if (next === undefined) break;
        now = next.at;
        timers.delete(next.id);
        next.run();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}

/** A `document` whose visibility the test sets. */
export function createFakeDocument(initial: 'visible' | 'hidden' = 'visible') {
  const listeners = new Set<() => void>();
  let state: string = initial;
  const document: VisibilityTarget = {
    get visibilityState() {
      return state;
    },
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
  };
  return {
    document,
    listenerCount: () => listeners.size,
    set(next: 'visible' | 'hidden'): void {
      state = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** One `GET /events` the mock API received, and the stream it answers with. */
export interface Connection {
  authorization: string | null;
  lastEventId: string | null;
  url: string;
  send(text: string): void;
  end(): void;
  fail(): void;
}

/**
 * The mock API's `GET /events`: each request gets `respond(request, index)` when it returns a Response, or a
 * `text/event-stream` body the test writes to through its {@link Connection}.
 */
export function mockEventsRoute(respond?: (request: Request, index: number) => Response | undefined) {
  const connections: Connection[] = [];
  const requests: Array<{ url: string; authorization: string | null; lastEventId: string | null }> = [];
  const encoder = new TextEncoder();
  server.use(
    http.get(EVENTS_URL, ({ request }) => {
      const seen = {
        url: request.url,
        authorization: request.headers.get('authorization'),
        lastEventId: request.headers.get('last-event-id'),
      };
      requests.push(seen);
      const answer = respond?.(request, requests.length - 1);
      if (answer !== undefined) return answer;
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      let done = false;
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          controller = c;
        },
      });
      connections.push({
        ...seen,
        send: (text) => {
          if (!done) controller.enqueue(encoder.encode(text));
        },
        end: () => {
          if (!done) controller.close();
          done = true;
        },
        fail: () => {
          if (!done) controller.error(new Error('connection reset'));
          done = true;
        },
      });
      return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } });
    }),
  );
  return { connections, requests };
}

/** The SSE text of a valid pushed event (`tenant.deleted`, the smallest payload) with id `id`. */
export function sse(id: number | string, type = 'tenant.deleted', data: unknown = { id: `ten-${id}` }): string {
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** One line of a source's log: a status, or the ids of one batch. */
export type SourceLogEntry = string;

/** Records what a source tells its listener, as one ordered log of short lines. */
export function recordSource(source: EventStream) {
  const log: SourceLogEntry[] = [];
  const statuses: StreamStatus[] = [];
  const batches: LiveEvent[][] = [];
  const off = source.subscribe({
    events: (batch) => {
      batches.push([...batch]);
      log.push(`events ${batch.map((event) => event.id).join(',')}`);
    },
    status: (status) => {
      statuses.push(status);
      const parts = [`status ${status.state}`];
      if (status.state !== 'open') parts.push(`attempt ${status.attempt}`);
      if (status.retryInMs !== undefined) parts.push(`in ${status.retryInMs}`);
      if (status.error !== undefined) parts.push(status.error.code);
      log.push(parts.join(' '));
    },
  });
  return { log, statuses, batches, off, ids: () => batches.flat().map((event) => event.id) };
}

/** A logger that keeps what it is given. */
export function createLogSpy() {
  const lines: Array<{ level: string; message: string; fields: unknown }> = [];
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void =>
      void lines.push({ level, message, fields });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

export const TOKEN = 'stream-token-7c1d93ab';

/** A stream on the mock API with a test clock, a fixed random draw and no document unless given. */
export function streamUnderTest(overrides: Partial<EventStreamOptions> = {}) {
  const time = createTestClock();
  const spy = createLogSpy();
  const stream = createEventStream({
    environment: { apiBaseUrl: API },
    logger: spy.logger,
    session: { getAccessToken: () => TOKEN },
    clock: time.clock,
    random: () => 0.5,
    document: null,
    ...overrides,
  });
  const record = recordSource(stream);
  return { stream, time, ...record, logLines: spy.lines };
}
