import type { LiveEvent } from '../../api/contract/live-events';
import type { LiveSource, LiveSourceListener } from '../../api/stream/live-source';
import type { StreamState, StreamStatus } from '../../api/stream/stream-status';
import type { BackendError } from '../../errors/backend-error';
import type { LiveSourceContext } from '../../handler/live-options';

type Data<T extends LiveEvent['type']> = Extract<LiveEvent, { type: T }>['data'];

/**
 * A scripted {@link LiveSource}: the test decides its status and pushes batches of events; ids are numbered
 * in order. `stream: { source: live.factory }` plugs it into a handler; each sign-in gets a new source.
 */
export function scriptedLiveSource() {
  let nextId = 1;
  const sources: Array<LiveSource & { listeners: Set<LiveSourceListener>; setStatus(status: StreamStatus): void }> = [];
  const contexts: LiveSourceContext[] = [];
  const calls: string[] = [];

  function create(context: LiveSourceContext): LiveSource {
    contexts.push(context);
    const listeners = new Set<LiveSourceListener>();
    const index = sources.length + 1;
    let status: StreamStatus = { state: 'closed', role: 'own', attempt: 0 };
    const source = {
      listeners,
      get status() {
        return status;
      },
      setStatus(next: StreamStatus) {
        status = next;
        for (const listener of [...listeners]) listener.status(next);
      },
      open() {
        calls.push(`open ${index}`);
        source.setStatus({ state: 'connecting', role: 'own', attempt: 0 });
      },
      close() {
        calls.push(`close ${index}`);
        if (status.state !== 'closed') source.setStatus({ state: 'closed', role: 'own', attempt: 0 });
      },
      subscribe(listener: LiveSourceListener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    };
    sources.push(source);
    return source;
  }

  function current() {
    const source = sources.at(-1);
    if (source === undefined) throw new Error('no live source was created');
    return source;
  }

  return {
    /** The `stream.source` option. */
    factory: create,
    /** `open <n>` and `close <n>` of the n-th source created, in order. */
    calls,
    contexts,
    get created() {
      return sources.length;
    },
    /** Sets the status of the latest source. */
    status(state: StreamState, error?: BackendError): void {
      current().setStatus({
        state,
        role: 'own',
        attempt: state === 'open' ? 0 : 1,
        ...(state === 'reconnecting' ? { retryInMs: 1000 } : {}),
        ...(error === undefined ? {} : { error }),
      });
    },
    /** An event of `type`, numbered next. */
    event<T extends LiveEvent['type']>(type: T, data: Data<T>): LiveEvent {
      return { id: String(nextId++), type, data } as LiveEvent;
    },
    /** Delivers `batch` to the latest source's listeners, as one network read. */
    push(...batch: LiveEvent[]): void {
      for (const listener of [...current().listeners]) listener.events(batch);
    },
  };
}

export type ScriptedLiveSource = ReturnType<typeof scriptedLiveSource>;
