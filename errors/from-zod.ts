import type { z } from 'zod';
import type { ErrorDetail } from './backend-error';

/** Flattens zod issues into `{ path, message }` details, with dotted paths such as `roles.0.name`. */
export function zodIssuesToDetails(error: z.ZodError, pathPrefix = ''): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { path: pathPrefix && path ? `${pathPrefix}.${path}` : pathPrefix || path, message: issue.message };
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
