import { isAborted } from './aborted';

/** How reading a stream's body ended. */
export type PumpEnd =
  { kind: 'ended' } | { kind: 'aborted' } | { kind: 'stopped' } | { kind: 'failed'; error: unknown };

/**
 * Reads `body` until it ends, `signal` aborts, `take` returns false, or a read fails; `take` gets the bytes
 * of each read as they come. The reader is cancelled on abort: an aborted fetch does not always end a body
 * that is already being read (msw's mocked bodies, some polyfills). Never rejects.
 */
export async function pumpBody(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  take: (bytes: Uint8Array) => boolean,
): Promise<PumpEnd> {
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  if (signal.aborted) {
    cancel();
    return { kind: 'aborted' };
  }
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (isAborted(signal)) return { kind: 'aborted' };
      if (done) return { kind: 'ended' };
      // A listener may have closed the stream while it was handed the events of this read.
      if (!take(value)) {
        cancel();
        return { kind: 'stopped' };
      }
      if (isAborted(signal)) return { kind: 'aborted' };
    }
  } catch (error) {
    return isAborted(signal) ? { kind: 'aborted' } : { kind: 'failed', error };
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** The reason a body read failed, as the platform said it. */
export function readFailure(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
