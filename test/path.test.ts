import { buildPath, pathSegment } from '../api/http/path';
import { isBackendError } from '../errors/backend-error';

/** What `run` throws; fails the test when it returns. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('pathSegment', () => {
  it.each([
    ['plain-id_1.2~x', 'plain-id_1.2~x'],
    ['with space', 'with%20space'],
    ['ünï-cødé ✓', '%C3%BCn%C3%AF-c%C3%B8d%C3%A9%20%E2%9C%93'],
    ['what?', 'what%3F'],
    ['a#fragment', 'a%23fragment'],
    ['100%', '100%25'],
    ['a&b=c;d+e', 'a%26b%3Dc%3Bd%2Be'],
    ['...', '...'],
    ['.hidden', '.hidden'],
  ])('encodes %j as the single segment %j', (value, encoded) => {
    expect(pathSegment(value)).toBe(encoded);
    expect(decodeURIComponent(encoded)).toBe(value);
  });

  it('encodes an already-encoded dot-dot instead of decoding it', () => {
    expect(pathSegment('%2e%2e')).toBe('%252e%252e');
    expect(pathSegment('%2F')).toBe('%252F');
  });

  it('accepts an id of exactly 256 characters', () => {
    expect(pathSegment('a'.repeat(256))).toBe('a'.repeat(256));
  });

  it.each([
    ['an empty string', ''],
    ['"."', '.'],
    ['".."', '..'],
    ['a slash', 'a/b'],
    ['a parent traversal', '../x'],
    ['a backslash', 'a\\b'],
    ['a NUL character', 'a\u0000b'],
    ['a newline', 'a\nb'],
    ['a DEL character', 'a\u007fb'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { id: 'x' }],
    ['a string of 257 characters', 'a'.repeat(257)],
    ['a lone UTF-16 surrogate (not percent-encodable)', 'a\uD800b'],
  ])('rejects %s with a VALIDATION error naming the parameter', (_case, value) => {
    const error = thrownBy(() => pathSegment(value, 'tenantId'));

    expect(error).toMatchObject({ name: 'BackendError', code: 'VALIDATION', details: [{ path: 'tenantId' }] });
    expect(isBackendError(error)).toBe(true);
    expect((error as Error).message).toContain('Invalid path parameter "tenantId"');
  });
});

describe('buildPath', () => {
  it('fills every {name} of the template with its encoded value', () => {
    expect(buildPath('/tenants/{tenantId}/services/{serviceId}', { tenantId: 'acme corp', serviceId: 'a?b#c' })).toBe(
      '/tenants/acme%20corp/services/a%3Fb%23c',
    );
  });

  it('leaves a template without parameters unchanged', () => {
    expect(buildPath('/users/me')).toBe('/users/me');
  });

  it('rejects a missing parameter with VALIDATION', () => {
    expect(thrownBy(() => buildPath('/tenants/{tenantId}', {}))).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'tenantId', message: 'must be a string, got undefined' }],
    });
  });

  it.each(['..', '../admin', 'a/b', 'x\\y'])('rejects %j as a parameter instead of changing the path', (value) => {
    expect(thrownBy(() => buildPath('/tokens/{tokenId}', { tokenId: value }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'tokenId' }],
    });
  });
});
