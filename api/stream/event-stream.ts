import type { BackendError } from '../../errors/backend-error';
import {
  streamEnded,
  streamEventInvalid,
  streamEventTooLarge,
  streamSessionEnded,
  streamSilent,
  streamUnreachable,
  type HttpCall,
} from '../../errors/messages';
import { createLogger } from '../../log/logger';
import { eventRoutes } from '../contract/event-routes';
import { newIdempotencyKey } from '../http/idempotency-key';
import { createSessionTokens } from '../http/session-tokens';
import { systemClock } from '../http/wait';
import { reconnectDelayMs } from './backoff';
import { isAborted } from './aborted';
import { pumpBody, readFailure } from './body-pump';
import { connect } from './connect-attempt';
import { takeBatch } from './event-batch';
import { createEventDecoder, MAX_EVENT_CHARS, type DecodedChunk } from './event-decoder';
import type { LiveSource } from './live-source';
import { createResumePoint } from './resume-point';
import { createSilenceTimer } from './silence-timer';
import { createStatusFeed } from './status-feed';
import { resolveStartId, resolveStreamOptions, type EventStreamOptions } from './stream-options';
import type { StreamState, StreamStatus } from './stream-status';
import { streamUrl } from './stream-url';
import { pageDocument, watchVisibility } from './visibility-pause';
import { wakeableSleep } from './wakeable-sleep';

export type { EventStreamOptions, StreamBackoffOptions, StreamOptions } from './stream-options';

/** A {@link LiveSource} on its own `GET /events` connection, which tells where it would resume. */
export interface EventStream extends LiveSource {
  /** The id of the last event received: the next connection resumes after it (`Last-Event-ID`). */
  readonly lastEventId: string | undefined;
}

/** How one connection attempt ended, besides an abort (which the loop sees on its signal). */
type Ending =
  | { kind: 'unauthorized'; token: string | undefined }
  | { kind: 'closed'; error: BackendError }
  | { kind: 'failed'; error: BackendError; opened: boolean };

/**
 * The live stream: one resumable `GET /events` connection, read with `fetch` and `eventsource-parser`.
 *
 * Why `fetch` and not the axios transport or `EventSource`: axios streams a response body only on Node (in
 * browsers its XHR adapter buffers it); `fetch` streams bodies in browsers and on Node 20, msw intercepts it
 * (so tests script the stream), and it sends the `Authorization` header, which the native `EventSource`
 * cannot (it would need the token in the URL, where logs and proxies keep it).
 *
 * Every attempt reads the access token anew (never one cached by an earlier attempt) and sends the id of the
 * last event received as `Last-Event-ID`; events at or before it are dropped, so none is delivered twice.
 * A 401 refreshes the session once and reconnects at once; a refresh that fails closes the stream
 * (`UNAUTHORIZED`), as does a 403 (`FORBIDDEN`). Anything else (network, other statuses, the body ending,
 * no byte for `heartbeatTimeoutMs`) reconnects after a full-jitter backoff. An event that breaks the contract
 * is skipped and logged (`warn`, without its data); the stream goes on, and does not fetch it again.
 *
 * @example
 * const stream = createEventStream({ environment, session, logger });
 * const off = stream.subscribe({ events: (batch) => apply(batch), status: (status) => show(status) });
 * stream.open();
 */
