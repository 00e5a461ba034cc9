/** Severity levels, quietest last. `silent` logs nothing. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Where the library writes its diagnostics. An extension point: pass your own (pino, console, a test spy).
 * The library never passes tokens, passwords or request bodies to it.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type LogMethod = Exclude<LogLevel, 'silent'>;

/** A logger that writes to `sink` (default: `console`) the messages at `level` or above. */
export function createLogger(level: LogLevel, sink: Logger = console): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const method =
    (name: LogMethod) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (LOG_LEVELS.indexOf(name) < threshold) return;
      if (fields === undefined) sink[name](`[aurora] ${message}`);
      else sink[name](`[aurora] ${message}`, fields);
    };
  return { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') };
}
