import { routes, type RouteId } from '../api/contract';
import { ErrorBodySchema } from '../api/contract/error-body';
import { CreatedTokenSchema, UserSchema } from '../interfaces';
import { demoCredentials, freemiumCredentials, labsOwnerCredentials, viewerCredentials } from '../testing';
import type { Store } from '../testing/reference-api/store';
import { referenceClient } from './support/reference-client';

/** Every write-only value the store holds. */
function secretsOf(store: Store): string[] {
  return [
    ...[...store.users.values()].map((user) => user.password),
    ...[...store.accounts.values()].map((account) => account.credentialSecret),
    ...[...store.tokens.values()].map((token) => token.secret),
    ...[...store.resources.values()]
      .filter((resource) => resource.type === 'secret' || resource.type === 'certificate')
      .map((resource) => resource.value),
  ];
}

afterEach(() => {
  jest.useRealTimers();
});

const userOf = (body: unknown) => UserSchema.parse((body as { user: unknown }).user);

describe('reference API sign-in and the signed-in user', () => {
  it('login answers the user and a session; GET /users/me with its token is a valid User', async () => {
    const { call } = referenceClient();
    const login = await call('login', { body: demoCredentials });
    expect(login.status).toBe(200);
    const { session } = login.body as { session: { accessToken: string; expiresAt: string } };
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    const me = await call('loadUser', { token: session.accessToken });
    expect(me.status).toBe(200);
    const user = UserSchema.parse(me.body);
    expect(user).toMatchObject({ email: demoCredentials.email, axebowPlan: 'premium' });
    expect(user.tenants.map((tenant) => [tenant.name, tenant.role])).toEqual([
      ['northwind-prod', 'owner'],
      ['northwind-labs', 'admin'],
    ]);
    expect(user.organizations[0]?.invoices.length).toBeGreaterThanOrEqual(2);
  });

  it('no answer to any seeded user carries a password, a credential secret, a secret value or a token secret', async () => {
    const { api, call, login } = referenceClient();
    const secrets = secretsOf(api.store);
    expect(secrets.length).toBeGreaterThan(8);
    for (const credentials of [demoCredentials, viewerCredentials, freemiumCredentials, labsOwnerCredentials]) {
      const loginBody = JSON.stringify((await call('login', { body: credentials })).body);
      const token = await login(credentials);
      const user = UserSchema.parse((await call('loadUser', { token })).body);
      const tenantLists = await Promise.all(
        user.tenants.map((tenant) => call('listServices', { token, params: { tenantId: tenant.id } })),
      );
      const text = [loginBody, JSON.stringify(user), ...tenantLists.map((list) => JSON.stringify(list.body))].join(
        '\n',
      );
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/"(password|credentialSecret|secret)"\s*:/);
    }
  });

  it('login with a wrong password or an unknown email answers the same 401', async () => {
    const { call } = referenceClient();
    const wrong = await call('login', { body: { email: demoCredentials.email, password: 'not-the-password' } });
    const unknown = await call('login', { body: { email: 'nobody@aurora.dev', password: 'whatever-123' } });
    expect(wrong.status).toBe(401);
    expect(ErrorBodySchema.parse(wrong.body)).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Email or password is wrong',
    });
    expect(unknown.body).toMatchObject({ code: 'UNAUTHORIZED', message: 'Email or password is wrong' });
  });

  it('login and refreshSession are the only routes that answer without a bearer token: every other route answers 401', async () => {
    const { call } = referenceClient();
    const ids = (Object.keys(routes) as RouteId[]).filter((id) => id !== 'login' && id !== 'refreshSession');
    const params = {
      tenantId: 'ten-1',
      serviceId: 'svc-1',
      instanceId: 'inst-1',
      organizationId: 'org-1',
      invoiceId: 'inv-1',
      userId: 'usr-2',
      tokenId: 'tok-1',
      accountId: 'acc-1',
      environmentId: 'env-1',
      resourceId: 'res-1',
      itemId: 'mkt-1',
      linkName: 'shop-payments',
      operationId: 'op-1',
      notificationId: 'ntf-1',
    };
    for (const id of ids) {
      const response = await call(id, { params });
      expect([id, response.status]).toEqual([id, 401]);
      expect(ErrorBodySchema.parse(response.body).code).toBe('UNAUTHORIZED');
      expect(response.headers.get('WWW-Authenticate')).toContain('Bearer');
    }
  });

  it('a bearer token that was never issued answers 401', async () => {
    const { call } = referenceClient();
    const response = await call('loadUser', { token: 'at_forged' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'The access token is invalid or was revoked',
    });
  });

  it('an access token stops working once its session expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-04-01T10:00:00Z') });
    const { call, login } = referenceClient({ accessTokenTtlMs: 60_000 });
    const token = await login(demoCredentials);
    jest.advanceTimersByTime(59_000);
    expect((await call('loadUser', { token })).status).toBe(200);
    jest.advanceTimersByTime(1_000);
    const expired = await call('loadUser', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ message: 'The access token has expired' });
  });

  it('logout answers 204 with no body and revokes the token', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const logout = await call('logout', { token });
    expect(logout).toMatchObject({ status: 204, body: undefined });
    expect((await call('loadUser', { token })).status).toBe(401);
  });

  it('error answers carry the X-Request-Id of the request as requestId, or a generated one', async () => {
    const { call } = referenceClient();
    const given = await call('loadUser', { headers: { 'X-Request-Id': 'req-42' } });
    expect(given.body).toMatchObject({ requestId: 'req-42' });
    expect(given.headers.get('X-Request-Id')).toBe('req-42');
    const generated = ErrorBodySchema.parse((await call('loadUser')).body);
    expect(generated.requestId).toMatch(/^[\w-]{8,}$/);
  });
});

