import type { JournalEntry, PublishedEvent } from './event-journal';

// The text/event-stream wire format (WHATWG HTML, "Server-sent events"): fields `id`, `event`, `data`, one
// message per blank line; a line starting with `:` is a comment, which clients ignore (heartbeats).

const encoder = new TextEncoder();

/** One SSE message: `id`, `event` (the type) and `data` (the JSON payload, which never holds a newline). */
export function sseMessage(id: number, event: PublishedEvent): Uint8Array {
  return encoder.encode(`id: ${String(id)}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

/** A comment line, such as the heartbeat `: heartbeat`. */
export function sseComment(text: string): Uint8Array {
  return encoder.encode(`: ${text}\n\n`);
}

/** A message whose `data` is `text` as is (for the injected `malformedBody` and `breakSchema` faults). */
export function sseRawMessage(id: number, type: string, text: string): Uint8Array {
  return encoder.encode(`id: ${String(id)}\nevent: ${type}\ndata: ${text}\n\n`);
}

// Every stream that hears an entry sends the same bytes: they are encoded once.
const encoded = new WeakMap<JournalEntry, Uint8Array>();

/** The SSE message of a journal entry, encoded once for all streams. */
export function sseEntry(entry: JournalEntry): Uint8Array {
  let bytes = encoded.get(entry);
  if (bytes === undefined) {
    bytes = sseMessage(entry.id, entry.event);
    encoded.set(entry, bytes);
  }
  return bytes;
}
