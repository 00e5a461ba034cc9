import { http, HttpResponse } from 'msw';
import { BackendError, isBackendError } from '../errors/backend-error';
import { API, server, setup, TEST_TOKEN, useMockApi } from './support/setup';

useMockApi();

const ME = `${API}/users/me`;
const PASSWORD = 'hunter2secret';

/** The BackendError `pending` rejects with; fails the test when it resolves or rejects with something else. */
async function rejectionOf(pending: Promise<unknown>): Promise<BackendError> {
  const error: unknown = await pending.then(
    () => new Error('expected a rejection'),
    (rejection: unknown) => rejection,
  );
  if (!isBackendError(error)) throw error;
  return error;
}

describe('BackendError secrecy', () => {
  it('shows neither the access token nor a password when the server echoes them in its error body', async () => {
    server.use(
      http.get(ME, () =>
        HttpResponse.json(
          {
            code: 'SERVER',
            message: `rejected "Authorization: Bearer ${TEST_TOKEN}" (raw ${TEST_TOKEN}) for password=${PASSWORD}`,
            details: [
              { path: 'headers.authorization', message: `got ${TEST_TOKEN}` },
              { path: 'body', message: `password=${PASSWORD}` },
            ],
          },
          { status: 500 },
        ),
      ),
    );
    const { bridge, log } = setup();

    const error = await rejectionOf(bridge.request('loadUser', undefined, { requestId: 'req-secret' }));

    expect(error).toMatchObject({ code: 'SERVER', status: 500, requestId: 'req-secret' });
    expect(error.message).toContain('[REDACTED]');
    expect(error.details).toHaveLength(2);
    const outcome = log.entries.find((entry) => entry.event === 'loadUser:error');
    const surfaces = [error.message, JSON.stringify(error), error.stack ?? '', JSON.stringify(outcome?.args[0])];
    for (const secret of [TEST_TOKEN, PASSWORD]) {
      expect(surfaces.filter((surface) => surface.includes(secret))).toEqual([]);
    }
  });

  it.each([
    ['a bearer header', `Authorization: Bearer ${TEST_TOKEN}`, TEST_TOKEN],
    ['a basic header', 'Authorization: Basic YWRhOmh1bnRlcjJzZWNyZXQ=', 'YWRhOmh1bnRlcjJzZWNyZXQ='],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl', 'eyJhbGciOiJIUzI1NiJ9'],
    ['a password pair', `password=${PASSWORD}`, PASSWORD],
    ['a JSON secret', `{"accessToken": "${TEST_TOKEN}"}`, TEST_TOKEN],
    ['URL credentials', `https://ada:${PASSWORD}@api.example.com/api`, PASSWORD],
  ])('redacts %s from the message, details and JSON of an error it is given to', (_case, text, secret) => {
    const cause = new Error(`upstream said: ${text}`);
    const error = new BackendError({
      code: 'NETWORK',
      message: `call failed: ${text}`,
      details: [{ path: 'request', message: text }],
      cause,
    });

    expect(error.cause).toBe(cause);
    expect(
      [error.message, error.details[0]?.message, JSON.stringify(error)].filter((s) => s?.includes(secret)),
    ).toEqual([]);
  });

  it('keeps the cause of a network failure for debugging but leaves it out of toJSON()', async () => {
    server.use(http.get(ME, () => HttpResponse.error()));
    const { bridge } = setup();

    const error = await rejectionOf(bridge.request('loadUser'));

    expect(error.code).toBe('NETWORK');
    expect(error.cause).toBeInstanceOf(Error);
    expect(Object.keys(error.toJSON()).sort()).toEqual([
      'code',
      'details',
      'message',
      'method',
      'name',
      'path',
      'requestId',
      'retryable',
    ]);
  });
});

describe('isBackendError', () => {
  class BackendErrorFromAnotherCopy extends Error {
    override readonly name = 'BackendError';
    readonly code = 'TIMEOUT';
  }

  it.each([
    ['a BackendError', new BackendError({ code: 'SERVER', message: 'boom' })],
    ['a BackendError of another copy of the library', new BackendErrorFromAnotherCopy('slow')],
    ['a structurally equal plain object', { name: 'BackendError', code: 'CONFLICT', message: 'taken' }],
  ])('recognizes %s', (_case, value) => {
    expect(isBackendError(value)).toBe(true);
  });

  it.each([
    ['a plain Error', new Error('boom')],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'BackendError'],
    ['an object with an unknown code', { code: 'NOPE' }],
    ['a BackendError-named object with an unknown code', { name: 'BackendError', code: 'NOPE' }],
    ['an object with a known code but another name', { name: 'TypeError', code: 'SERVER' }],
  ])('rejects %s', (_case, value) => {
    expect(isBackendError(value)).toBe(false);
  });
});

describe('BackendError.withRequestId', () => {
  const original = new BackendError({
    code: 'RATE_LIMITED',
    message: 'slow down',
    status: 429,
    method: 'GET',
    path: '/users/me',
    details: [{ path: 'rate', message: 'too many' }],
    retryable: false,
    cause: new Error('upstream'),
  });

  it('returns a copy naming the request, with every other field and the cause kept', () => {
    const copy = original.withRequestId('req-7');

    expect(copy).toBeInstanceOf(BackendError);
    expect(copy).not.toBe(original);
    expect(copy.toJSON()).toEqual({ ...original.toJSON(), requestId: 'req-7' });
    expect(copy.cause).toBe(original.cause);
    expect(original.requestId).toBeUndefined();
  });

  it('returns the same error when it already names that request', () => {
    const named = original.withRequestId('req-7');

    expect(named.withRequestId('req-7')).toBe(named);
  });
});
