import * as z from 'zod';
import { MAX_OPERATION_IDS } from '../api/contract/service-routes';
import { invalidPollingOption } from '../errors/messages';

/**
 * How long-running operations are polled until they end. Every option is optional; those left out keep their
 * default. Operations followed at the same time are polled together, `batchSize` per `GET /operations?ids=`.
 */
export interface PollingOptions {
  /**
   * Wait before an operation's first poll, in ms.
   * @default 250
   * @example 100
   */
  initialMs?: number;
  /**
   * Each next wait of an operation is this many times its previous one (after a successful poll or a failed one).
   * @default 1.5
   * @example 2
   */
  factor?: number;
  /**
   * Longest wait between two polls of an operation, in ms.
   * @default 2000
   * @example 5000
   */
  maxMs?: number;
  /**
   * Share of each wait drawn at random, so that clients started together do not poll together: a wait `w`
   * becomes a random time between `w × (1 − jitter)` and `w`. 0 turns jitter off, 0.5 is "equal jitter",
   * 1 is "full jitter". Operations one handler polls together draw together, so that they stay in one call.
   * @default 0.5
   * @example 0
   */
  jitter?: number;
  /**
   * Most operations asked for in one `GET /operations?ids=` call, 1 to 100. With 1, each operation is polled
   * on its own with `GET /operations/{id}`.
   * @default 100
   * @example 20
   */
  batchSize?: number;
  /**
   * When a poll leaves, it takes along, in the same call, every operation whose jitter range has begun or
   * begins within this many ms (so polling it now is never earlier than its backoff allows, less this window).
   * @default 50
   * @example 200
   */
  batchWindowMs?: number;
  /**
   * An operation whose polls all failed (network, timeout, 5xx, 429, malformed answers) for this long, in ms,
   * is reported `operation:failed`: its last poll is made at that deadline. Failed polls before it are retried.
   * @default 600000 (10 minutes)
   * @example 120_000
   */
  giveUpAfterMs?: number;
  /**
   * Longest `Retry-After` honoured, in ms: after a 429 or 503 that carries one, no poll leaves before it has
   * passed, up to this cap.
   * @default 60000
   * @example 30_000
   */
  maxRetryAfterMs?: number;
}

/** {@link PollingOptions} with every default applied, validated. */
export type ResolvedPolling = Readonly<Required<PollingOptions>>;

/** The backoff fields of {@link PollingOptions}: the whole `polling` option of earlier versions. */
export type PollBackoff = Pick<PollingOptions, 'initialMs' | 'factor' | 'maxMs'>;

// setTimeout fires at once for longer delays.
const MAX_TIMER_MS = 2_147_483_647;
const milliseconds = (min: number) => z.number().min(min).max(MAX_TIMER_MS);

interface PollingSetting {
  key: keyof PollingOptions;
  defaultValue: number;
  accepted: string;
  schema: z.ZodType<number>;
}

/** Every polling option with its default and the form it accepts. */
export const POLLING_SETTINGS: readonly PollingSetting[] = [
  { key: 'initialMs', defaultValue: 250, accepted: 'milliseconds from 0, e.g. 250', schema: milliseconds(0) },
  {
    key: 'factor',
    defaultValue: 1.5,
    accepted: 'a number from 1 to 100, e.g. 1.5',
    schema: z.number().min(1).max(100),
  },
  { key: 'maxMs', defaultValue: 2_000, accepted: 'milliseconds from 0, e.g. 2000', schema: milliseconds(0) },
  { key: 'jitter', defaultValue: 0.5, accepted: 'a share from 0 to 1, e.g. 0.5', schema: z.number().min(0).max(1) },
  {
    key: 'batchSize',
    defaultValue: MAX_OPERATION_IDS,
    accepted: `a whole number from 1 to ${MAX_OPERATION_IDS}`,
    schema: z.number().int().min(1).max(MAX_OPERATION_IDS),
  },
  { key: 'batchWindowMs', defaultValue: 50, accepted: 'milliseconds from 0, e.g. 50', schema: milliseconds(0) },
  {
    key: 'giveUpAfterMs',
    defaultValue: 600_000,
    accepted: 'milliseconds from 1, e.g. 600000',
    schema: milliseconds(1),
  },
  {
    key: 'maxRetryAfterMs',
    defaultValue: 60_000,
    accepted: 'milliseconds from 0, e.g. 60000',
    schema: milliseconds(0),
  },
];

/** The polling options with defaults applied; throws a `CONFIG` BackendError naming an invalid one. */
export function resolvePolling(options: PollingOptions = {}): ResolvedPolling {
  const resolved: Record<string, number> = {};
  for (const setting of POLLING_SETTINGS) {
    const given = options[setting.key];
    const parsed = setting.schema.safeParse(given ?? setting.defaultValue);
    if (!parsed.success) throw invalidPollingOption(setting.key, given, setting.accepted);
    resolved[setting.key] = parsed.data;
  }
  return Object.freeze(resolved) as ResolvedPolling;
}

/** When an operation may be polled next (`earliestAt`) and when it is due (`dueAt`), in clock ms. */
export interface NextPoll {
  earliestAt: number;
  dueAt: number;
}

/**
 * The next poll of an operation that waits `delayMs` from `now`: due at a random time in the jitter range
 * `[delay × (1 − jitter), delay]`, drawn with `draw` in [0, 1), and never after `deadlineAt`.
 */
export function nextPoll(polling: ResolvedPolling, now: number, delayMs: number, draw: number, deadlineAt: number) {
  const dueAt = Math.min(now + delayMs * (1 - polling.jitter * draw), deadlineAt);
  const earliestAt = Math.min(now + delayMs * (1 - polling.jitter), dueAt);
  return { earliestAt, dueAt } satisfies NextPoll;
}

/** The wait after `delayMs`: `factor` times longer, at most `maxMs`. */
export function grow(polling: ResolvedPolling, delayMs: number): number {
  return Math.min(delayMs * polling.factor, polling.maxMs);
}
