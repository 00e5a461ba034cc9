import type { z } from 'zod';

// Human wording for zod issues, given per parse (`schema.safeParse(value, { error: issueMessage })`) and
// never through `z.config`: a library must not change the messages of its consumer's own schemas. A message
// a schema sets itself (`.refine(check, 'not a URL')`) still wins over these.

type Issue = z.core.$ZodRawIssue;
type PathKey = PropertyKey;

/**
 * The field an issue is about, as people name it: the last key of its path in words (`minReplicas` ->
 * "Min replicas", `tenant_id` -> "Tenant id"). An array item is named after its list (`resources.2` ->
 * "Resource"); an issue about the whole value is `rootLabel`.
 */
export function fieldLabel(path: readonly PathKey[] | undefined, rootLabel = 'Input'): string {
  const keys = path ?? [];
  let last = keys.length - 1;
  while (last >= 0 && typeof keys[last] !== 'string') last--;
  if (last === -1) return keys.length > 0 ? 'Item' : rootLabel;
  const name = String(keys[last]);
  const words = name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim()
    .toLowerCase();
  const label = last < keys.length - 1 ? singular(words) : words;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function singular(words: string): string {
  if (/ies$/.test(words)) return words.replace(/ies$/, 'y');
  if (/(ss|us|is)$/.test(words)) return words;
  return words.replace(/s$/, '');
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  null: 'null',
  undefined: 'left out',
};

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return typeof input;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  email: 'an email address such as ada@example.com',
  url: 'a URL such as https://example.com',
  uuid: 'a UUID',
  datetime: 'a date and time such as 2025-01-31T12:00:00Z',
  date: 'a date such as 2025-01-31',
  time: 'a time such as 12:00:00',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  base64: 'base64 text',
};

/** `{ min, max }` of the number or text schema an issue belongs to, to say "between 1 and 65535" at once. */
function boundsOf(issue: Issue): { min: number; max: number } | undefined {
  const owner = (issue as { schema?: unknown }).schema as
    | { minValue?: number | null; maxValue?: number | null; minLength?: number | null; maxLength?: number | null }
    | undefined;
  const min = owner?.minValue ?? owner?.minLength;
  const max = owner?.maxValue ?? owner?.maxLength;
  // `.int()` bounds a number by the safe integers, which is no limit a person would state.
  const stated = (bound: unknown): bound is number =>
    typeof bound === 'number' && Math.abs(bound) < Number.MAX_SAFE_INTEGER;
  if (!stated(min) || !stated(max)) return undefined;
  return { min, max };
}

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }, label: string): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && limit === 1) return `${label} is required`;
      return `${label} must be at ${small ? 'least' : 'most'} ${limit} character${limit === 1 ? '' : 's'}`;
    case 'array':
    case 'set':
      if (small && limit === 1) return `${label} needs at least one entry`;
      return `${label} must have at ${small ? 'least' : 'most'} ${limit} entr${limit === 1 ? 'y' : 'ies'}`;
    case 'number':
    case 'int':
    case 'bigint': {
      const bounds = inclusive ? boundsOf(issue) : undefined;
      if (bounds !== undefined) return `${label} must be between ${bounds.min} and ${bounds.max}`;
      if (!inclusive) return `${label} must be ${small ? 'greater' : 'less'} than ${limit}`;
      return `${label} must be at ${small ? 'least' : 'most'} ${limit}`;
    }
    case 'date':
      return `${label} must be ${small ? 'on or after' : 'on or before'} ${new Date(limit).toISOString()}`;
    default:
      return `${label} is too ${small ? 'small' : 'big'}`;
  }
}

function formatMessage(issue: Issue & { code: 'invalid_format' }, label: string): string {
  const named = FORMAT_NAMES[issue.format];
  if (named !== undefined) return `${label} must be ${named}`;
  const detail = issue as { prefix?: string; suffix?: string; includes?: string };
  if (issue.format === 'starts_with') return `${label} must start with "${detail.prefix ?? ''}"`;
  if (issue.format === 'ends_with') return `${label} must end with "${detail.suffix ?? ''}"`;
  if (issue.format === 'includes') return `${label} must contain "${detail.includes ?? ''}"`;
  return `${label} has an invalid format`;
}

function listed(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  return values.length > 12 ? `${shown.join(', ')}, ...` : shown.join(', ');
}

/**
 * The human message for one zod issue: "Name is required", "Port must be between 1 and 65535",
 * "Role must be one of owner, admin, member, viewer", '"foo" is not a known field'. Pass it as the `error`
 * option of a parse; `undefined` keeps zod's own message.
 */
export function issueMessage(issue: Issue, rootLabel?: string): string | undefined {
  const label = fieldLabel(issue.path, rootLabel);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `${label} is required`;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `${label} must be ${expected}, got ${received(issue.input)}`;
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, label);
    case 'invalid_format':
      return formatMessage(issue, label);
    case 'not_multiple_of':
      return `${label} must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return issue.keys.map((key) => `"${key}" is not a known field`).join('; ');
    case 'invalid_value':
      return issue.values.length === 1
        ? `${label} must be ${listed(issue.values)}`
        : `${label} must be one of ${listed(issue.values)}`;
    case 'invalid_union':
      return `${label} matches none of the accepted forms`;
    case 'invalid_key':
      return `${label} has an invalid key`;
    case 'invalid_element':
      return `${label} has an invalid entry`;
    case 'custom':
      return `${label} is invalid`;
    default:
      return undefined;
  }
}
