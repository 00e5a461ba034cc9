/** Options of `bridge.request()`. */
export interface RequestOptions {
  /**
   * Rejects with a `TIMEOUT` error, and aborts the HTTP call, when the request has not ended within this
   * many ms (with `until: 'completed'`, the whole operation must end within it).
   * @default undefined (no limit beyond the transport's own `timeoutMs` per HTTP call)
   * @example 10_000
   */
  timeoutMs?: number;
  /**
   * Cancels the request: it rejects with a `CANCELLED` error and its HTTP call is aborted.
   * @example AbortSignal.timeout(5_000)
   */
  signal?: AbortSignal;
  /**
   * For long-running requests (deployService, scaleService, ...): resolve when the API accepted the request
   * (`'accepted'`, with the pending operation) or only when the operation ended (`'completed'`, with the
   * succeeded operation; a failed one rejects). Other requests ignore it.
   * @default 'accepted'
   * @example { until: 'completed', timeoutMs: 120_000 }
   */
  until?: 'accepted' | 'completed';
  /**
   * Correlation id of this request; generated when omitted.
   * @default crypto.randomUUID()
   */
  requestId?: string;
}
