import { LiveEventIdSchema, type LiveEvent } from '../contract/live-events';
import type { DecodedChunk, InvalidEvent } from './event-decoder';
import type { ResumePoint } from './resume-point';

/**
 * The events of one read that are delivered, as one batch, and where the stream resumes after them. An event
 * at or before the resume point is a replay and is dropped; a `stream.reset` is always delivered and starts
 * the numbering over from its id (the API lost its buffer, or restarted). An event that breaks the contract
 * is handed to `skipped` and the resume point moves past it, so that a reconnect does not fetch it again.
 */
export function takeBatch(
  chunk: DecodedChunk,
  resume: ResumePoint,
  skipped: (event: InvalidEvent) => void,
): LiveEvent[] {
  const batch: LiveEvent[] = [];
  for (const event of chunk.events) {
    if (event.type !== 'stream.reset' && !resume.isNew(event.id)) continue;
    resume.advance(event.id);
    batch.push(event);
  }
  for (const invalid of chunk.invalid) {
    skipped(invalid);
    const { id } = invalid;
    if (id !== undefined && LiveEventIdSchema.safeParse(id).success && resume.isNew(id)) resume.advance(id);
  }
  return batch;
}
