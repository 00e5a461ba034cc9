import type { HttpMethod } from '../contract/define-route';

/** The header that makes a POST or PATCH safe to retry: the API applies one key's request at most once. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Methods that repeat safely by themselves (RFC 9110 §9.2.2); the others need an idempotency key. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/** Whether a call of `method` needs an `Idempotency-Key` to be retried. */
export function needsIdempotencyKey(method: HttpMethod): boolean {
  return !IDEMPOTENT_METHODS.has(method);
}

/** A random version 4 UUID: the idempotency key of one `send`, reused by each of its attempts. */
export function newIdempotencyKey(): string {
  const { crypto } = globalThis;
  // randomUUID exists only in secure contexts in browsers (https, localhost); getRandomValues everywhere.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // Version 4 in the high nibble of byte 6, the RFC 9562 variant in the high bits of byte 8.
  const hex = Array.from(bytes, (byte, index) =>
    (index === 6 ? (byte & 0x0f) | 0x40 : index === 8 ? (byte & 0x3f) | 0x80 : byte).toString(16).padStart(2, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
