/**
 * How the handler carries out one request, beyond its input: retries and supersession. Accepted by
 * `bridge.emit()` (in its meta) and `bridge.request()` (in its options).
 */
export interface RequestPolicy {
  /**
   * Retries of this request's HTTP calls after a transient fault (network error, timeout, 429, 502-504):
   * `false` for none, or the most retries allowed (never more than the handler's `retry` policy allows).
   * Writes are retried safely: each carries an
   * `Idempotency-Key` that its retries reuse.
   * @default the handler's retry policy (2 retries)
   * @example { retry: false }
   */
  retry?: false | number;
  /**
   * Latest wins, for reads such as a search-as-you-type list: a newer request with the same name and key
   * ends this one `CANCELLED` (reason: superseded) and aborts its call. `true` keys by the request name alone.
   * Writes refuse it with `VALIDATION`: they always run, in the order they were submitted.
   * @default undefined (every request gets its own outcome)
   * @example { latestWins: 'service-search' }
   */
  latestWins?: boolean | string;
}

/** Options of `bridge.request()`. */
export interface RequestOptions extends RequestPolicy {
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
