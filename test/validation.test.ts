import { http, HttpResponse } from 'msw';
import type { UpdateUserInput } from '../api/contract/user-routes';
import { isBackendError, type BackendError } from '../errors/backend-error';
import { buildUser } from '../testing/factories';
import { nextEvent } from './support/http-abort';
import { API, server, setup, TEST_TOKEN, useMockApi } from './support/setup';

useMockApi();

const ME = `${API}/users/me`;

/** Answers every API call with a 500 and records it: a test that expects no call asserts this stays empty. */
function recordCalls(): string[] {
  const calls: string[] = [];
  server.use(
    http.all('*', ({ request }) => {
      calls.push(`${request.method} ${request.url}`);
      return HttpResponse.json({ code: 'SERVER', message: 'should not be called' }, { status: 500 });
    }),
  );
  return calls;
}

/** Sends `input` (which the compiler would refuse) as an updateUser request and returns its rejection. */
async function rejectionOf(bridge: ReturnType<typeof setup>['bridge'], input: unknown): Promise<BackendError> {
  const error: unknown = await bridge
    .request('updateUser', input as UpdateUserInput, { requestId: 'req-invalid' })
    .then(
      () => new Error('expected the request to be rejected'),
      (rejection: unknown) => rejection,
    );
  if (!isBackendError(error)) throw error;
  return error;
}

const INVALID: Array<[string, Record<string, unknown>, string[]]> = [
  ['an empty name', { name: '' }, ['name']],
  ['a name of blanks only', { name: '   ' }, ['name']],
  ['a malformed email', { email: 'ada-at-acme' }, ['email']],
  ['a value of the wrong type', { notificationsEnabled: 'yes' }, ['notificationsEnabled']],
  ['an over-long name', { name: 'x'.repeat(101) }, ['name']],
  ['an over-long company name', { companyName: 'x'.repeat(201) }, ['companyName']],
  ['several bad fields at once', { name: '', email: 'nope' }, ['name', 'email']],
  ['an empty object, as a problem of the whole input', {}, ['']],
];

describe('updateUser input validation', () => {
  it.each(INVALID)(
    'rejects %s with VALIDATION details per field and makes no HTTP call',
    async (_case, input, paths) => {
      const calls = recordCalls();
      const { bridge, log } = setup();

      const error = await rejectionOf(bridge, input);

      expect(error).toMatchObject({ code: 'VALIDATION', requestId: 'req-invalid', retryable: false });
      expect(error.details.map((detail) => detail.path)).toEqual(paths);
      expect(error.details.every((detail) => detail.message.length > 0)).toBe(true);
      expect(error.message).toContain('"updateUser" was not sent');
      expect(log.names()).toEqual(['updateUser', 'updateUser:error']);
      expect(calls).toEqual([]);
    },
  );

  it('rejects an unknown key with a VALIDATION detail whose path names that key, and makes no HTTP call', async () => {
    const calls = recordCalls();
    const { bridge, log } = setup();

    const error = await rejectionOf(bridge, { name: 'Ada', role: 'admin' });

    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([{ path: 'role', message: expect.stringContaining('role') as string }]);
    expect(log.names()).toEqual(['updateUser', 'updateUser:error']);
    expect(calls).toEqual([]);
  });

  it('rejects a missing input with VALIDATION and makes no HTTP call', async () => {
    const calls = recordCalls();
    const { bridge } = setup();

    const error = await rejectionOf(bridge, undefined);

    expect(error.code).toBe('VALIDATION');
    expect(calls).toEqual([]);
  });
});

describe('updateUser request on the wire', () => {
  it('sends valid input, trimmed, as the PATCH body with the bearer token and the requestId as X-Request-Id', async () => {
    const seen: unknown[] = [];
    server.use(
      http.patch(ME, async ({ request }) => {
        seen.push({
          body: await request.json(),
          authorization: request.headers.get('authorization'),
          requestId: request.headers.get('x-request-id'),
        });
        return HttpResponse.json(buildUser({ name: 'Grace', notificationsEnabled: false }));
      }),
    );
    const { bridge, log } = setup();

    const user = await bridge.request(
      'updateUser',
      { name: '  Grace ', notificationsEnabled: false },
      { requestId: 'req-valid' },
    );

    expect(user).toMatchObject({ name: 'Grace', notificationsEnabled: false });
    expect(seen).toEqual([
      {
        body: { name: 'Grace', notificationsEnabled: false },
        authorization: `Bearer ${TEST_TOKEN}`,
        requestId: 'req-valid',
      },
    ]);
    expect(log.names()).toEqual(['updateUser', 'state:changed', 'updateUser:success']);
  });

  it('sends the generated requestId of an emitted request as X-Request-Id', async () => {
    const headers: Array<string | null> = [];
    server.use(
      http.patch(ME, ({ request }) => {
        headers.push(request.headers.get('x-request-id'));
        return HttpResponse.json(buildUser({ email: 'grace@acme.example' }));
      }),
    );
    const { bridge } = setup();

    const requestId = bridge.emit('updateUser', { email: 'grace@acme.example' });
    const [user, meta] = await nextEvent(bridge, 'updateUser:success', requestId);

    expect(user.email).toBe('grace@acme.example');
    expect(meta.requestId).toBe(requestId);
    expect(headers).toEqual([requestId]);
  });

  it('sends no Authorization header when no access token is available', async () => {
    const authorizations: Array<string | null> = [];
    server.use(
      http.patch(ME, ({ request }) => {
        authorizations.push(request.headers.get('authorization'));
        return HttpResponse.json(buildUser());
      }),
    );
    const { bridge } = setup({ auth: { getAccessToken: () => null } });

    await bridge.request('updateUser', { name: 'Ada' });

    expect(authorizations).toEqual([null]);
  });
});
