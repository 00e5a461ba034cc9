import { http, HttpResponse } from 'msw';
import { ErrorBodySchema } from '../api/contract/error-body';
import { isBackendError, type BackendError } from '../errors/backend-error';
import { ADVICE, REASON_ADVICE } from '../errors/messages';
import type { ErrorReason } from '../errors/reasons';
import { demoCredentials } from '../testing';
import { authenticate, type Caller } from '../testing/reference-api/access';
import { ApiError, errorBody } from '../testing/reference-api/errors';
import { exchangeOf } from '../testing/reference-api/exchange';
import { handlers } from '../testing/reference-api/handlers';
import type { RequestContext } from '../testing/reference-api/handlers/types';
import { seedStore } from '../testing/reference-api/seed';
import { Store } from '../testing/reference-api/store';
import { API, server, setup, useMockApi } from './support/setup';

// The reference API names the cause of every 401 and 409 in `reason`, and the client advises on that cause.

useMockApi();

function demoStore(): Store {
  const store = new Store({
    baseUrl: 'http://aurora.test/api',
    operationDurationMs: 0,
    accessTokenTtlMs: 60_000,
    refreshTokenTtlMs: 600_000,
    liveMetrics: false,
  });
  seedStore(store, 'demo');
  return store;
}

const exchange = () => exchangeOf(new Request('http://aurora.test/api/auth/login'), '/api');

function signedIn(store: Store): Caller & RequestContext {
  const { session } = handlers.login(
    { store, requestId: 'r', exchange: exchange() },
    { params: undefined, query: undefined, body: demoCredentials },
  );
  return { store, requestId: 'r', exchange: exchange(), ...authenticate(store, `Bearer ${session.accessToken}`) };
}

function apiErrorOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('reference API reasons', () => {
  it('a wrong password at sign-in is invalid_credentials', () => {
    const store = demoStore();
    const body = { email: demoCredentials.email, password: 'wrong-password-1' };
    const error = apiErrorOf(() =>
      handlers.login({ store, requestId: 'r', exchange: exchange() }, { params: undefined, query: undefined, body }),
    );
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'invalid_credentials' });
  });

  it('tells a missing token, an expired session and an unknown token apart', () => {
    const store = demoStore();
    expect(apiErrorOf(() => authenticate(store, undefined)).reason).toBe('missing_token');
    expect(apiErrorOf(() => authenticate(store, 'Bearer at_unknown')).reason).toBe('token_revoked');
    const caller = signedIn(store);
    const session = store.sessions.get(caller.credential.value);
    if (session === undefined) throw new Error('expected a session');
    session.expiresAt = Date.now() - 1;
    expect(apiErrorOf(() => authenticate(store, `Bearer ${caller.credential.value}`)).reason).toBe('session_expired');
  });

  it('a tenant that still runs services is has_dependants, a resource still used is in_use', () => {
    const context = signedIn(demoStore());
    const tenant = apiErrorOf(() =>
      handlers.deleteTenant(context, { params: { tenantId: 'ten-1' }, query: undefined, body: undefined }),
    );
    expect(tenant).toMatchObject({ code: 'CONFLICT', reason: 'has_dependants' });
    const resource = apiErrorOf(() =>
      handlers.deleteResource(context, {
        params: { tenantId: 'ten-1', resourceId: 'res-1' },
        query: undefined,
        body: undefined,
      }),
    );
    expect(resource).toMatchObject({ code: 'CONFLICT', reason: 'in_use' });
  });

  it('a name that is already taken is name_taken', () => {
    const context = signedIn(demoStore());
    const body = { type: 'string' as const, name: 'db-password', value: 'x' };
    const error = apiErrorOf(() =>
      handlers.createResource(context, { params: { tenantId: 'ten-1' }, query: undefined, body }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'name_taken' });
  });

  it('errorBody carries the reason and stays within the error body contract', () => {
    const body = errorBody(new ApiError('CONFLICT', 'x'.repeat(3000), undefined, 'in_use'), 'srv-1');
    expect(ErrorBodySchema.parse(body)).toEqual({
      code: 'CONFLICT',
      message: 'x'.repeat(2000),
      requestId: 'srv-1',
      reason: 'in_use',
    });
  });
});

describe('advice that matches the cause the API names', () => {
  async function loadUserFailure(status: number, error: ApiError): Promise<BackendError> {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(errorBody(error, 'srv-1'), { status })));
    const { bridge } = setup();
    const rejection: unknown = await bridge.request('loadUser', undefined).then(
      () => new Error('expected loadUser to be rejected'),
      (value: unknown) => value,
    );
    if (!isBackendError(rejection)) throw rejection;
    return rejection;
  }

  it.each<[number, string, ErrorReason, string]>([
    [401, 'Email or password is wrong', 'invalid_credentials', 'The email or password is wrong'],
    [401, 'The access token has expired', 'session_expired', 'sign in again'],
    [409, 'Tenant northwind-prod still runs services (shop)', 'has_dependants', 'Remove what it still contains first'],
    [409, 'Resource db-password is used by shop', 'in_use', 'Remove it from the items that use it first'],
    [409, 'The tenant already has a resource named db-password', 'name_taken', 'Choose another name'],
  ])('a %i "%s" (%s) advises: %s', async (status, message, reason, advice) => {
    const code = status === 401 ? 'UNAUTHORIZED' : 'CONFLICT';
    const error = await loadUserFailure(status, new ApiError(code, message, undefined, reason));
    expect(error.code).toBe(code);
    expect(error.message).toBe(`GET /users/me failed with ${status}: ${message}. ${REASON_ADVICE[reason]}`);
    expect(error.message).toContain(advice);
    expect(error.message).not.toContain(ADVICE[code]);
  });

  it('a reason this client does not know keeps the message and falls back to the advice of the code', async () => {
    server.use(
      http.get(`${API}/users/me`, () =>
        HttpResponse.json({ code: 'CONFLICT', message: 'busy', reason: 'a_future_reason' }, { status: 409 }),
      ),
    );
    const rejection: unknown = await setup()
      .bridge.request('loadUser', undefined)
      .catch((value: unknown) => value);
    expect(isBackendError(rejection) && rejection.message).toBe(
      `GET /users/me failed with 409: busy. ${ADVICE.CONFLICT}`,
    );
  });
});
