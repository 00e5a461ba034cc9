import * as z from 'zod';
import { invalidSetting } from './errors/messages';
import { parseWithMessages } from './errors/parse-input';
import { LOG_LEVELS, type LogLevel } from './log/logger';

/** Settings of the backend handler. Values given in code override environment variables, which override defaults. */
export interface EnvironmentOptions {
  /**
   * Base URL of the Aurora REST API: every call goes to a path below it, and to no other origin.
   * Environment variable: `AURORA_API_URL`.
   * @default 'http://localhost:4010/api'
   * @example 'https://api.aurora.example.com/api'
   */
  apiBaseUrl?: string;
  /**
   * How long one HTTP call may take, in milliseconds, before it fails with `TIMEOUT`.
   * Environment variable: `AURORA_TIMEOUT_MS`.
   * @default 30000
   * @example 10_000
   */
  timeoutMs?: number;
  /**
   * The quietest messages the library logs.
   * Environment variable: `AURORA_LOG_LEVEL`.
   * @default 'warn'
   * @example 'debug'
   */
  logLevel?: LogLevel;
}

/** The resolved, validated settings. */
export type ResolvedEnvironment = Readonly<Required<EnvironmentOptions>>;

export interface Setting {
  key: keyof EnvironmentOptions;
  variable: string;
  defaultValue: string | number;
  accepted: string;
  schema: z.ZodType;
}

const ApiBaseUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value), 'not a URL')
  .refine((value) => !/^[a-z][a-z\d+.-]*:\/\/[^/?#]*@/i.test(value), 'credentials in the URL would leak into logs')
  .refine((value) => !value.includes('?') && !value.includes('#'), 'a query string or fragment cannot be a base')
  .transform((value) => new URL(value))
  .refine((url) => url.protocol === 'http:' || url.protocol === 'https:', 'only http and https are allowed')
  .transform((url) => url.href.replace(/\/+$/, ''));

// Never repeat what might be a credential: the user-info part of a URL is replaced before it is shown.
function shown(raw: unknown): string {
  return JSON.stringify(String(raw).replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#]*@/i, '$1[REDACTED]@'));
}

/** Every setting, with its environment variable, default and the form it accepts. Drives validation and docs. */
export const SETTINGS: readonly Setting[] = [
  {
    key: 'apiBaseUrl',
    variable: 'AURORA_API_URL',
    defaultValue: 'http://localhost:4010/api',
    accepted: 'an absolute http(s) URL without credentials, query or fragment, e.g. https://api.example.com/api',
    schema: ApiBaseUrlSchema,
  },
  {
    key: 'timeoutMs',
    variable: 'AURORA_TIMEOUT_MS',
    defaultValue: 30_000,
    accepted: 'a whole number of milliseconds from 1 to 600000, e.g. 10000',
    schema: z.coerce.number().int().min(1).max(600_000),
  },
  {
    key: 'logLevel',
    variable: 'AURORA_LOG_LEVEL',
    defaultValue: 'warn',
    accepted: `one of ${LOG_LEVELS.join(', ')}`,
    schema: z.enum(LOG_LEVELS),
  },
];

function processVariables(): Record<string, string | undefined> {
  // In a browser there is no `process`; only options given in code and defaults apply there.
  return typeof process === 'undefined' ? {} : process.env;
}

/**
 * Resolves the settings: `options` first, then environment `variables` (on Node, `process.env`), then defaults.
 * Throws a `CONFIG` {@link BackendError} naming the setting and the accepted form when a value is invalid.
 */
export function resolveEnvironment(
  options: EnvironmentOptions = {},
  variables: Readonly<Record<string, string | undefined>> = processVariables(),
): ResolvedEnvironment {
  const resolved: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const fromOptions = options[setting.key];
    const fromVariables = variables[setting.variable];
    const [raw, source] =
      fromOptions !== undefined
        ? [fromOptions, 'given in code']
        : fromVariables !== undefined && fromVariables !== ''
          ? [fromVariables, `from environment variable ${setting.variable}`]
          : [setting.defaultValue, 'the default'];
    const parsed = parseWithMessages(setting.schema, raw, '', setting.key);
    if (!parsed.ok) {
      const problems = parsed.details.map((detail) => detail.message);
      throw invalidSetting({ ...setting, source, shownValue: shown(raw), problems });
    }
    resolved[setting.key] = parsed.data;
  }
  return Object.freeze(resolved) as ResolvedEnvironment;
}
