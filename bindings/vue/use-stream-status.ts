import type { ComputedRef } from 'vue';
import type { StreamStatus } from '../../api/stream/stream-status';
import { streamStatusStore } from '../core/index';
import { useBinding } from './context';
import { storeRef } from './store-ref';

/**
 * A read-only ref of the live stream's status: `state` (`connecting`, `open`, `reconnecting` with `retryInMs`,
 * `paused`, `closed`), the tab's `role` and the last `error`. It starts from the current status, so a component
 * mounted after the stream opened reads `open`.
 * @example
 * const stream = useStreamStatus();
 * const label = computed(() => (stream.value.state === 'open' ? 'Live' : 'Reconnecting…'));
 */
export function useStreamStatus(): ComputedRef<StreamStatus> {
  const { bridge, handler } = useBinding('useStreamStatus');
  return storeRef(streamStatusStore(bridge, handler));
}
