import { BackendError } from '../backend-error';

/** Describes one invalid setting: which, where it came from, what was given (already made safe to show). */
export interface InvalidSetting {
  key: string;
  variable: string;
  /** "given in code", "from environment variable X" or "the default". */
  source: string;
  /** The value as shown, with any credential already replaced. */
  shownValue: string;
  problems: readonly string[];
  accepted: string;
}

/** `CONFIG`: a setting of the handler is invalid; names it, its source, the problem and the accepted form. */
export function invalidSetting(setting: InvalidSetting): BackendError {
  const why = setting.problems.join('; ');
  return new BackendError({
    code: 'CONFIG',
    message: `Invalid setting ${setting.key} (${setting.source}; environment variable ${setting.variable}): got ${setting.shownValue} (${why}). Expected ${setting.accepted}.`,
    details: [{ path: setting.key, message: why }],
  });
}
