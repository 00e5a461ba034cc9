import { sseComment } from './sse';

/** Bytes a stream may hold for a client that does not read before it is dropped (it resumes later). */
export const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

const HEARTBEAT = sseComment('heartbeat');

export interface LiveStreamOptions {
  /** A comment line this often keeps idle connections (and proxies) open. */
  heartbeatMs: number;
  /** The request's signal: aborted when the client goes away. */
  signal: AbortSignal;
  /** Called once when the stream ends, whoever ends it. */
  onClose: () => void;
}

/**
 * One open `GET /events` answer: a byte stream the hub writes SSE messages to, with its heartbeat. It ends when
 * the client goes away (the body is cancelled or the request aborted), when the hub closes it, or when the
 * client reads too slowly; each way frees its timer and listeners once.
 */
export class LiveStream {
  readonly body: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private ended = false;
  // Messages written in one synchronous run (a request's changes, a burst) go out as one chunk: one socket write.
  private pending: Uint8Array[] = [];

  constructor(private readonly options: LiveStreamOptions) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        cancel: () => this.end(false),
      },
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
    this.heartbeat = setInterval(() => this.send(HEARTBEAT), options.heartbeatMs);
    // A stream alone never keeps a process alive: the server's connections do.
    (this.heartbeat as { unref?: () => void }).unref?.();
    options.signal.addEventListener('abort', this.onAbort);
    if (options.signal.aborted) this.end(false);
  }

  /** Whether the stream has ended. */
  get closed(): boolean {
    return this.ended;
  }

  /** Writes `bytes`; a client that lets more than {@link MAX_BACKLOG_BYTES} pile up is dropped instead. */
  send(bytes: Uint8Array): void {
    if (this.ended) return;
    this.pending.push(bytes);
    if (this.pending.length === 1) queueMicrotask(this.flush);
  }

  private readonly flush = (): void => {
    const { controller, pending } = this;
    this.pending = [];
    if (this.ended || controller === undefined || pending.length === 0) return;
    if ((controller.desiredSize ?? 0) < -MAX_BACKLOG_BYTES) {
      this.end(true);
      return;
    }
    const [only] = pending;
    controller.enqueue(pending.length === 1 && only !== undefined ? only : concat(pending));
  };

  /** Ends the stream: the client sees its body end, and reconnects if it wants to. */
  close(): void {
    this.end(true);
  }

  private readonly onAbort = () => this.end(false);

  private end(closeBody: boolean): void {
    if (this.ended) return;
    // What was written before the end still goes out.
    if (closeBody) this.flush();
    this.ended = true;
    clearInterval(this.heartbeat);
    this.options.signal.removeEventListener('abort', this.onAbort);
    if (closeBody) {
      try {
        this.controller?.close();
      } catch {
        // Already cancelled by the client: nothing left to close.
      }
    }
    this.options.onClose();
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
