import { redact } from '../errors/redact';

describe('redact', () => {
  it.each([
    ['Authorization: Bearer abc123def456ghi', 'Authorization: Bearer [REDACTED]'],
    ['basic dXNlcjpwYXNzd29yZDE=', 'basic [REDACTED]'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln leaked', 'token [REDACTED] leaked'],
    ['password=hunter2secret&user=ada', 'password=[REDACTED]&user=ada'],
    ['{"credentialSecret": "s3cr3t-value"}', '{"credentialSecret": "[REDACTED]"}'],
    ['https://ada:pa55word@api.example.com/api', 'https://[REDACTED]@api.example.com/api'],
  ])('hides the credential in %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each(['Missing bearer token', 'Use Basic authentication', 'The token has expired'])(
    'leaves the sentence %j readable',
    (text) => {
      expect(redact(text)).toBe(text);
    },
  );

  it('hides each exact secret it is given, wherever it appears', () => {
    expect(redact('user abcdefgh logged in with abcdefgh', ['abcdefgh'])).toBe(
      'user [REDACTED] logged in with [REDACTED]',
    );
  });
});
