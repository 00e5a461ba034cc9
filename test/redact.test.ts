import fc from 'fast-check';
import { redact } from '../errors/redact';

describe('redact', () => {
  it.each([
    ['Authorization: Bearer abc123def456ghi', 'Authorization: Bearer [REDACTED]'],
    ['basic dXNlcjpwYXNzd29yZDE=', 'basic [REDACTED]'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln leaked', 'token [REDACTED] leaked'],
    ['password=hunter2secret&user=ada', 'password=[REDACTED]&user=ada'],
    ['{"credentialSecret": "s3cr3t-value"}', '{"credentialSecret": "[REDACTED]"}'],
    ['{"password": "correct horse battery"}', '{"password": "[REDACTED]"}'],
    ['newPassword=abc def', 'newPassword=[REDACTED] def'],
    ['login failed, password: hunter22.', 'login failed, password: [REDACTED].'],
    ['x-api-key: k-123456 was sent', 'x-api-key: [REDACTED] was sent'],
    ['https://ada:pa55word@api.example.com/api', 'https://[REDACTED]@api.example.com/api'],
  ])('hides the credential in %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    'Missing bearer token',
    'Use Basic authentication',
    'The token has expired',
    'password: Too small: expected string to have >=8 characters',
    'password: Password must be at least 8 characters',
    'tokens: 3 tokens left',
  ])('leaves the sentence %j readable', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('hides each exact secret it is given, wherever it appears', () => {
    expect(redact('user abcdefgh logged in with abcdefgh', ['abcdefgh'])).toBe(
      'user [REDACTED] logged in with [REDACTED]',
    );
  });
});

// Ordinary message text: words, small numbers, field labels (secret ones too) and punctuation.
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,12}$/),
  fc.stringMatching(/^\d{1,5}$/),
  fc.constantFrom('password', 'Password:', 'token:', 'secret', 'accessToken:', 'Bearer', 'Basic', 'apiKey:'),
  fc.constantFrom(':', ',', '.', ';', '(', ')', '>=', '-'),
);
const sentence = fc.array(word, { maxLength: 20 }).map((words) => words.join(' '));

// A credential: 8+ characters of token alphabet with at least one digit, as tokens and passwords are.
const credential = fc
  .stringMatching(/^[A-Za-z0-9_\-+/~=]{7,40}$/)
  .filter((value) => /\d/.test(value) && /[A-Za-z0-9]$/.test(value))
  .map((value) => `${value}7`);

const planted = fc.constantFrom(
  (secret: string) => `password=${secret}`,
  (secret: string) => `"password": "${secret}"`,
  (secret: string) => `password: ${secret}`,
  (secret: string) => `clientSecret = ${secret}`,
  (secret: string) => `Authorization: Bearer ${secret}`,
  (secret: string) => `x-api-key: ${secret}`,
);

describe('redact, for any text', () => {
  it('passes text without a secret through unchanged, word for word', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(redact(text)).toBe(text);
      }),
    );
  });

  it('never lets a secret value planted in a secret field survive, and keeps the text around it', () => {
    fc.assert(
      fc.property(sentence, planted, credential, sentence, (before, plant, secret, after) => {
        const result = redact(`${before} ${plant(secret)} ${after}`);
        expect(result).not.toContain(secret);
        expect(result.startsWith(`${before} `)).toBe(true);
        expect(result.endsWith(` ${after}`)).toBe(true);
      }),
    );
  });

  it('never lets an exact secret it is given survive, wherever it is placed', () => {
    fc.assert(
      fc.property(sentence, credential, sentence, (before, secret, after) => {
        expect(redact(`${before}${secret}${after}`, [secret])).not.toContain(secret);
      }),
    );
  });
});
