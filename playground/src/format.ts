import { isBackendError } from 'aurora-backend-handler';

/** What the playground shows of a failure: a BackendError's structured fields, or any thrown value. */
export interface ErrorView {
  code: string;
  message: string;
  status?: number | undefined;
  method?: string | undefined;
  path?: string | undefined;
  requestId?: string | undefined;
  retryable?: boolean | undefined;
  details: ReadonlyArray<{ path: string; message: string }>;
}

export function toErrorView(error: unknown): ErrorView {
  if (isBackendError(error)) {
    const { code, message, status, method, path, requestId, retryable, details } = error;
    return { code, message, status, method, path, requestId, retryable, details };
  }
  return { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error), details: [] };
}

const SECRET_KEY = /password|secret/i;

/** A copy of `value` with passwords and secrets masked, for display; so is the `value` of a secret resource. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  const secretResource = (value as { type?: unknown }).type === 'secret';
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) || (secretResource && key === 'value') ? '••••' : redact(item),
    ]),
  );
}

/**
 * A request's input for display, masked like {@link redact}; an `updateResource` value too, as its input
 * does not say whether the resource is a secret.
 */
export function redactInput(operation: string, input: unknown): unknown {
  const masked = redact(input);
  if (operation !== 'updateResource' || masked === null || typeof masked !== 'object') return masked;
  return { ...masked, value: '••••' };
}

/** One line of JSON, cut at `max` characters. */
export function compactJson(value: unknown, max = 140): string {
  if (value === undefined) return '';
  const text = (JSON.stringify(redact(value)) as string | undefined) ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Indented JSON, cut at `max` characters. */
export function prettyJson(value: unknown, max = 4000): string {
  const text = (JSON.stringify(redact(value), null, 2) as string | undefined) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max)}\n…` : text;
}

export function clock(at: number): string {
  return new Date(at).toLocaleTimeString('en-GB', { hour12: false });
}

const pluralRules = new Intl.PluralRules('en');

/**
 * `count` and the word in the form that count takes: `plural(1, 'problem')` is "1 problem",
 * `plural(2, 'problem')` "2 problems", `plural(3, 'entry', 'entries')` "3 entries".
 * @param many the word for other counts; default: `word` + "s"
 */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${pluralRules.select(count) === 'one' ? word : many}`;
}

/** A short id for display: `ten_12` stays, a UUID keeps its first 8 characters. */
export function shortId(id: string): string {
  return id.length > 16 ? id.slice(0, 8) : id;
}

/** A few words about a success payload: a page's size, an entity's name and id, or its JSON. */
export function summarize(payload: unknown): string {
  if (payload === undefined || payload === null) return 'no payload';
  const page = payload as { items?: unknown[]; totalCount?: number; lines?: unknown[] };
  if (Array.isArray(page.items)) return `${page.items.length} of ${page.totalCount ?? '?'} items`;
  if (Array.isArray(page.lines)) return plural(page.lines.length, 'log line');
  const entity = payload as { id?: string; name?: string };
  return [entity.name, entity.id].filter((part) => typeof part === 'string').join(' · ') || compactJson(payload, 80);
}
