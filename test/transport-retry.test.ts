import { http, HttpResponse } from 'msw';
import { createRetryBudget } from '../api/http/retry-budget';
import { DEFAULT_RETRY_POLICY, isTransient, retryDelayMs } from '../api/http/retry-policy';
import { userRoutes } from '../api/contract/user-routes';
import { BackendError } from '../errors/backend-error';
import { buildUser } from '../testing/factories';
import { hangingResolver } from './support/http-abort';
import { API, server, useMockApi } from './support/setup';
import { rejectionOf, transportUnderTest } from './support/transport';

useMockApi();

const ME = `${API}/users/me`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Answers the requests in order with `statuses` (then 200 with a user), recording what each request carried. */
function answerInOrder(
  method: 'get' | 'patch',
  statuses: Array<number | 'network' | 'ok'>,
  headers: Record<string, string> = {},
) {
  const seen: Array<{ idempotencyKey: string | null; authorization: string | null }> = [];
  server.use(
    http[method](ME, ({ request }) => {
      seen.push({
        idempotencyKey: request.headers.get('Idempotency-Key'),
        authorization: request.headers.get('Authorization'),
      });
      const status = statuses[seen.length - 1];
      if (status === undefined || status === 'ok') return HttpResponse.json(buildUser());
      if (status === 'network') return HttpResponse.error();
      return HttpResponse.json({ code: 'SERVER', message: `answer ${seen.length}` }, { status, headers });
    }),
  );
  return seen;
}

const loadUser = (
  transport: ReturnType<typeof transportUnderTest>['transport'],
  requestId = 'req-1',
  retry?: false | number,
) => transport.send(userRoutes.loadUser, {}, { requestId, retry });

