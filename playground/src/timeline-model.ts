import { isLongRunning, REQUEST_NAMES, type HttpCallInfo, type RequestName } from 'aurora-backend-handler';
import { compactJson, redactInput, summarize, toErrorView, type ErrorView } from './format';

// The devtools' data: every bridge event and every HTTP call, grouped by the requestId that correlates them.

export type EntryKind = 'request' | 'http' | 'success' | 'error' | 'state' | 'progress' | 'completed' | 'failed';

export interface TimelineEntry {
  seq: number;
  at: number;
  kind: EntryKind;
  /** The bridge event name, or `HTTP` for a call reported by `onHttpCall`. */
  event: string;
  /** One readable line: the input, the call, the progress... */
  text: string;
  error?: ErrorView;
  http?: HttpCallInfo;
}

export type GroupStatus = 'pending' | 'success' | 'error' | 'running' | 'completed' | 'failed';

export interface TimelineGroup {
  requestId: string;
  operation: string;
  startedAt: number;
  status: GroupStatus;
  longRunning: boolean;
  /** 0-100 while a long-running operation is followed. */
  progress: number | undefined;
  /** A request of the chart's sampler, hidden unless asked for. */
  sampling: boolean;
  entries: TimelineEntry[];
  /** Its earliest entries dropped to keep the timeline within its capacity. */
  dropped: number;
}

/** Request ids the chart's sampler gives its `listServices` calls. */
export const SAMPLING_PREFIX = 'chart-';
/** Entries kept by default (`?timeline-capacity=` in the page's URL sets another). */
export const TIMELINE_CAPACITY = 200;
const KNOWN: ReadonlySet<string> = new Set(REQUEST_NAMES);
const isOperation = (name: string): name is RequestName => KNOWN.has(name);

interface Meta {
  requestId: string;
  name?: string;
  durationMs?: number;
}

/**
 * The timeline's data, bounded: beyond `capacity` entries the oldest go, and are counted. The chart's samples
 * have a budget of their own, so a sampled chart never pushes the user's own requests out.
 */
export class TimelineModel {
  readonly groups = new Map<string, TimelineGroup>();
  /** Entries dropped since the last clear: the user's requests, and the chart's samples. */
  readonly dropped = { requests: 0, samples: 0 };
  #seq = 0;
  readonly #listeners = new Set<(group: TimelineGroup | null) => void>();

  /** @param capacity Entries kept of the user's requests, and as many of the chart's samples. */
  constructor(public capacity = TIMELINE_CAPACITY) {}

  /** Entries held of the user's requests (`sampling: false`) or of the chart's samples. */
  size(sampling: boolean): number {
    let total = 0;
    for (const group of this.groups.values()) if (group.sampling === sampling) total += group.entries.length;
    return total;
  }

  /** Records a bridge event: `args` are the listener's arguments (payload, meta). */
  record(event: string, args: readonly unknown[]): void {
    const [payload, meta] = args as [unknown, Meta | undefined];
    if (meta === undefined || typeof meta.requestId !== 'string') return;
    const [name, outcome] = event.split(':') as [string, string | undefined];
    const group = this.#group(meta.requestId, isOperation(event) ? event : (meta.name ?? name));
    if (isOperation(event)) {
      this.#add(group, 'request', event, compactJson(redactInput(event, payload)) || '(no input)');
    } else if (outcome === 'success') {
      group.status = group.longRunning ? 'running' : 'success';
      if (group.longRunning) group.progress ??= 0;
      const duration = meta.durationMs === undefined ? '' : `${meta.durationMs} ms`;
      const accepted = group.longRunning ? `accepted · ${describeOperation(payload)}` : summarize(payload);
      this.#add(group, 'success', event, [duration, accepted].filter(Boolean).join(' · '));
    } else if (outcome === 'error' || event === 'operation:failed') {
      group.status = event === 'operation:failed' ? 'failed' : 'error';
      const error = toErrorView(payload);
      this.#add(group, event === 'operation:failed' ? 'failed' : 'error', event, error.code, { error });
    } else if (event === 'state:changed') {
      this.#add(group, 'state', event, payload === null ? 'signed out: state cleared' : 'user tree updated');
    } else if (event === 'operation:progress' || event === 'operation:completed') {
      const progress = (payload as { progress?: number } | null)?.progress;
      group.progress = event === 'operation:completed' ? 100 : (progress ?? group.progress);
      group.status = event === 'operation:completed' ? 'completed' : 'running';
      const kind = event === 'operation:completed' ? 'completed' : 'progress';
      const text = describeOperation(payload);
      // A progress report saying what an earlier one said adds no line (and so counts for nothing).
      const repeated = kind === 'progress' && group.entries.some((e) => e.kind === 'progress' && e.text === text);
      if (repeated) this.#emit(group);
      else this.#add(group, kind, event, text);
    }
  }

