import { isAxiosError } from 'axios';
import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import { BackendError, isBackendError, type ErrorCode } from '../errors/backend-error';
import { retryAfterMs } from '../errors/messages';
import { buildUser } from '../testing/factories';
import { hangingResolver } from './support/http-abort';
import { API, server, setup, TEST_TOKEN, useMockApi } from './support/setup';

useMockApi();

const ME = `${API}/users/me`;

/** Serves GET /users/me with `resolver`, sends `loadUser` and returns its rejection. */
async function loadUserFailure(
  resolver: HttpResponseResolver,
  overrides: Parameters<typeof setup>[0] = {},
): Promise<BackendError> {
  server.use(http.get(ME, resolver));
  const { bridge } = setup(overrides);
  const error: unknown = await bridge.request('loadUser', undefined, { requestId: 'req-http' }).then(
    () => new Error('expected loadUser to be rejected'),
    (rejection: unknown) => rejection,
  );
  if (!isBackendError(error)) throw error;
  return error;
}

const errorBody = (code: ErrorCode, message: string, details?: Array<{ path: string; message: string }>) => ({
  code,
  message,
  requestId: 'srv-42',
  ...(details === undefined ? {} : { details }),
});

const STATUSES: Array<[number, ErrorCode, boolean]> = [
  [400, 'VALIDATION', false],
  [422, 'VALIDATION', false],
  [401, 'UNAUTHORIZED', false],
  [403, 'FORBIDDEN', false],
  [404, 'NOT_FOUND', false],
  [409, 'CONFLICT', false],
  [429, 'RATE_LIMITED', true],
  [500, 'SERVER', true],
  [503, 'SERVER', true],
  [501, 'SERVER', false],
  [418, 'CONTRACT', false],
];

describe('HTTP error responses', () => {
  it.each(STATUSES)('maps status %i to %s (retryable: %s) with the call site', async (status, code, retryable) => {
    const error = await loadUserFailure(() => HttpResponse.json(errorBody(code, 'the server says no'), { status }));

    expect(error).toBeInstanceOf(BackendError);
    expect(error.toJSON()).toEqual({
      name: 'BackendError',
      code,
      message: expect.stringContaining(`GET /users/me failed with ${status}: the server says no`) as string,
      retryable,
      details: [],
      status,
      method: 'GET',
      path: '/users/me',
      requestId: 'req-http',
    });
  });

  it.each([400, 422])('keeps the per-field details of a %i error body', async (status) => {
    const body = errorBody('VALIDATION', 'invalid profile', [
      { path: 'email', message: 'already used by another account' },
      { path: 'name', message: 'too short' },
    ]);

    const error = await loadUserFailure(() => HttpResponse.json(body, { status }));

    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual(body.details);
    expect(error.message).toContain('email: already used by another account');
  });

  it('names the Retry-After delay of a 429 in the message when it is too long to wait for', async () => {
    const error = await loadUserFailure(() =>
      HttpResponse.json(errorBody('RATE_LIMITED', 'slow down'), { status: 429, headers: { 'Retry-After': '40' } }),
    );

    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 40_000 });
    expect(error.message).toContain('Retry-After: 40s');
  });

  it('reads a Retry-After given as seconds or as an HTTP date, and ignores one it cannot read', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');

    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 26 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Thu, 26 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('maps an error response whose body is not JSON by its status alone', async () => {
    const error = await loadUserFailure(
      () => new HttpResponse('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );

    expect(error).toMatchObject({ code: 'SERVER', status: 502, retryable: true, details: [] });
    expect(error.message).toContain('GET /users/me failed with 502: status 502');
  });

  it('does not follow a redirect to another origin and reports it as CONTRACT', async () => {
    const elsewhere: string[] = [];
    server.use(
      http.all('http://attacker.test/*', ({ request }) => {
        elsewhere.push(request.url);
        return HttpResponse.json(buildUser());
      }),
    );

    const error = await loadUserFailure(
      () => new HttpResponse(null, { status: 302, headers: { Location: 'http://attacker.test/steal' } }),
    );

    expect(error).toMatchObject({ code: 'CONTRACT', status: 302, method: 'GET', path: '/users/me' });
    expect(error.message).toContain('redirect');
    expect(elsewhere).toEqual([]);
  });

  it.each([204, 201])('reports a %i where the route answers 200 as CONTRACT', async (status) => {
    const error = await loadUserFailure(() =>
      status === 204 ? new HttpResponse(null, { status }) : HttpResponse.json(buildUser(), { status }),
    );

    expect(error).toMatchObject({ code: 'CONTRACT', status, retryable: false, requestId: 'req-http' });
    expect(error.message).toContain('the contract expects status 200');
  });

  it('reports a 200 whose body breaks the User schema as CONTRACT with details under "response."', async () => {
    const error = await loadUserFailure(() =>
      HttpResponse.json({ ...buildUser(), email: 'not-an-email', tenants: 'none' }),
    );

    expect(error).toMatchObject({ code: 'CONTRACT', status: 200, method: 'GET', path: '/users/me' });
    expect(error.details.map((detail) => detail.path).sort()).toEqual(['response.email', 'response.tenants']);
  });

  it('reports a network error as NETWORK and keeps the underlying error as cause', async () => {
    const error = await loadUserFailure(() => HttpResponse.error());

    expect(error).toMatchObject({ code: 'NETWORK', retryable: true, method: 'GET', path: '/users/me' });
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reports a call whose every attempt exceeds the environment timeoutMs as TIMEOUT, aborting each', async () => {
    const calls: string[] = [];
    const error = await loadUserFailure(hangingResolver(calls).resolver, {
      environment: { apiBaseUrl: API, logLevel: 'silent', timeoutMs: 200 },
    });

    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, path: '/users/me', requestId: 'req-http' });
    expect(error.message).toContain('within 200 ms');
    expect(calls).toEqual(Array<string[]>(3).fill(['GET /api/users/me started', 'GET /api/users/me aborted']).flat());
  });
});

describe('the errors the HTTP layer rejects with', () => {
  const failures: Array<[string, HttpResponseResolver]> = [
    ['a server error', () => HttpResponse.json(errorBody('SERVER', 'boom'), { status: 500 })],
    ['a network error', () => HttpResponse.error()],
    ['a contract error', () => HttpResponse.json({ id: 42 })],
  ];

  it.each(failures)(
    'turns %s into a BackendError that holds no AxiosError, config or headers',
    async (_case, resolver) => {
      const error = await loadUserFailure(resolver);

      expect(isBackendError(error)).toBe(true);
      expect(isAxiosError(error)).toBe(false);
      expect(isAxiosError(error.cause)).toBe(false);
      const json = error.toJSON() as unknown as Record<string, unknown>;
      expect(['config', 'headers', 'request', 'response', 'cause'].filter((key) => key in json)).toEqual([]);
      expect(JSON.stringify(error)).not.toContain(TEST_TOKEN);
    },
  );
});
