import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ErrorDetail } from '../../errors/backend-error';
import { parseWithMessages } from '../../errors/parse-input';
import { LiveEventSchema, type LiveEvent } from '../contract/live-events';

/** Events longer than this (in characters, all `data:` lines together) are not read: the connection drops. */
export const MAX_EVENT_CHARS = 8_000_000;

/** A pushed event that breaks the contract: what identifies it (never its data) and where it breaks it. */
export interface InvalidEvent {
  id: string | undefined;
  type: string | undefined;
  details: ErrorDetail[];
}

/** What one network read completed. */
export interface DecodedChunk {
  /** Events that follow the contract, in the order they came. */
  events: LiveEvent[];
  /** Events that break it. */
  invalid: InvalidEvent[];
  /** Whether anything complete arrived: an event (valid or not) or a comment (a heartbeat). */
  heard: boolean;
  /** The reconnection time the API asked for with `retry:`, in ms, when this read carried one. */
  retryMs: number | undefined;
  /** Whether the read overflowed {@link MAX_EVENT_CHARS}; the decoder is then unusable until `reset`. */
  overflow: boolean;
}

/** Validates one SSE message as a pushed event: `{ id, type: event, data: JSON.parse(data) }`. */
export function decodeLiveEvent(message: EventSourceMessage): { ok: true; event: LiveEvent } | InvalidEvent {
  const { id, event: type } = message;
  let data: unknown;
  try {
    data = JSON.parse(message.data) as unknown;
  } catch {
    return { id, type, details: [{ path: 'data', message: 'is not JSON' }] };
  }
  const parsed = parseWithMessages(LiveEventSchema, { id, type, data });
  if (parsed.ok) return { ok: true, event: parsed.data };
  return { id, type, details: parsed.details };
}

/**
 * The glue between network reads and `eventsource-parser`: bytes are decoded as UTF-8 across reads, and each
 * read gives everything it completed at once (so that the events of one read are delivered as one batch).
 * One decoder per connection: `reset` before reading another response.
 */
export function createEventDecoder() {
  const text = { decoder: new TextDecoder() };
  let chunk: DecodedChunk = emptyChunk();
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (message) => {
      chunk.heard = true;
      const decoded = decodeLiveEvent(message);
      if ('ok' in decoded) chunk.events.push(decoded.event);
      else chunk.invalid.push(decoded);
    },
    onComment: () => {
      chunk.heard = true;
    },
    onRetry: (retryMs) => {
      chunk.retryMs = retryMs;
    },
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') chunk.overflow = true;
    },
  });

  return {
    /** Decodes one read's bytes. */
    feed(bytes: Uint8Array): DecodedChunk {
      chunk = emptyChunk();
      const decoded = chunk;
      if (bytes.byteLength > 0) {
        try {
          parser.feed(text.decoder.decode(bytes, { stream: true }));
        } catch {
          // A parser that overflowed throws on every further feed.
          decoded.overflow = true;
        }
      }
      return decoded;
    },
    /** Forgets a partial event and partial characters: the next bytes are a new response. */
    reset(): void {
      parser.reset();
      text.decoder = new TextDecoder();
    },
  };
}

export type EventDecoder = ReturnType<typeof createEventDecoder>;

function emptyChunk(): DecodedChunk {
  return { events: [], invalid: [], heard: false, retryMs: undefined, overflow: false };
}
