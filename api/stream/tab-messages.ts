import * as z from 'zod';
import { BackendError, ERROR_CODES } from '../../errors/backend-error';
import { ERROR_REASONS } from '../../errors/reasons';
import { LiveEventIdSchema, LiveEventSchema, type LiveEvent } from '../contract/live-events';
import { STREAM_STATES, type StreamStatus } from './stream-status';

// What the tabs of an origin say to each other about the shared stream. Any script of the origin can post
// on the channel, so every message is checked before use, events against the contract like those read from
// the API. Messages carry events and statuses only: never a token.

/** A failure as the leader relays it: what `BackendError.toJSON()` keeps, minus the request it belonged to. */
const RelayedErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string().max(4_000),
  retryable: z.boolean(),
  status: z.number().int().optional(),
  method: z.string().max(16).optional(),
  path: z.string().max(2_000).optional(),
  retryAfterMs: z.number().nonnegative().optional(),
  reason: z.enum([...ERROR_REASONS, 'superseded']).optional(),
});

/** The leader's status as relayed: the follower adds its own role. */
const RelayedStatusSchema = z.object({
  state: z.enum(STREAM_STATES),
  attempt: z.number().int().nonnegative(),
  retryInMs: z.number().nonnegative().optional(),
  lastEventId: LiveEventIdSchema.optional(),
  error: RelayedErrorSchema.optional(),
});
export interface RelayedStatus extends z.output<typeof RelayedStatusSchema> {}

/**
 * `events`: a batch the leader received (already deduplicated), `status`: the leader's status changed (or
 * it answers `hello`), `hello`: a follower joined and asks for the status.
 */
export const TabMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('events'), events: z.array(LiveEventSchema).min(1) }),
  z.object({ kind: z.literal('status'), status: RelayedStatusSchema }),
  z.object({ kind: z.literal('hello') }),
]);
export type TabMessage = z.output<typeof TabMessageSchema>;

/** `data` as a message of the protocol, or `undefined` when it is not one. */
export function readTabMessage(data: unknown): TabMessage | undefined {
  const parsed = TabMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export const eventsMessage = (events: readonly LiveEvent[]): TabMessage => ({ kind: 'events', events: [...events] });

/** The status message for `status`: plain data, since an Error loses its fields in a structured clone. */
export function statusMessage(status: StreamStatus): TabMessage {
  const relayed: RelayedStatus = { state: status.state, attempt: status.attempt };
  if (status.retryInMs !== undefined) relayed.retryInMs = status.retryInMs;
  if (status.lastEventId !== undefined) relayed.lastEventId = status.lastEventId;
  if (status.error !== undefined) {
    const { code, message, retryable, status: httpStatus, method, path, retryAfterMs, reason } = status.error;
    relayed.error = { code, message, retryable };
    if (httpStatus !== undefined) relayed.error.status = httpStatus;
    if (method !== undefined) relayed.error.method = method;
    if (path !== undefined) relayed.error.path = path;
    if (retryAfterMs !== undefined) relayed.error.retryAfterMs = retryAfterMs;
    if (reason !== undefined) relayed.error.reason = reason;
  }
  return { kind: 'status', status: relayed };
}

/** The relayed status as a follower reports it. */
export function followerStatus(relayed: RelayedStatus, lastEventId: string | undefined): StreamStatus {
  const status: StreamStatus = { state: relayed.state, role: 'follower', attempt: relayed.attempt };
  if (relayed.retryInMs !== undefined) status.retryInMs = relayed.retryInMs;
  if (lastEventId !== undefined) status.lastEventId = lastEventId;
  if (relayed.error !== undefined) status.error = new BackendError(relayed.error);
  return status;
}
