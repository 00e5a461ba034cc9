import type { z } from 'zod';
import { parseWithMessages, type DetailedParse } from '../../errors/parse-input';
import { deepFreeze } from '../../immutable/deep-freeze';

/** Options of {@link createResponseMemo}. */
export interface ResponseMemoOptions {
  /**
   * How many bodies are remembered, one per key (least recently used goes first).
   * @default 32
   * @example 8
   */
  maxEntries?: number;
  /**
   * Longer bodies are parsed every time and not kept.
   * @default 4_000_000
   * @example 1_000_000
   */
  maxTextLength?: number;
  /**
   * The characters all remembered bodies may hold together; the least recently used go first beyond it, so
   * a few large bodies never pin `maxEntries * maxTextLength` characters.
   * @default 8_000_000
   * @example 2_000_000
   */
  maxTotalLength?: number;
}

/** Parses JSON response bodies with their schema, once per distinct body. */
export interface ResponseMemo {
  /**
   * `text` parsed as JSON and validated by `schema` as {@link parseWithMessages} does. When the last body
   * `schema` accepted under `key` is the same text, its value is returned again without parsing: validation
   * is a pure function of the bytes, so the result is the same. Accepted values are deep-frozen, since
   * every caller of the same body shares one.
   * @param key Where the body came from, e.g. `GET /users/me?page=2`; only a lookup hint, never trusted.
   */
  parse<S extends z.ZodType>(key: string, schema: S, text: string, pathPrefix?: string): DetailedParse<z.output<S>>;
  /** Forgets every remembered body (e.g. when the session ends). */
  clear(): void;
}

interface Entry {
  schema: z.ZodType;
  text: string;
  data: unknown;
}

/**
 * What a JSON body is to its schema: the parsed value, or (like axios' lenient JSON parsing) the text itself
 * when it is not JSON, so that the schema reports it.
 */
export function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Creates a memo of validated response bodies. The same read answered with the same bytes (`loadUser` while
 * nothing changed) costs a string comparison instead of a JSON parse and a full zod validation.
 *
 * @example
 * const memo = createResponseMemo();
 * const parsed = memo.parse('GET /users/me', UserSchema, body, 'response');
 */
export function createResponseMemo(options: ResponseMemoOptions = {}): ResponseMemo {
  const { maxEntries = 32, maxTextLength = 4_000_000, maxTotalLength = 8_000_000 } = options;
  const entries = new Map<string, Entry>();
  let total = 0;

  function forget(key: string): void {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    total -= entry.text.length;
  }

  return {
    parse(key, schema, text, pathPrefix) {
      const known = entries.get(key);
      if (known !== undefined && known.schema === schema && known.text === text) {
        entries.delete(key);
        entries.set(key, known);
        return { ok: true, data: known.data as z.output<typeof schema> };
      }
      const parsed = parseWithMessages(schema, decodeJson(text), pathPrefix);
      if (!parsed.ok || text.length > maxTextLength || maxEntries < 1) return parsed;
      deepFreeze(parsed.data);
      forget(key);
      entries.set(key, { schema, text, data: parsed.data });
      total += text.length;
      while (entries.size > maxEntries || total > maxTotalLength) forget(entries.keys().next().value as string);
      return parsed;
    },
    clear() {
      entries.clear();
      total = 0;
    },
  };
}
