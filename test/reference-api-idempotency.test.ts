import { CreatedTokenSchema, UserSchema } from '../interfaces';
import { demoCredentials, viewerCredentials } from '../testing';
import { IdempotencyKeys } from '../testing/reference-api/idempotency';
import { referenceClient, signedInClient } from './support/reference-client';

// Idempotency keys as Stripe and draft-ietf-httpapi-idempotency-key-header define them: a retry with the key of
// an earlier request gets that request's answer instead of running it again.

const tokenBody = { name: 'deploy-bot', tenant: 'ten-1', expiration: '2099-01-01T00:00:00.000Z' };
const keyed = (key: string) => ({ 'Idempotency-Key': key });

afterEach(() => {
  jest.useRealTimers();
});

describe('reference API idempotency keys', () => {
  it('the same key, method, path and body replays the first answer with Idempotent-Replayed, without running again', async () => {
    const { api, call, token } = await signedInClient();
    const before = api.store.tokens.size;
    const first = await call('createToken', { token, body: tokenBody, headers: keyed('k-1') });
    const retry = await call('createToken', {
      token,
      body: tokenBody,
      headers: { ...keyed('k-1'), 'X-Request-Id': 'req-retry' },
    });

    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(retry.headers.get('X-Request-Id')).toBe('req-retry');
    expect(CreatedTokenSchema.parse(retry.body)).toEqual(CreatedTokenSchema.parse(first.body));
    expect(api.store.tokens.size).toBe(before + 1);
  });

  it('an error the route answered is replayed too (the route ran)', async () => {
    const { call, token } = await signedInClient();
    const taken = { ...tokenBody, name: 'ci-pipeline' };
    const first = await call('createToken', { token, body: taken, headers: keyed('k-taken') });
    const retry = await call('createToken', { token, body: taken, headers: keyed('k-taken') });
    expect(first).toMatchObject({ status: 409, body: { code: 'CONFLICT', reason: 'name_taken' } });
    expect(retry).toMatchObject({ status: 409, body: { code: 'CONFLICT', reason: 'name_taken' } });
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
  });

  it('the same key with another body, path or method is 422 idempotency_key_reused', async () => {
    const { call, token } = await signedInClient();
    await call('createToken', { token, body: tokenBody, headers: keyed('k-2') });

    const otherBody = await call('createToken', { token, body: { ...tokenBody, name: 'x' }, headers: keyed('k-2') });
    const otherRoute = await call('updateUser', { token, body: { name: 'Grace' }, headers: keyed('k-2') });

    for (const answer of [otherBody, otherRoute]) {
      expect(answer).toMatchObject({
        status: 422,
        body: { code: 'VALIDATION', reason: 'idempotency_key_reused' },
      });
    }
  });

  it('a key whose first request still runs is 409 idempotency_key_in_flight', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const { api, call, token } = await signedInClient();
    api.inject('updateUser', { delayMs: 1_000, times: 1 });
    const first = call('updateUser', { token, body: { name: 'Grace' }, headers: keyed('k-slow') });
    while (api.store.idempotency.size === 0) await new Promise((resolve) => setImmediate(resolve));

    const second = await call('updateUser', { token, body: { name: 'Grace' }, headers: keyed('k-slow') });
    expect(second).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', reason: 'idempotency_key_in_flight' },
    });

    await jest.advanceTimersByTimeAsync(1_000);
    expect((await first).status).toBe(200);
    const third = await call('updateUser', { token, body: { name: 'Grace' }, headers: keyed('k-slow') });
    expect(third.headers.get('Idempotent-Replayed')).toBe('true');
  });

  it('requests refused before the route ran (401, 400, an injected failure) keep the key free', async () => {
    const { api, call, token } = await signedInClient();
    expect((await call('createToken', { token: 'at_forged', body: tokenBody, headers: keyed('k-3') })).status).toBe(
      401,
    );
    expect((await call('createToken', { token, body: { name: '' }, headers: keyed('k-3') })).status).toBe(400);
    api.inject('createToken', { status: 503, times: 1 });
    expect((await call('createToken', { token, body: tokenBody, headers: keyed('k-3') })).status).toBe(503);

    const created = await call('createToken', { token, body: tokenBody, headers: keyed('k-3') });
    expect(created.status).toBe(201);
    expect(created.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('keys are scoped to the caller: another user with the same key and body runs their own request', async () => {
    const { call, login } = referenceClient();
    const demo = await login(demoCredentials);
    const viewer = await login(viewerCredentials);
    const mine = await call('updateUser', { token: demo, body: { companyName: 'Acme' }, headers: keyed('k-4') });
    const theirs = await call('updateUser', { token: viewer, body: { companyName: 'Acme' }, headers: keyed('k-4') });
    expect(UserSchema.parse(mine.body).email).toBe(demoCredentials.email);
    expect(UserSchema.parse(theirs.body).email).toBe(viewerCredentials.email);
    expect(theirs.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('an answer is replayed for 24 hours, then the key is forgotten', async () => {
    jest.useFakeTimers({ now: new Date('2026-04-01T10:00:00Z') });
    const { call, token } = await signedInClient({ accessTokenTtlMs: 48 * 3_600_000 });
    await call('updateUser', { token, body: { name: 'Grace' }, headers: keyed('k-5') });
    jest.advanceTimersByTime(24 * 3_600_000 - 1);
    const replayed = await call('updateUser', { token, body: { name: 'Grace' }, headers: keyed('k-5') });
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
    jest.advanceTimersByTime(1);
    const again = await call('updateUser', { token, body: { name: 'Grace' }, headers: keyed('k-5') });
    expect(again.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('a key that is empty, longer than 255 characters or not printable ASCII is 400', async () => {
    const { call, token } = await signedInClient();
    for (const key of ['', 'k'.repeat(256), 'tab\there', 'caf\u00e9']) {
      const answer = await call('updateUser', { token, body: { name: 'Grace' }, headers: keyed(key) });
      expect(answer).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION', details: [{ path: 'Idempotency-Key' }] },
      });
    }
    const longest = await call('updateUser', { token, body: { name: 'Grace' }, headers: keyed('k'.repeat(255)) });
    expect(longest.status).toBe(200);
  });

  it('keeps at most its cap of keys, forgetting the oldest first', async () => {
    const keys = new IdempotencyKeys(() => 0, 1_000, 2);
    const answer = () => new Response('{}', { status: 200 });
    for (const key of ['a', 'b', 'c']) {
      const claim = keys.claim('usr-1', key, 'POST /x');
      if (claim.kind === 'first') await claim.complete(answer());
    }
    expect(keys.size).toBe(2);
    expect(keys.claim('usr-1', 'c', 'POST /x').kind).toBe('replay');
    expect(keys.claim('usr-1', 'a', 'POST /x').kind).toBe('first');
  });
});
