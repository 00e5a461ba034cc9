import { BackendError } from '../errors/backend-error';
import {
  ADVICE,
  REASON_ADVICE,
  adviceFor,
  alreadyClaimed,
  callNotSent,
  cancelled,
  contractViolation,
  defect,
  failedResponse,
  handlerStopped,
  invalidInput,
  invalidRequestMeta,
  invalidSetting,
  noHandler,
  operationFailed,
  requestIdInFlight,
  serviceFormRejected,
  tenantNotLoaded,
  timedOut,
  tokenProviderFailed,
  type HttpCall,
} from '../errors/messages';
import { ERROR_REASONS } from '../errors/reasons';
import { OperationSchema, type Operation } from '../interfaces/operation-interface';

const CALL: HttpCall = {
  method: 'DELETE',
  path: '/tenants/ten-1',
  requestId: 'req-1',
  apiBaseUrl: 'http://aurora.test/api',
  timeoutMs: 5000,
  secrets: ['at_secret-token-123'],
};

const failedOperation = (error?: Operation['error']): Operation =>
  OperationSchema.parse({
    id: 'op-7',
    kind: 'deployService',
    target: { type: 'service', id: 'svc-3', tenant: 'ten-1' },
    status: 'failed',
    progress: 40,
    ...(error === undefined ? {} : { error }),
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:01:00.000Z',
  });

