import type { Transport } from '../api/http/transport';
import type { BackendError } from '../errors/backend-error';
import { defect, operationFailed } from '../errors/messages';
import type { OperationEventMeta } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import { isLater } from '../state/timestamps';
import { judgeFailedPoll } from './failed-poll';
import { createOperationPoller, type PollResult } from './operation-poller';
import { grow, nextPoll, resolvePolling, type NextPoll, type PollingOptions } from './poll-schedule';

export type { PollBackoff, PollingOptions } from './poll-schedule';

export interface OperationFollowerOptions {
  transport: Transport;
  /** Validated here: an invalid option throws a `CONFIG` BackendError. */
  polling?: PollingOptions | undefined;
  /** The clock, in ms. @default Date.now */
  now?: () => number;
  /** Numbers in [0, 1) for jitter. @default Math.random */
  random?: () => number;
  onProgress(operation: Operation, meta: OperationEventMeta): void;
  onCompleted(operation: Operation, meta: OperationEventMeta): Promise<void>;
  /** `operation` is given when the operation itself failed, not when it could no longer be followed. */
  onFailed(error: BackendError, meta: OperationEventMeta, operation?: Operation): void | Promise<void>;
}

export interface OperationFollower {
  /** Follows `operation` (as accepted) until it succeeds or fails. */
  follow(operation: Operation, meta: Omit<OperationEventMeta, 'operationId' | 'target'>): void;
  /** Stops following every operation (the backend operations themselves go on): no timer left, calls aborted. */
  stop(): void;
  /**
   * The live stream pushes every change of the operations: no poll leaves until {@link resume}. Polls in
   * flight still count.
   */
  pause(): void;
  /** The live stream is down: every followed operation is polled at once, then with the backoff. */
  resume(): void;
  /**
   * An operation as the live stream pushed it: a followed one moves, completes or fails exactly as with a poll
   * of that answer. An operation not followed yet is remembered a while, for a `follow` whose answer was
   * overtaken by the push. An older version than the one known is ignored.
   */
  push(operation: Operation): void;
  /** Polls every followed operation once, even while paused (pushes may have been missed). */
  pollOnce(): void;
  /** Whether polling is paused (the live stream is open). */
  readonly paused: boolean;
  /** How many operations are being followed. */
  readonly size: number;
}

/** How many pushed operations not (yet) followed are remembered, for a `follow` that comes after its push. */
const RECENT_PUSHES = 256;

interface Followed {
  operation: Operation;
  meta: OperationEventMeta;
  /** The wait before the poll after the next one. */
  delayMs: number;
  next: NextPoll;
  lastSuccessAt: number;
  inFlight: boolean;
}

/**
 * Follows long-running operations by polling them, batched: one timer for all of them, and every operation
 * whose jitter range has begun when a poll leaves goes in the same `GET /operations?ids=` call. A failed poll
 * is retried with the backoff (a `Retry-After` holds every poll back); the follow ends `onFailed` only when
 * the API says the operation failed, answers it 401, 403 or 404, or no poll succeeded for `giveUpAfterMs`.
 */
