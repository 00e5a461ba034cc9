import type { LiveEvent } from '../../api/contract/live-events';
import { isAfter } from '../../api/stream/event-id-order';
import type { LiveSource, LiveSourceListener } from '../../api/stream/live-source';
import type { StreamStatus } from '../../api/stream/stream-status';

// A scripted stand-in for the API's event stream and the tabs' own connections to it, so the sharing of one
// stream by several tabs is tested without HTTP: `publish` sends events to every open connection, and a
// connection opened after an id first replays what followed it, as `Last-Event-ID` does.

/** A valid pushed event with id `id`. */
export const liveEvent = (id: number): LiveEvent => ({
  id: String(id),
  type: 'tenant.deleted',
  data: { id: `t${id}` },
});

/** One tab's own connection, as `createOwn` made it. */
export interface ScriptedSource extends LiveSource {
  /** The id it was created to resume after. */
  readonly resumedAfter: string | undefined;
  readonly opened: boolean;
  /** Reports `status` as the stream client would (a drop, a retry delay, an error). */
  report(status: Omit<StreamStatus, 'role'>): void;
}

export interface ScriptedServer {
  /** The factory a shared source is given. */
  createOwn(lastEventId: string | undefined): ScriptedSource;
  /** Every connection made so far, in order. */
  readonly sources: readonly ScriptedSource[];
  /** Appends `count` events and sends them, as one batch, to every open connection. */
  publish(count?: number): void;
}

/**
 * `overlap`: how many already-seen events a resuming connection sends again (a server resuming inclusively),
 * to prove that duplicates are dropped.
 */
export function createScriptedServer(options: { overlap?: number } = {}): ScriptedServer {
  const journal: LiveEvent[] = [];
  const sources: Array<ScriptedSource & { push(batch: LiveEvent[]): void }> = [];

  function createOwn(resumedAfter: string | undefined) {
    const listeners = new Set<LiveSourceListener>();
    let status: StreamStatus = { state: 'closed', role: 'own', attempt: 0 };
    let opened = false;
    let position = resumedAfter;
    const report = (next: Omit<StreamStatus, 'role'>) => {
      status = { ...next, role: 'own' };
      for (const listener of [...listeners]) listener.status(status);
    };
    const push = (batch: LiveEvent[]) => {
      if (!opened || batch.length === 0) return;
      position = batch.at(-1)?.id;
      for (const listener of [...listeners]) listener.events(batch);
    };
    const source = {
      resumedAfter,
      get opened() {
        return opened;
      },
      get status() {
        return status;
      },
      report,
      push,
      open() {
        if (opened) return;
        opened = true;
        report({ state: 'connecting', attempt: 0 });
        void Promise.resolve().then(() => {
          if (!opened) return;
          report({ state: 'open', attempt: 0, ...(position === undefined ? {} : { lastEventId: position }) });
          if (resumedAfter === undefined) return;
          const start = journal.findIndex((event) => isAfter(event.id, resumedAfter));
          if (start >= 0) push(journal.slice(Math.max(0, start - (options.overlap ?? 0))));
        });
      },
      close() {
        if (!opened) return;
        opened = false;
        report({ state: 'closed', attempt: 0 });
      },
      subscribe(listener: LiveSourceListener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    sources.push(source);
    return source;
  }

  return {
    createOwn,
    sources,
    publish(count = 1) {
      const batch = Array.from({ length: count }, (_, i) => liveEvent(journal.length + i + 1));
      journal.push(...batch);
      for (const source of sources) source.push(batch);
    },
  };
}
