import type { z } from 'zod';
import type { ErrorDetail } from './backend-error';

function join(...parts: ReadonlyArray<string | number | symbol>): string {
  return parts
    .map(String)
    .filter((part) => part !== '')
    .join('.');
}

/** An empty text where one is required: its other problems (format, pattern) would only repeat it. */
function isEmptyRequired(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1;
}

/**
 * Flattens zod issues into `{ path, message }` details with dotted paths such as `roles.0.name`. An unknown
 * key becomes one detail at that key's own path, so a form can show it next to the field. An empty required
 * text gets only its "is required" detail.
 */
export function zodIssuesToDetails(error: z.ZodError, pathPrefix = ''): ErrorDetail[] {
  const empty = new Set(error.issues.filter(isEmptyRequired).map((issue) => join(...issue.path)));
  const shown = error.issues.filter((issue) => isEmptyRequired(issue) || !empty.has(join(...issue.path)));
  return shown.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: join(pathPrefix, ...issue.path, key),
        message: `"${key}" is not a known field`,
      }));
    }
    return [{ path: join(pathPrefix, ...issue.path), message: issue.message }];
  });
}

/** One line naming the first problems, for the human-readable part of an error message. */
export function summarizeDetails(details: readonly ErrorDetail[], max = 3): string {
  const shown = details
    .slice(0, max)
    .map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message));
  const more = details.length > max ? `; and ${details.length - max} more` : '';
  return shown.join('; ') + more;
}
