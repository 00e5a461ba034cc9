const REDACTED = '[REDACTED]';

// Credentials that commonly leak into messages: auth headers, JWTs, and key=value / "key": "value" secrets.
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // A credential has a digit somewhere and some length: "Missing bearer token" is a sentence, not a secret.
  [/\b(Bearer|Basic)\s+(?=[\w\-.~+/=]*\d)[\w\-.~+/=]{8,}/gi, `$1 ${REDACTED}`],
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${REDACTED}@`],
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, REDACTED],
  [
    /\b(password|passwd|secret|token|credentialSecret|accessToken|refreshToken|apiKey)(["']?\s*[:=]\s*["']?)[^\s"',;&}]+/gi,
    `$1$2${REDACTED}`,
  ],
];

/**
 * Removes credentials from text that may reach a log, an event or an error: the exact `secrets` given
 * (e.g. the current access token) and anything shaped like an auth header, a JWT or a `password=...` pair.
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