export function createOperationFollower(options: OperationFollowerOptions): OperationFollower {
  const polling = resolvePolling(options.polling);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const poller = createOperationPoller(options.transport);
  const active = new Map<string, Followed>();
  let controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  // After a Retry-After, no poll leaves before this time: a rate limit applies to the client, not to one operation.
  let holdUntil = -Infinity;
  let paused = false;
  // Pushes of operations no one follows yet: a 202 answer may reach the handler after its operation's push.
  const recentPushes = new Map<string, Operation>();

  // A follower runs detached from any caller: whatever its callbacks throw is reported, never left unhandled.
  async function deliver(callback: () => unknown): Promise<void> {
    try {
      await callback();
    } catch (error) {
      console.error('[aurora] an operation event could not be delivered', error);
    }
  }

  function end(entry: Followed, error: BackendError): void {
    active.delete(entry.operation.id);
    void deliver(() => options.onFailed(error, entry.meta));
  }

  async function settle(entry: Followed, operation: Operation): Promise<void> {
    active.delete(operation.id);
    const { meta } = entry;
    if (operation.status !== 'succeeded') {
      return deliver(() => options.onFailed(operationFailed(operation, meta.requestId), meta, operation));
    }
    try {
      await options.onCompleted(operation, meta);
    } catch (error) {
      await deliver(() => options.onFailed(defect(operation.kind, meta.requestId, error), meta));
    }
  }

  function clearTimer(): void {
    clearTimeout(timer);
    timer = undefined;
    timerAt = Infinity;
  }

  /** Keeps the one timer set for the earliest due poll (not before a Retry-After hold), or none. */
  function arm(): void {
    if (paused) return clearTimer();
    let dueAt = Infinity;
    for (const entry of active.values()) if (!entry.inFlight) dueAt = Math.min(dueAt, entry.next.dueAt);
    if (dueAt === Infinity) return clearTimer();
    const at = Math.max(dueAt, holdUntil);
    // A timer that fires early finds nothing due and sets itself again.
    if (timer !== undefined && timerAt <= at) return;
    clearTimer();
    timerAt = at;
    timer = setTimeout(() => fire(at), Math.max(0, at - now()));
  }

  /** Plans the next poll of `entries`, polled together: one draw for all of them keeps them together. */
  function plan(entries: readonly Followed[], at: number): void {
    if (entries.length === 0) return arm();
    const draw = random();
    for (const entry of entries) {
      entry.next = nextPoll(polling, at, entry.delayMs, draw, entry.lastSuccessAt + polling.giveUpAfterMs);
      entry.delayMs = grow(polling, entry.delayMs);
    }
    arm();
  }

  function fire(aimedAt: number): void {
    timer = undefined;
    timerAt = Infinity;
    // Timers may fire a little before the clock reaches their time; they fire for `aimedAt`.
    const at = Math.max(now(), aimedAt);
    if (at < holdUntil) return arm();
    const due = [...active.values()].filter(
      (entry) => !entry.inFlight && entry.next.earliestAt <= at + polling.batchWindowMs,
    );
    for (let start = 0; start < due.length; start += polling.batchSize) {
      void pollChunk(due.slice(start, start + polling.batchSize));
    }
    arm();
  }

  async function pollChunk(entries: readonly Followed[]): Promise<void> {
    for (const entry of entries) entry.inFlight = true;
    const { signal } = controller;
    const targets = entries.map((entry) => ({ id: entry.operation.id, requestId: entry.meta.requestId }));
    let results: Map<string, PollResult>;
    try {
      results = await poller.poll(targets, signal);
    } catch (error) {
      // The poller answers every failure per operation; this keeps a defect from leaving them in flight forever.
      results = new Map(targets.map((target) => [target.id, { ok: false, error }]));
    }
    if (signal.aborted) return;
    const at = now();
    const again: Followed[] = [];
    for (const entry of entries) {
      entry.inFlight = false;
      const result = results.get(entry.operation.id);
      if (active.get(entry.operation.id) !== entry || result === undefined) continue;
      if (receive(entry, result, at)) again.push(entry);
    }
    plan(again, at);
  }

  /** Applies one poll's result to its operation; whether the operation is to be polled again. */
  function receive(entry: Followed, result: PollResult, at: number): boolean {
    if (result.ok) {
      const current = result.operation;
      const previous = entry.operation;
      // A poll that left before a push may bring an older version: the operation never goes back.
      if (isLater(previous.updatedAt, current.updatedAt)) return true;
      entry.lastSuccessAt = at;
      if (current.status !== previous.status || current.progress !== previous.progress) {
        void deliver(() => options.onProgress(current, entry.meta));
      }
      if (current.status === 'succeeded' || current.status === 'failed') {
        void settle(entry, current);
        return false;
      }
      entry.operation = current;
      return true;
    }
    const verdict = judgeFailedPoll(
      result.error,
      { operation: entry.operation, requestId: entry.meta.requestId, lastSuccessAt: entry.lastSuccessAt, at },
      polling,
    );
    if (verdict.holdMs !== undefined) holdUntil = Math.max(holdUntil, at + verdict.holdMs);
    if (verdict.end !== undefined) {
      end(entry, verdict.end);
      return false;
    }
    return true;
  }

  return {
    follow(operation, partialMeta) {
      const meta: OperationEventMeta = { ...partialMeta, operationId: operation.id, target: operation.target };
      const at = now();
      const entry: Followed = {
        operation,
        meta,
        delayMs: polling.initialMs,
        next: { earliestAt: at, dueAt: at },
        lastSuccessAt: at,
        inFlight: false,
      };
      active.set(operation.id, entry);
      const pushed = recentPushes.get(operation.id);
      recentPushes.delete(operation.id);
      if (pushed !== undefined && !isLater(operation.updatedAt, pushed.updatedAt)) {
        if (!receive(entry, { ok: true, operation: pushed }, at)) return;
      } else if (operation.status === 'succeeded' || operation.status === 'failed') {
        void settle(entry, operation);
        return;
      }
      plan([entry], at);
    },
    pause() {
      paused = true;
      clearTimer();
    },
    resume() {
      if (!paused) return;
      paused = false;
      const at = now();
      for (const entry of active.values()) {
        // Followed by push until now: the give-up clock starts again, and the first poll leaves at once.
        entry.lastSuccessAt = at;
        entry.delayMs = polling.initialMs;
        entry.next = { earliestAt: at, dueAt: at };
      }
      arm();
    },
    push(operation) {
      const entry = active.get(operation.id);
      if (entry === undefined) {
        recentPushes.delete(operation.id);
        recentPushes.set(operation.id, operation);
        if (recentPushes.size > RECENT_PUSHES) recentPushes.delete(recentPushes.keys().next().value as string);
        return;
      }
      if (isLater(entry.operation.updatedAt, operation.updatedAt)) return;
      if (receive(entry, { ok: true, operation }, now())) arm();
    },
    pollOnce() {
      const due = [...active.values()].filter((entry) => !entry.inFlight);
      for (let start = 0; start < due.length; start += polling.batchSize) {
        void pollChunk(due.slice(start, start + polling.batchSize));
      }
    },
    get paused() {
      return paused;
    },
    stop() {
      clearTimer();
      controller.abort();
      controller = new AbortController();
      active.clear();
      recentPushes.clear();
      holdUntil = -Infinity;
    },
    get size() {
      return active.size;
    },
  };
}