describe('reference API tokens, password, plan and account deletion', () => {
  it('createToken answers the secret once; /users/me then lists the token without it', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const created = await call('createToken', {
      token,
      body: { name: 'deploy-bot', tenant: 'ten-1', description: 'Deploys', expiration: '2099-01-01T00:00:00Z' },
    });
    expect(created.status).toBe(201);
    const secret = CreatedTokenSchema.parse(created.body).token;
    const me = await call('loadUser', { token });
    const listed = UserSchema.parse(me.body).tokens.find((item) => item.name === 'deploy-bot');
    expect(listed).toMatchObject({ tenant: 'ten-1', lastUsed: null });
    expect(JSON.stringify(me.body)).not.toContain(secret);
  });

  it('an API token authenticates as its user and records when it was last used', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const created = await call('createToken', {
      token,
      body: { name: 'cli', tenant: 'ten-1', expiration: '2099-01-01T00:00:00Z' },
    });
    const { token: secret, id } = CreatedTokenSchema.parse(created.body);
    expect((await call('loadUser', { token: secret })).status).toBe(200);
    const listed = UserSchema.parse((await call('loadUser', { token })).body).tokens.find((item) => item.id === id);
    expect(listed?.lastUsed).toEqual(expect.any(String));
  });

  it('createToken refuses a tenant of someone else, a past expiration and a name already used', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const create = (body: object) => call('createToken', { token, body });
    const foreign = await create({ name: 'a', tenant: 'ten-3', expiration: '2099-01-01T00:00:00Z' });
    expect(foreign).toMatchObject({ status: 400, body: { code: 'VALIDATION', details: [{ path: 'tenant' }] } });
    const past = await create({ name: 'b', tenant: 'ten-1', expiration: '2001-01-01T00:00:00Z' });
    expect(past).toMatchObject({
      status: 400,
      body: { details: [{ path: 'expiration', message: 'must be in the future' }] },
    });
    const duplicate = await create({ name: 'ci-pipeline', tenant: 'ten-1', expiration: '2099-01-01T00:00:00Z' });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('deleteToken revokes an API token, and an unknown token id is 404', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const created = CreatedTokenSchema.parse(
      (await call('createToken', { token, body: { name: 'tmp', tenant: 'ten-1', expiration: '2099-01-01T00:00:00Z' } }))
        .body,
    );
    expect((await call('deleteToken', { token, params: { tokenId: created.id } })).status).toBe(204);
    expect((await call('loadUser', { token: created.token })).status).toBe(401);
    expect((await call('deleteToken', { token, params: { tokenId: created.id } })).status).toBe(404);
  });

  it('changePassword with a wrong current password answers 400 with a currentPassword detail', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const response = await call('changePassword', {
      token,
      body: { currentPassword: 'wrong-password', newPassword: 'brand-new-pass-1' },
    });
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.parse(response.body).details).toEqual([
      { path: 'currentPassword', message: 'does not match the current password' },
    ]);
  });

  it('changePassword makes only the new password work and ends the other sessions', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const other = await login(demoCredentials);
    const changed = await call('changePassword', {
      token,
      body: { currentPassword: demoCredentials.password, newPassword: 'brand-new-pass-1' },
    });
    expect(changed.status).toBe(204);
    expect((await call('loadUser', { token })).status).toBe(200);
    expect((await call('loadUser', { token: other })).status).toBe(401);
    expect((await call('login', { body: demoCredentials })).status).toBe(401);
    expect((await call('login', { body: { ...demoCredentials, password: 'brand-new-pass-1' } })).status).toBe(200);
  });

  it('updateUser changes profile fields, and an email another user has is 409', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const updated = await call('updateUser', { token, body: { name: 'Alexandra', notificationsEnabled: false } });
    expect(UserSchema.parse(updated.body)).toMatchObject({
      name: 'Alexandra',
      notificationsEnabled: false,
      surname: 'Morgan',
    });
    const taken = await call('updateUser', { token, body: { email: viewerCredentials.email } });
    expect(taken).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('changePlan switches the plan of the signed-in user', async () => {
    const { call, login } = referenceClient();
    const token = await login(freemiumCredentials);
    const upgraded = await call('changePlan', { token, body: { plan: 'premium' } });
    expect(UserSchema.parse(upgraded.body).axebowPlan).toBe('premium');
    const again = await call('loadUser', { token });
    expect(UserSchema.parse(again.body).axebowPlan).toBe('premium');
  });

  it('deleteUser deletes the user and revokes their sessions: they cannot sign in again', async () => {
    const { api, call, login } = referenceClient();
    const token = await login(viewerCredentials);
    expect((await call('deleteUser', { token })).status).toBe(204);
    expect((await call('loadUser', { token })).status).toBe(401);
    expect((await call('login', { body: viewerCredentials })).status).toBe(401);
    expect(api.store.memberships.some((membership) => membership.userId === 'usr-2')).toBe(false);
  });

  it('deleteUser is refused with 409 while the user owns a tenant', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const response = await call('deleteUser', { token });
    expect(response).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(userOf((await call('login', { body: demoCredentials })).body).email).toBe(demoCredentials.email);
  });
});
