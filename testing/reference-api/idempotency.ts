import { ApiError } from './errors';

// Idempotency keys as Stripe and the IETF draft (draft-ietf-httpapi-idempotency-key-header) define them: a
// retry that carries the key of an earlier request gets that request's answer instead of running it again.

/** The request header that names an idempotency key. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** The answer header that marks a replayed answer. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long an answer is kept for replay. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How many keys are kept at most; the oldest are forgotten first. */
export const IDEMPOTENCY_MAX_KEYS = 10_000;

const KEY = /^[\x20-\x7e]{1,255}$/;

/** The answer of a request that reached its handler, kept for its retries. */
interface SavedAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer | null;
}

interface Entry {
  fingerprint: string;
  createdAt: number;
  /** Undefined while the first request runs. */
  answer: SavedAnswer | undefined;
}

/** What a request with a key gets from {@link IdempotencyKeys.claim}. */
export type Claim =
  | { kind: 'first'; complete(response: Response): Promise<void>; abandon(): void }
  | { kind: 'replay'; response: Response }
  | { kind: 'refused'; error: ApiError };

/** The idempotency key of `request`: undefined without the header, 400 when it is not 1-255 printable ASCII. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return undefined;
  if (!KEY.test(key)) {
    throw new ApiError('VALIDATION', 'The Idempotency-Key header is invalid', [
      { path: IDEMPOTENCY_KEY_HEADER, message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  }
  return key;
}

/** What makes two requests "the same" for a key: method, path with query, and a hash of the body. */
export async function fingerprintOf(request: Request, body: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  const hash = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search} ${hash}`;
}

async function save(response: Response): Promise<SavedAnswer> {
  const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== 'x-request-id');
  const body = response.body === null ? null : await response.clone().arrayBuffer();
  return { status: response.status, headers, body };
}

function replay(answer: SavedAnswer): Response {
  const headers = new Headers(answer.headers);
  headers.set(REPLAYED_HEADER, 'true');
  return new Response(answer.body, { status: answer.status, headers });
}

/**
 * The answers of requests that carried an `Idempotency-Key`, per caller scope and key, for 24 h and at most
 * {@link IDEMPOTENCY_MAX_KEYS} of them (the oldest go first), so that memory stays bounded.
 */
export class IdempotencyKeys {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly maxKeys: number;

  constructor(now: () => number, ttlMs = IDEMPOTENCY_TTL_MS, maxKeys = IDEMPOTENCY_MAX_KEYS) {
    this.now = now;
    this.ttlMs = ttlMs;
    this.maxKeys = maxKeys;
  }

  /** How many keys are kept now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Claims `key` of `scope` (a user id, or 'public') for a request with `fingerprint`: the first request runs
   * and then completes (or abandons) its claim; a retry of it gets the saved answer; a key still running is
   * 409, a key reused for another request 422.
   */
  claim(scope: string, key: string, fingerprint: string): Claim {
    this.expire();
    const id = `${scope}\n${key}`;
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      if (entry.fingerprint !== fingerprint) {
        return {
          kind: 'refused',
          error: new ApiError(
            'VALIDATION',
            `Idempotency-Key ${key} was already used for another request (method, path or body differ)`,
            undefined,
            'idempotency_key_reused',
            422,
          ),
        };
      }
      if (entry.answer === undefined) {
        return {
          kind: 'refused',
          error: new ApiError(
            'CONFLICT',
            `The first request with Idempotency-Key ${key} is still running`,
            undefined,
            'idempotency_key_in_flight',
          ),
        };
      }
      return { kind: 'replay', response: replay(entry.answer) };
    }
    while (this.entries.size >= this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    const created: Entry = { fingerprint, createdAt: this.now(), answer: undefined };
    this.entries.set(id, created);
    let settled = false;
    return {
      kind: 'first',
      complete: async (response) => {
        if (settled) return;
        settled = true;
        const answer = await save(response);
        if (this.entries.get(id) === created) created.answer = answer;
      },
      abandon: () => {
        if (settled) return;
        settled = true;
        if (this.entries.get(id) === created) this.entries.delete(id);
      },
    };
  }

  /** Forgets every key. */
  clear(): void {
    this.entries.clear();
  }

  // Entries are in creation order and live equally long: the expired ones are at the front.
  private expire(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [id, entry] of this.entries) {
      if (entry.createdAt > oldest) return;
      this.entries.delete(id);
    }
  }
}