export function createEventStream(options: EventStreamOptions): EventStream {
  const settings = resolveStreamOptions(options);
  const resume = createResumePoint(resolveStartId(options.lastEventId));
  const url = streamUrl(options.environment.apiBaseUrl, options.baseLocation);
  const logger = options.logger ?? createLogger('silent');
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  // Read at each attempt: msw (and other interceptors) replace the global after this stream was made.
  const fetchOnce: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const tokens = createSessionTokens(options.session);
  const page = options.document === undefined ? pageDocument() : (options.document ?? undefined);
  const feed = createStatusFeed({ state: 'closed', role: 'own', attempt: 0 }, logger);
  const decoder = createEventDecoder();

  let run: AbortController | undefined;
  let paused = false;
  let stopWatching: (() => void) | undefined;
  let wake: (() => void) | undefined;
  let failures = 0;
  let serverRetryMs: number | undefined;

  function report(state: StreamState, extra: { retryInMs?: number; error?: BackendError } = {}): void {
    const status: StreamStatus = { state, role: 'own', attempt: state === 'open' ? 0 : failures };
    if (resume.id !== undefined) status.lastEventId = resume.id;
    if (extra.retryInMs !== undefined) status.retryInMs = extra.retryInMs;
    if (extra.error !== undefined) status.error = extra.error;
    feed.set(status);
  }

  function newSite(): HttpCall {
    return {
      method: 'GET',
      path: eventRoutes.streamEvents.path,
      requestId: newIdempotencyKey(),
      apiBaseUrl: options.environment.apiBaseUrl,
      timeoutMs: settings.heartbeatTimeoutMs,
      secrets: [],
    };
  }

  /** Hands the events of one read to the listeners as one batch; false when the read overflowed. */
  function take(chunk: DecodedChunk, site: HttpCall): boolean {
    if (chunk.retryMs !== undefined) serverRetryMs = chunk.retryMs;
    if (chunk.heard) failures = 0;
    const batch = takeBatch(chunk, resume, (invalid) => {
      const error = streamEventInvalid(site, invalid, invalid.details);
      logger.warn(error.message, { code: error.code, id: invalid.id, type: invalid.type?.slice(0, 64) });
    });
    if (batch.length > 0) feed.deliver(batch);
    return !chunk.overflow;
  }

  /** One connection, from reading the token to the end of its body. Never throws. */
  async function attempt(site: HttpCall, signal: AbortSignal): Promise<Ending> {
    const connection = new AbortController();
    const silence = createSilenceTimer(clock, settings.heartbeatTimeoutMs, () => connection.abort());
    // Stopped at once on close or pause, not when the read loop gets to its end: close() leaves no timer.
    const stop = () => {
      silence.stop();
      connection.abort();
    };
    signal.addEventListener('abort', stop, { once: true });
    let opened = false;
    try {
      let token: string | undefined;
      try {
        token = await tokens.read(site);
      } catch (error) {
        return { kind: 'failed', error: error as BackendError, opened };
      }
      if (token !== undefined) site.secrets = [token];
      silence.touch();
      const outcome = await connect({
        fetch: fetchOnce,
        url,
        site,
        token,
        lastEventId: resume.id,
        signal: connection.signal,
      });
      if (outcome.kind === 'unauthorized') return { kind: 'unauthorized', token };
      if (outcome.kind === 'closed') return outcome;
      if (outcome.kind === 'failed') {
        return {
          kind: 'failed',
          error: silence.fired ? streamSilent(site, settings.heartbeatTimeoutMs) : outcome.error,
          opened,
        };
      }
      opened = true;
      // A stream that drops before its first event still resumes from where it started, not from "now".
      if (resume.id === undefined && outcome.startsAfter !== undefined) resume.advance(outcome.startsAfter);
      decoder.reset();
      if (!isAborted(connection.signal)) report('open');
      const end = await pumpBody(outcome.body, connection.signal, (bytes) => {
        silence.touch();
        return take(decoder.feed(bytes), site);
      });
      if (silence.fired) return { kind: 'failed', error: streamSilent(site, settings.heartbeatTimeoutMs), opened };
      if (end.kind === 'stopped') return { kind: 'failed', error: streamEventTooLarge(site, MAX_EVENT_CHARS), opened };
      if (end.kind === 'failed')
        return { kind: 'failed', error: streamUnreachable(site, readFailure(end.error)), opened };
      return { kind: 'failed', error: streamEnded(site), opened };
    } finally {
      silence.stop();
      signal.removeEventListener('abort', stop);
    }
  }

  async function backOff(error: BackendError, signal: AbortSignal): Promise<void> {
    failures++;
    const asked = [error.retryAfterMs, serverRetryMs].filter((ms): ms is number => ms !== undefined);
    const delay = reconnectDelayMs(
      settings.backoff,
      failures,
      random,
      asked.length > 0 ? Math.max(...asked) : undefined,
    );
    report('reconnecting', { retryInMs: delay, error });
    await wakeableSleep(delay, signal, clock, (cut) => {
      wake = cut;
    });
  }

  /** Connects, reads and reconnects until `signal` aborts or the API closes the stream for good. */
  async function loop(signal: AbortSignal): Promise<void> {
    let refreshed = false;
    while (!isAborted(signal)) {
      report('connecting');
      const site = newSite();
      const ending = await attempt(site, signal);
      if (isAborted(signal)) return;
      if (ending.kind === 'unauthorized') {
        if (!refreshed && tokens.canRefresh) {
          refreshed = true;
          let renewed: boolean;
          try {
            renewed = await tokens.refresh(site, ending.token);
          } catch (error) {
            if (isAborted(signal)) return;
            // The refresh did not finish (its callback threw): the next 401 may try it again.
            refreshed = false;
            await backOff(error as BackendError, signal);
            continue;
          }
          if (isAborted(signal)) return;
          if (renewed) continue;
        }
        finish(streamSessionEnded(site, refreshed));
        return;
      }
      if (ending.kind === 'closed') {
        finish(ending.error);
        return;
      }
      // A stream that opened may meet a 401 again much later (its token expired meanwhile): refresh again then.
      if (ending.opened) refreshed = false;
      await backOff(ending.error, signal);
    }
  }

  function start(): void {
    const controller = new AbortController();
    run = controller;
    loop(controller.signal).catch((error: unknown) => {
      // A defect: the loop catches what it awaits. Never an unhandled rejection; the stream is closed.
      logger.error('The live stream stopped on an unexpected error', { error: readFailure(error) });
      if (run === controller) finish(undefined);
    });
  }

  function stopRun(): void {
    run?.abort();
    run = undefined;
    wake = undefined;
  }

  function finish(error: BackendError | undefined): void {
    stopRun();
    paused = false;
    stopWatching?.();
    stopWatching = undefined;
    report('closed', error === undefined ? {} : { error });
  }

  function pause(): void {
    if (run === undefined) return;
    stopRun();
    paused = true;
    report('paused');
  }

  function resumeIfPaused(): void {
    if (!paused) return;
    paused = false;
    start();
  }

  return {
    open(): void {
      if (run !== undefined) {
        wake?.();
        return;
      }
      if (paused) {
        resumeIfPaused();
        return;
      }
      if (page !== undefined && settings.pauseWhenHiddenMs !== false) {
        stopWatching = watchVisibility(page, settings.pauseWhenHiddenMs, clock, {
          hiddenLong: pause,
          visible: resumeIfPaused,
        });
      }
      start();
    },
    close(): void {
      if (run === undefined && !paused) return;
      finish(undefined);
    },
    get status(): StreamStatus {
      return feed.status;
    },
    get lastEventId(): string | undefined {
      return resume.id;
    },
    subscribe: (listener) => feed.subscribe(listener),
  };
}
