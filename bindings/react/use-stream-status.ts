import { useDebugValue, useMemo } from 'react';
import type { StreamStatus } from '../../api/stream/stream-status';
import { streamStatusStore } from '../core/index';
import { useBinding } from './context';
import { useExternalStore } from './use-external-store';

/**
 * The live stream's status: `state` (`connecting`, `open`, `reconnecting`, `paused`, `closed`), with
 * `retryInMs` and the `error` that closed the last attempt when it is not open. Right from the first render,
 * even when the stream opened before the component mounted.
 * @example
 * const { state, retryInMs } = useStreamStatus();
 * return state === 'reconnecting' ? <p>Live updates resume in {Math.ceil((retryInMs ?? 0) / 1000)} s</p> : null;
 */
export function useStreamStatus(): StreamStatus {
  const { bridge, handler } = useBinding('useStreamStatus');
  const store = useMemo(() => streamStatusStore(bridge, handler), [bridge, handler]);
  const status = useExternalStore(store);
  useDebugValue(status.state);
  return status;
}
