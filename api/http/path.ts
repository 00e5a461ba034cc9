import { invalidPathParameter } from '../../errors/messages';

const MAX_SEGMENT_LENGTH = 256;

// Characters that end or escape a path segment, and control characters, which no id contains legitimately.
function leavesSegment(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f || value[index] === '/' || value[index] === '\\') return true;
  }
  return false;
}

function isWellFormed(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

function segmentProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${value === null ? 'null' : typeof value}`;
  if (value.length === 0) return 'must not be empty';
  if (value.length > MAX_SEGMENT_LENGTH) return `must be at most ${MAX_SEGMENT_LENGTH} characters`;
  if (value === '.' || value === '..') return `must not be "${value}", which would move to another path`;
  if (leavesSegment(value))
    return 'must not contain "/", "\\" or control characters, which would leave its path segment';
  if (!isWellFormed(value)) return 'must be well-formed Unicode (it contains a lone surrogate)';
  return undefined;
}

/**
 * Encodes `value` as one URL path segment. Throws a `VALIDATION` {@link BackendError} for an empty value,
 * `.`, `..`, or anything that could leave its segment, so that an id can never address another resource.
 */
export function pathSegment(value: unknown, name = 'id'): string {
  const problem = segmentProblem(value);
  if (problem !== undefined) throw invalidPathParameter(name, problem);
  return encodeURIComponent(value as string);
}

/** Fills a path template such as `/tenants/{tenantId}` with encoded segments; every `{name}` must be given. */
export function buildPath(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => pathSegment(params[name], name));
}
