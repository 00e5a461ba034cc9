import { isLongRunning, REQUEST_NAMES, type HttpCallInfo, type RequestName } from 'aurora-backend-handler';
import { compactJson, summarize, toErrorView, type ErrorView } from './format';

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
}

/** Request ids the chart's sampler gives its `listServices` calls. */
export const SAMPLING_PREFIX = 'chart-';
const MAX_GROUPS = 300;
const KNOWN: ReadonlySet<string> = new Set(REQUEST_NAMES);
const isOperation = (name: string): name is RequestName => KNOWN.has(name);

interface Meta {
  requestId: string;
  name?: string;
  durationMs?: number;
}

export class TimelineModel {
  readonly groups = new Map<string, TimelineGroup>();
  #seq = 0;
  readonly #listeners = new Set<(group: TimelineGroup | null) => void>();

  /** Records a bridge event: `args` are the listener's arguments (payload, meta). */
  record(event: string, args: readonly unknown[]): void {
    const [payload, meta] = args as [unknown, Meta | undefined];
    if (meta === undefined || typeof meta.requestId !== 'string') return;
    const [name, outcome] = event.split(':') as [string, string | undefined];
    const group = this.#group(meta.requestId, isOperation(event) ? event : (meta.name ?? name));
    if (isOperation(event)) {
      this.#add(group, 'request', event, compactJson(payload) || '(no input)');
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
      this.#add(group, kind, event, describeOperation(payload));
    }
  }

  /** Records an HTTP call reported by `createBackendHandler({ onHttpCall })`. */
  recordHttp(call: HttpCallInfo): void {
    const group = this.#group(call.requestId, 'http');
    const status = call.status === undefined ? (call.errorCode ?? 'no response') : String(call.status);
    this.#add(group, 'http', 'HTTP', `${call.method} ${call.path} · ${status} · ${Math.round(call.durationMs)} ms`, {
      http: call,
    });
  }

  clear(): void {
    this.groups.clear();
    this.#emit(null);
  }

  /** Called with the group that changed, or `null` when everything changed. */
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
      };
      this.groups.set(requestId, group);
      if (this.groups.size > MAX_GROUPS) {
        const oldest = this.groups.keys().next().value;
        if (oldest !== undefined) this.groups.delete(oldest);
      }
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