  /** Records an HTTP call reported by `createBackendHandler({ onHttpCall })`. */
  recordHttp(call: HttpCallInfo): void {
    const group = this.#group(call.requestId, 'http');
    const status = call.status === undefined ? (call.errorCode ?? 'no response') : String(call.status);
    // A call no bridge request made (the live stream's own reads) ends with its answer, not "pending".
    if (group.operation === 'http') {
      group.status = call.status !== undefined && call.status < 400 ? 'success' : 'error';
    }
    this.#add(group, 'http', 'HTTP', `${call.method} ${call.path} · ${status} · ${Math.round(call.durationMs)} ms`, {
      http: call,
    });
  }

  clear(): void {
    this.groups.clear();
    this.dropped.requests = 0;
    this.dropped.samples = 0;
    this.#emit(null);
  }

  /**
   * Called with the group that changed (a group no longer in `groups` was dropped), or `null` when everything
   * changed.
   */
  subscribe(listener: (group: TimelineGroup | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #group(requestId: string, operation: string): TimelineGroup {
    let group = this.groups.get(requestId);
    if (group === undefined) {
      group = {
        requestId,
        operation,
        startedAt: Date.now(),
        status: 'pending',
        longRunning: isOperation(operation) && isLongRunning(operation),
        progress: undefined,
        sampling: requestId.startsWith(SAMPLING_PREFIX),
        entries: [],
        dropped: 0,
      };
      this.groups.set(requestId, group);
    } else if (group.operation === 'http' && isOperation(operation)) {
      group.operation = operation;
      group.longRunning = isLongRunning(operation);
    }
    return group;
  }

  #add(
    group: TimelineGroup,
    kind: EntryKind,
    event: string,
    text: string,
    extra: { error?: ErrorView; http?: HttpCallInfo } = {},
  ): void {
    group.entries.push({ seq: ++this.#seq, at: Date.now(), kind, event, text, ...extra });
    this.#emit(group);
    this.#trim(group.sampling);
  }

  /** Drops the oldest entries of the requests (or of the samples) beyond the capacity, one by one. */
  #trim(sampling: boolean): void {
    let excess = this.size(sampling) - Math.max(1, this.capacity);
    while (excess > 0) {
      // Groups interleave (a long-running operation reports long after it began): the oldest entry is the
      // first entry with the lowest seq.
      let oldest: TimelineGroup | undefined;
      for (const group of this.groups.values()) {
        const first = group.entries[0];
        if (group.sampling !== sampling || first === undefined) continue;
        if (oldest === undefined || first.seq < (oldest.entries[0]?.seq ?? Infinity)) oldest = group;
      }
      if (oldest === undefined) return;
      oldest.entries.shift();
      oldest.dropped++;
      excess--;
      this.dropped[sampling ? 'samples' : 'requests']++;
      if (oldest.entries.length === 0) this.groups.delete(oldest.requestId);
      this.#emit(oldest);
    }
  }

  #emit(group: TimelineGroup | null): void {
    for (const listener of this.#listeners) listener(group);
  }
}

function describeOperation(payload: unknown): string {
  const operation = payload as { id?: string; status?: string; progress?: number } | null;
  if (operation === null || typeof operation !== 'object') return '';
  return `${operation.id ?? '?'} ${operation.status ?? ''} ${operation.progress ?? 0}%`.trim();
}
