import type { LiveSource } from '../api/stream/live-source';
import type { StreamStatus } from '../api/stream/stream-status';
import type { LiveSourceContext } from './live-options';

const CLOSED: StreamStatus = Object.freeze({ state: 'closed', role: 'own', attempt: 0 });

/**
 * The live source of a handler whose `stream` option names none.
 *
 * Integration seam: the SSE client (`createEventStream`, api/stream/event-stream.ts), shared across tabs by
 * `createSharedSource` (api/stream/shared-source.ts), is built here from `context`. Until it is, this source
 * never connects: its status stays `closed`, so operations are polled as without a stream.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the stream client is built from it, once plugged in
export function defaultLiveSource(context: LiveSourceContext): LiveSource {
  return {
    open: () => undefined,
    close: () => undefined,
    status: CLOSED,
    subscribe: () => () => undefined,
  };
}