describe('request lifecycle messages', () => {
  it('invalidInput names the request, counts and lists the problems, and says what to do', () => {
    const error = invalidInput(
      'updateUser',
      [
        { path: 'name', message: 'Name is required' },
        { path: 'email', message: 'Email must be an email address such as ada@example.com' },
      ],
      'req-1',
    );
    expect(error).toBeInstanceOf(BackendError);
    expect(error.code).toBe('VALIDATION');
    expect(error.requestId).toBe('req-1');
    expect(error.details).toHaveLength(2);
    expect(error.message).toBe(
      '"updateUser" was not sent: its input has 2 problems (name: Name is required; email: Email must be an email address such as ada@example.com). ' +
        ADVICE.VALIDATION,
    );
  });

  it('cancelled keeps a BackendError given as the abort reason, with the request id', () => {
    const cause = timedOut('loadUser', 'other', 100);
    const error = cancelled('loadUser', 'req-2', cause);
    expect(error.code).toBe('TIMEOUT');
    expect(error.requestId).toBe('req-2');
  });

  it('cancelled reports any other abort reason as CANCELLED by the caller, keeping it as cause', () => {
    const reason = new Error('user left the page');
    const error = cancelled('loadUser', 'req-2', reason);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe(`"loadUser" was cancelled by its caller before it completed. ${ADVICE.CANCELLED}`);
    expect(error.cause).toBe(reason);
    expect(error.retryable).toBe(false);
  });

  it('timedOut says how long the request waited and is retryable', () => {
    const error = timedOut('deployService', 'req-3', 2500);
    expect(error.code).toBe('TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(`"deployService" got no outcome within 2500 ms and was aborted. ${ADVICE.TIMEOUT}`);
  });

  it('handlerStopped says the handler was stopped, with or without the request it cancelled', () => {
    expect(handlerStopped('loadUser', 'req-4').message).toMatch(/^"loadUser" was cancelled because the backend/);
    expect(handlerStopped().message).toMatch(/^The request was cancelled because the backend handler was stopped/);
    expect(handlerStopped('loadUser', 'req-4')).toMatchObject({ code: 'CANCELLED', requestId: 'req-4' });
  });

  it('noHandler and alreadyClaimed are CONFIG errors that say how to fix the setup', () => {
    expect(noHandler('loadUser', 'req-5')).toMatchObject({ code: 'CONFIG', requestId: 'req-5' });
    expect(noHandler('loadUser').message).toContain('Call handler.start() before emitting requests.');
    const claimed = alreadyClaimed(['a', 'b', 'c', 'd', 'e']);
    expect(claimed.code).toBe('CONFIG');
    expect(claimed.message).toContain('"a", "b", "c" and 2 more requests');
  });

  it('requestIdInFlight points at meta.requestId and tells the caller to omit it', () => {
    const error = requestIdInFlight('loadUser', 'dup');
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([{ path: 'meta.requestId', message: 'is already used by a request in flight' }]);
    expect(error.message).toContain('Omit requestId');
  });

  it('invalidRequestMeta lists each problem with its path and shows the expected shape', () => {
    const problems = [{ path: 'options.timeoutMs', message: 'must be a number of milliseconds above 0' }];
    const error = invalidRequestMeta('loadUser', 'options', problems, '{ timeoutMs?, signal? }');
    expect(error.message).toBe(
      '"loadUser" was not sent: its options are invalid (options.timeoutMs must be a number of milliseconds above 0). Pass { timeoutMs?, signal? }.',
    );
    expect(error.details).toEqual(problems);
  });

  it('defect keeps a BackendError and reports anything else as a non-retryable defect', () => {
    const known = new BackendError({ code: 'NOT_FOUND', message: 'gone' });
    expect(defect('loadUser', 'req-6', known)).toMatchObject({ code: 'NOT_FOUND', requestId: 'req-6' });
    const error = defect('loadUser', 'req-6', new TypeError('x is undefined'));
    expect(error).toMatchObject({ code: 'SERVER', retryable: false, requestId: 'req-6' });
    expect(error.message).toContain('"loadUser" failed inside aurora-backend-handler: x is undefined');
  });

  it("operationFailed names the operation, its target, the API's reason and the advice of its code", () => {
    const error = operationFailed(failedOperation({ code: 'CONFLICT', message: 'image not found' }), 'req-7');
    expect(error).toMatchObject({ code: 'CONFLICT', requestId: 'req-7', retryable: false });
    expect(error.message).toBe(
      `Operation op-7 (deployService of service "svc-3") failed: image not found. ${ADVICE.CONFLICT}`,
    );
    expect(operationFailed(failedOperation(), 'req-7').message).toContain('the API gave no reason');
  });

  it('tenantNotLoaded points at tenantId and says to load the user first', () => {
    const error = tenantNotLoaded('ten-9', 'req-8');
    expect(error.details[0]?.path).toBe('tenantId');
    expect(error.message).toContain('Emit loadUser first');
  });
});

describe('HTTP messages', () => {
  it('failedResponse advises on the reason the API names, not only on the status', () => {
    const login = failedResponse(
      { ...CALL, method: 'POST', path: '/auth/login' },
      { status: 401, message: 'Email or password is wrong', reason: 'invalid_credentials' },
    );
    expect(login.code).toBe('UNAUTHORIZED');
    expect(login.message).toBe(
      'POST /auth/login failed with 401: Email or password is wrong. The email or password is wrong: check both and sign in again.',
    );
    expect(login.message).not.toContain('access token');

    const dependants = failedResponse(CALL, {
      status: 409,
      message: 'Tenant shop still runs services',
      reason: 'has_dependants',
    });
    expect(dependants.message).toContain(REASON_ADVICE.has_dependants);
    expect(dependants.message).not.toContain('another name');
    const taken = failedResponse(CALL, { status: 409, message: 'The name is taken', reason: 'name_taken' });
    expect(taken.message).toContain('Choose another name');
  });

  it('failedResponse falls back to the advice of the code for a missing or unknown reason', () => {
    expect(failedResponse(CALL, { status: 409, message: 'no' }).message).toContain(ADVICE.CONFLICT);
    expect(failedResponse(CALL, { status: 401, message: 'no', reason: 'future_reason' }).message).toContain(
      ADVICE.UNAUTHORIZED,
    );
  });

  it('failedResponse hides the secrets of the call even when the API echoes them', () => {
    const error = failedResponse(CALL, {
      status: 400,
      message: 'bad token at_secret-token-123',
      details: [{ path: 'auth', message: 'at_secret-token-123 rejected' }],
    });
    expect(JSON.stringify(error)).not.toContain('at_secret-token-123');
  });

  it('every advice, per code and per reason, is one sentence that ends with a full stop', () => {
    for (const advice of [...Object.values(ADVICE), ...Object.values(REASON_ADVICE)]) {
      expect(advice).toMatch(/^[A-Z].*\.$/);
    }
    expect(Object.keys(REASON_ADVICE).sort()).toEqual([...ERROR_REASONS].sort());
    expect(adviceFor('CONFLICT', 'toString')).toBe(ADVICE.CONFLICT);
  });

  it('callNotSent, contractViolation and tokenProviderFailed name the call and its request', () => {
    const notSent = callNotSent(CALL, 'body', [{ path: 'body.name', message: 'Name is required' }]);
    expect(notSent).toMatchObject({ code: 'VALIDATION', method: 'DELETE', path: '/tenants/ten-1', requestId: 'req-1' });
    expect(notSent.message).toContain(
      'DELETE /tenants/ten-1 was not sent: its body is invalid (body.name: Name is required)',
    );
    expect(contractViolation(CALL, 200, 204).message).toContain('answered 200 but the contract expects status 204');
    const token = tokenProviderFailed(CALL, new Error('storage locked'));
    expect(token).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(token.message).toContain('auth.getAccessToken failed (storage locked)');
  });
});

describe('other messages', () => {
  it('invalidSetting names the setting, its source, the value, the problem and the accepted form', () => {
    const error = invalidSetting({
      key: 'timeoutMs',
      variable: 'AURORA_TIMEOUT_MS',
      source: 'given in code',
      shownValue: '"0"',
      problems: ['timeoutMs must be between 1 and 600000'],
      accepted: 'a whole number of milliseconds from 1 to 600000',
    });
    expect(error.code).toBe('CONFIG');
    expect(error.message).toBe(
      'Invalid setting timeoutMs (given in code; environment variable AURORA_TIMEOUT_MS): got "0" (timeoutMs must be between 1 and 600000). Expected a whole number of milliseconds from 1 to 600000.',
    );
  });

  it('serviceFormRejected says whether the deploy or the update failed and how many problems the form has', () => {
    const details = [{ path: 'name', message: 'Name is required' }];
    expect(serviceFormRejected('deploy', details).message).toMatch(
      /^The service was not deployed: the form has 1 problem/,
    );
    expect(serviceFormRejected('update', [...details, ...details], 'r').message).toMatch(
      /^The service was not updated: the form has 2 problems/,
    );
  });
});
