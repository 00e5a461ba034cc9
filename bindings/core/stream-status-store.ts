import type { StreamStatus } from '../../api/stream/stream-status';
import type { BackendHandler } from '../../backend-handler';
import type { WUIBridge } from '../../event-helper';
import type { ExternalStore } from './external-store';

/**
 * The live stream's status as an {@link ExternalStore}: what `stream:status` last reported, read from the
 * handler so that a component mounted after the stream opened starts with the right state.
 */
export function streamStatusStore(
  bridge: WUIBridge,
  handler: Pick<BackendHandler, 'getStreamStatus'>,
): ExternalStore<StreamStatus> {
  return {
    subscribe: (onChange) => bridge.on('stream:status', () => onChange()),
    getSnapshot: () => handler.getStreamStatus(),
  };
}