describe('the transport retries what may pass', () => {
  it('reads again a success whose body was cut off, reusing the write key so that the API replays its answer', async () => {
    const keys: Array<string | null> = [];
    server.use(
      http.patch(ME, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        if (keys.length === 1) return new HttpResponse('{"id": "usr-1", "na', { status: 200 });
        return HttpResponse.json(buildUser({ name: 'Grace' }));
      }),
    );
    const { transport } = transportUnderTest();

    const user = await transport.send(userRoutes.updateUser, { body: { name: 'Grace' } }, { requestId: 'req-1' });

    expect(user).toMatchObject({ name: 'Grace' });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('retries a GET answered 503 with exponential full-jitter backoff, reporting each attempt', async () => {
    answerInOrder('get', [503, 503]);
    const { transport, attempts, waits } = transportUnderTest();

    await expect(loadUser(transport)).resolves.toMatchObject({ id: 'usr-1' });

    expect(attempts).toEqual([
      {
        requestId: 'req-1',
        method: 'GET',
        path: '/users/me',
        status: 503,
        errorCode: 'SERVER',
        attempt: 1,
        retryInMs: 50,
      },
      {
        requestId: 'req-1',
        method: 'GET',
        path: '/users/me',
        status: 503,
        errorCode: 'SERVER',
        attempt: 2,
        retryInMs: 100,
      },
      { requestId: 'req-1', method: 'GET', path: '/users/me', status: 200, errorCode: undefined, attempt: 3 },
    ]);
    expect(waits).toEqual([50, 100]);
  });

  it.each([429, 502, 503, 504, 'network' as const])('retries a GET that failed with %s', async (status) => {
    const seen = answerInOrder('get', [status]);
    const { transport } = transportUnderTest();

    await expect(loadUser(transport)).resolves.toMatchObject({ id: 'usr-1' });
    expect(seen).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 500, 501])('does not retry a GET answered %i', async (status) => {
    const seen = answerInOrder('get', [status]);
    const { transport, attempts } = transportUnderTest();

    const error = await rejectionOf(loadUser(transport));

    expect(error).toMatchObject({ status, requestId: 'req-1' });
    expect(seen).toHaveLength(1);
    expect(attempts.map((attempt) => [attempt.attempt, attempt.retryInMs])).toEqual([[1, undefined]]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const seen = answerInOrder('get', [503, 503, 503, 503]);
    const { transport, attempts } = transportUnderTest();

    const error = await rejectionOf(loadUser(transport));

    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'SERVER', status: 503, requestId: 'req-1' });
    expect((error as BackendError).message).toContain('answer 3');
    expect(seen).toHaveLength(3);
    expect(attempts.map((attempt) => attempt.retryInMs)).toEqual([50, 100, undefined]);
  });

  it('retries an attempt that timed out, and reports each as TIMEOUT', async () => {
    const calls: string[] = [];
    server.use(http.get(ME, hangingResolver(calls).resolver));
    const { transport: short, attempts } = transportUnderTest({
      environment: { apiBaseUrl: API, logLevel: 'silent', timeoutMs: 100 },
      retry: { maxAttempts: 2 },
    });

    const error = await rejectionOf(short.send(userRoutes.loadUser, {}, { requestId: 'req-t' }));

    expect(error).toMatchObject({ code: 'TIMEOUT', requestId: 'req-t' });
    expect(attempts.map(({ attempt, errorCode }) => [attempt, errorCode])).toEqual([
      [1, 'TIMEOUT'],
      [2, 'TIMEOUT'],
    ]);
    expect(calls).toEqual([
      'GET /api/users/me started',
      'GET /api/users/me aborted',
      'GET /api/users/me started',
      'GET /api/users/me aborted',
    ]);
  });

  it('sends every POST and PATCH with an Idempotency-Key that its retries reuse, and a new one per call', async () => {
    const seen = answerInOrder('patch', [503, 'ok', 503]);
    const { transport } = transportUnderTest();

    await transport.send(userRoutes.updateUser, { body: { name: 'Ada' } }, { requestId: 'upd-1' });
    await transport.send(userRoutes.updateUser, { body: { name: 'Ada' } }, { requestId: 'upd-2' });

    const keys = seen.map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(keys.every((key) => key !== null && UUID.test(key))).toBe(true);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('sends no Idempotency-Key with a GET', async () => {
    const seen = answerInOrder('get', []);
    const { transport } = transportUnderTest();

    await loadUser(transport);

    expect(seen).toEqual([{ idempotencyKey: null, authorization: null }]);
  });

  it('waits the Retry-After the API asks for when it is longer than the backoff', async () => {
    answerInOrder('get', [429], { 'Retry-After': '2' });
    const { transport, waits, attempts } = transportUnderTest();

    await loadUser(transport);

    expect(waits).toEqual([2000]);
    expect(attempts[0]).toMatchObject({ status: 429, errorCode: 'RATE_LIMITED', retryInMs: 2000 });
  });

  it('fails at once with retryAfterMs when the API asks for a wait longer than maxRetryAfterMs', async () => {
    const seen = answerInOrder('get', [503], { 'Retry-After': '31' });
    const { transport, waits } = transportUnderTest();

    const error = await rejectionOf(loadUser(transport));

    expect(error).toMatchObject({ code: 'SERVER', status: 503, retryAfterMs: 31_000 });
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it.each([
    ['retry: false on the transport', { retry: false as const }, undefined, 1],
    ['retry: false on the call', {}, false as const, 1],
    ['retry: 1 on the call', {}, 1, 2],
    ['retry: 4 on the call, with the default policy (never more than it allows)', {}, 4, 3],
    ['retry: 4 on the call, with maxAttempts 6 on the transport', { retry: { maxAttempts: 6 } }, 4, 5],
  ])('makes as many attempts as %s allows', async (_case, options, perCall, expected) => {
    const seen = answerInOrder('get', [503, 503, 503, 503, 503, 503]);
    const { transport } = transportUnderTest(options);

    await rejectionOf(loadUser(transport, 'req-1', perCall));

    expect(seen).toHaveLength(expected);
  });

  it('stops retrying when the shared retry budget is spent, for every call of the transport', async () => {
    const seen = answerInOrder('get', Array<number>(20).fill(503));
    const { transport } = transportUnderTest({ retry: { maxAttempts: 10, budget: { capacity: 10, retryCost: 5 } } });

    await rejectionOf(loadUser(transport, 'first'));
    expect(seen).toHaveLength(3);

    await rejectionOf(loadUser(transport, 'second'));
    expect(seen).toHaveLength(4);
  });

  it('stops waiting between attempts as soon as the caller aborts, leaving no timer', async () => {
    answerInOrder('get', [503, 503]);
    const pending = new Set<unknown>();
    const controller = new AbortController();
    const { transport, attempts } = transportUnderTest({
      clock: {
        setTimeout: (run, ms) => {
          const handle = setTimeout(run, ms * 1000);
          pending.add(handle);
          controller.abort();
          return handle;
        },
        clearTimeout: (handle) => {
          pending.delete(handle);
          clearTimeout(handle as ReturnType<typeof setTimeout>);
        },
      },
    });

    const error = await rejectionOf(
      transport.send(userRoutes.loadUser, {}, { requestId: 'req-a', signal: controller.signal }),
    );

    expect(error).toMatchObject({ code: 'CANCELLED', requestId: 'req-a' });
    expect(pending.size).toBe(0);
    expect(attempts.map(({ attempt, retryInMs }) => [attempt, retryInMs])).toEqual([[1, 50]]);
  });
});

describe('which failures may pass', () => {
  it('counts a write whose earlier attempt the API is still running (409 idempotency_key_in_flight) as transient', () => {
    const inFlight = new BackendError({
      code: 'CONFLICT',
      message: 'x',
      status: 409,
      reason: 'idempotency_key_in_flight',
    });
    const taken = new BackendError({ code: 'CONFLICT', message: 'x', status: 409, reason: 'name_taken' });

    expect([isTransient(inFlight), isTransient(taken)]).toEqual([true, false]);
  });
});

describe('the backoff and the budget', () => {
  const unavailable = new BackendError({ code: 'SERVER', message: 'down', status: 503 });

  it('draws each wait between 0 and min(maxDelayMs, baseDelayMs * 2^retry)', () => {
    const bounds = [0, 1, 2, 3, 6, 10].map((retry) =>
      retryDelayMs(DEFAULT_RETRY_POLICY, retry, unavailable, () => 0.999_999),
    );
    const floors = [0, 1, 2].map((retry) => retryDelayMs(DEFAULT_RETRY_POLICY, retry, unavailable, () => 0));

    expect(bounds).toEqual([99, 199, 399, 799, 4999, 4999]);
    expect(floors).toEqual([0, 0, 0]);
  });

  it('takes 5 tokens per retry and 10 after a timeout, and gives back the last retry cost or 1 on success', () => {
    const budget = createRetryBudget();

    expect([budget.take(false), budget.take(true), budget.available]).toEqual([5, 10, 485]);
    budget.succeeded(10);
    budget.succeeded(undefined);
    expect(budget.available).toBe(496);
    for (let index = 0; index < 10; index++) budget.succeeded(undefined);
    expect(budget.available).toBe(500);
  });

  it('refuses a retry the bucket cannot pay for', () => {
    const budget = createRetryBudget({ capacity: 12 });

    expect([budget.take(false), budget.take(true), budget.take(false), budget.available]).toEqual([5, undefined, 5, 2]);
  });
});
