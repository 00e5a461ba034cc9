import type { z } from 'zod';
import type { ErrorDetail } from './backend-error';

function join(...parts: ReadonlyArray<string | number | symbol>): string {
  return parts
    .map(String)
    .filter((part) => part !== '')
    .join('.');
}

/**
 * Flattens zod issues into `{ path, message }` details with dotted paths such as `roles.0.name`. An unknown
 * key becomes one detail at that key's own path, so a form can show it next to the field.
 */
export function zodIssuesToDetails(error: z.ZodError, pathPrefix = ''): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
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
