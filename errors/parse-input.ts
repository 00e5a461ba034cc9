import type { z } from 'zod';
import type { BackendError, ErrorDetail } from './backend-error';
import { zodIssuesToDetails } from './from-zod';
import { issueMessage } from './issue-messages';
import { invalidInput } from './messages';

/** A parse that either gave the schema's output or the error to report. */
export type ParseOutcome<T> = { ok: true; data: T } | { ok: false; error: BackendError };

/** A parse's output, or its problems as details with human messages ("Name is required"). */
export type DetailedParse<T> = { ok: true; data: T } | { ok: false; details: ErrorDetail[] };

/**
 * Parses `value` with `schema`, wording every problem for people ("Port must be between 1 and 65535"). The
 * wording is given to this parse only; the consumer's own zod configuration is left untouched.
 *
 * @param pathPrefix Prepended to every detail path, e.g. `body`.
 * @param rootLabel How a problem with the value as a whole names it, e.g. "Timeout ms".
 */
export function parseWithMessages<S extends z.ZodType>(
  schema: S,
  value: unknown,
  pathPrefix = '',
  rootLabel?: string,
): DetailedParse<z.output<S>> {
  const parsed = schema.safeParse(value, { error: (issue) => issueMessage(issue, rootLabel) });
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, details: zodIssuesToDetails(parsed.error, pathPrefix) };
}

/**
 * Parses the input of request `name` once: its data, or the `VALIDATION` error listing every problem.
 *
 * @example
 * const parsed = parseInput(UpdateUserInputSchema, input, 'updateUser', requestId);
 * if (!parsed.ok) return parsed; // { ok: false, error }
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  name: string,
  requestId: string,
): ParseOutcome<z.output<S>> {
  const parsed = parseWithMessages(schema, value);
  if (parsed.ok) return parsed;
  return { ok: false, error: invalidInput(name, parsed.details, requestId) };
}
