const REDACTED = '[REDACTED]';

// Field names whose value is a credential, with any prefix: password, newPassword, client_secret, x-api-key.
const SECRET_KEY = String.raw`\b([\w-]*?(?:password|passwd|secret|token|api[-_]?key))`;
// An unquoted value ends at a space or delimiter; a trailing full stop is the sentence's, not the value's. A
// word followed by ":" or "=" is the next field's name, not this field's value.
const BARE_VALUE = String.raw`[^\s"',;&}()]*[^\s"',;&}().:](?=[.:]?(?:[\s"',;&}()]|$))(?![:=])`;

// Credentials that commonly leak into messages: auth headers, JWTs, URL user-info and assignments to secret
// fields. Only the value is replaced; the words around it stay as they were.
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // A credential has a digit somewhere and some length: "Missing bearer token" is a sentence, not a secret.
  [/\b(Bearer|Basic)\s+(?=[\w\-.~+/=]*\d)[\w\-.~+/=]{8,}/gi, `$1 ${REDACTED}`],
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${REDACTED}@`],
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, REDACTED],
  // `password=...` and `"password": "..."` are assignments whatever the value looks like.
  [new RegExp(`${SECRET_KEY}(["']?\\s*=\\s*["']?)${BARE_VALUE}`, 'gi'), `$1$2${REDACTED}`],
  [new RegExp(`${SECRET_KEY}(["']?\\s*:\\s*)(["'])(?:(?!\\3)[^\\\\\\n]|\\\\.)+\\3(?!:)`, 'gi'), `$1$2$3${REDACTED}$3`],
  // `password: ...` is also how a message labels a field ("password: must be at least 8 characters"), so
  // an unquoted value is hidden only when it is shaped like a credential: 6+ characters, a digit or a symbol.
  [
    new RegExp(
      `${SECRET_KEY}(["']?\\s*:\\s*)(?=[^\\s"',;&}()]*[\\d\\-_~+/=!@#$%^*])(?=[^\\s"',;&}()]{6})${BARE_VALUE}`,
      'gi',
    ),
    `$1$2${REDACTED}`,
  ],
];

/**
 * Removes credentials from text that may reach a log, an event or an error: the exact `secrets` given
 * (e.g. the current access token) and anything shaped like an auth header, a JWT or a `password=...` pair.
 * Every other word is left exactly as it was.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    // Very short strings would redact ordinary words; real tokens and passwords are longer.
    if (secret.length >= 6) result = result.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
