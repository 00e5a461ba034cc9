import { ACCOUNT_SECRET, LABS, PROD, afterRequestEvent, newAccount, tenantIn } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

describe('createAccount', () => {
  it('connects a cloud account; its credentialSecret is in neither the payload, the state nor any later event', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const account = await bridge.request('createAccount', newAccount);

    const { name, region, authType, credentialId } = newAccount.cloudProvider;
    expect(account).toMatchObject({
      id: 'acc-6',
      tenant: PROD,
      name: 'gcp-analytics',
      cloudProvider: { name, region, authType, credentialId },
      environments: [],
      services: [],
      status: 'active',
    });
    expect(account.cloudProvider).not.toHaveProperty('credentialSecret');
    expect(tenantIn(handler, PROD)?.accounts.map(({ id }) => id)).toEqual(['acc-1', 'acc-2', 'acc-6']);
    expect(tenantIn(handler, PROD)?.accounts[2]).toEqual(account);
    expect(log.names()).toEqual(['createAccount', 'state:changed', 'createAccount:success']);
    expect(JSON.stringify(log.entries[0])).toContain(ACCOUNT_SECRET);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'createAccount'))).not.toContain(ACCOUNT_SECRET);
    expect(JSON.stringify(handler.getState())).not.toContain(ACCOUNT_SECRET);
    expect(api.store.accounts.get('acc-6')?.credentialSecret).toBe(ACCOUNT_SECRET);
  });

  it('refuses a name the tenant already has with CONFLICT (409), without echoing the secret', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('createAccount', { ...newAccount, name: 'aws-production' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'POST', path: `/tenants/${PROD}/accounts` });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['createAccount', 'createAccount:error']);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'createAccount'))).not.toContain(ACCOUNT_SECRET);
    expect(error.message).not.toContain(ACCOUNT_SECRET);
  });

  it('refuses an account without credentials with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('createAccount', {
        tenantId: PROD,
        name: 'gcp-analytics',
        cloudProvider: { name: 'gcp' },
      } as never),
    );

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual([
      'cloudProvider.credentialId',
      'cloudProvider.credentialSecret',
    ]);
    expect(httpCalls).toEqual([]);
  });
});

describe('updateAccount', () => {
  it('renames an account; the state follows', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const account = await bridge.request('updateAccount', {
      tenantId: PROD,
      accountId: 'acc-2',
      name: 'openstack-madrid-2',
    });

    expect(account).toMatchObject({ id: 'acc-2', name: 'openstack-madrid-2', environments: ['env-2'] });
    expect(tenantIn(handler, PROD)?.accounts[1]).toEqual(account);
    expect(log.names()).toEqual(['updateAccount', 'state:changed', 'updateAccount:success']);
  });

  it('rotates the credentials: the account turns pending and the new secret never comes back', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const account = await bridge.request('updateAccount', {
      tenantId: PROD,
      accountId: 'acc-1',
      cloudProvider: { credentialId: 'AKIA4ROTATED0EXAMPLE', credentialSecret: ACCOUNT_SECRET },
    });

    expect(account).toMatchObject({ id: 'acc-1', status: 'pending' });
    expect(account.cloudProvider).toEqual({
      name: 'aws',
      region: 'eu-west-1',
      authType: 'accessKey',
      credentialId: 'AKIA4ROTATED0EXAMPLE',
    });
    expect(tenantIn(handler, PROD)?.accounts[0]).toEqual(account);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'updateAccount'))).not.toContain(ACCOUNT_SECRET);
    expect(JSON.stringify(handler.getState())).not.toContain(ACCOUNT_SECRET);
    expect(api.store.accounts.get('acc-1')?.credentialSecret).toBe(ACCOUNT_SECRET);
  });

  it('refuses the name of another account of the tenant with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('updateAccount', { tenantId: PROD, accountId: 'acc-2', name: 'aws-production' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, path: `/tenants/${PROD}/accounts/acc-2` });
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown account, or one of another tenant, with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const unknown = await expectError(
      bridge.request('updateAccount', { tenantId: PROD, accountId: 'acc-404', name: 'x' }),
    );
    const elsewhere = await expectError(
      bridge.request('updateAccount', { tenantId: PROD, accountId: 'acc-3', name: 'x' }),
    );

    expect(unknown).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(elsewhere).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('refuses a change of nothing with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('updateAccount', { tenantId: PROD, accountId: 'acc-1' }));

    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Give at least one field to change');
    expect(httpCalls).toEqual([]);
  });
});

describe('deleteAccount', () => {
  it('disconnects an account without environments: the payload echoes the ids and the state drops it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const result = await bridge.request('deleteAccount', { tenantId: LABS, accountId: 'acc-4' });

    expect(result).toEqual({ tenantId: LABS, accountId: 'acc-4' });
    expect(tenantIn(handler, LABS)?.accounts.map(({ id }) => id)).toEqual(['acc-3']);
    expect(api.store.accounts.has('acc-4')).toBe(false);
    expect(log.names()).toEqual(['deleteAccount', 'state:changed', 'deleteAccount:success']);
  });

  it('refuses an account that still has environments with CONFLICT (409), keeping it', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteAccount', { tenantId: PROD, accountId: 'acc-1' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'DELETE' });
    expect(error.message).toContain('production');
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown account with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('deleteAccount', { tenantId: PROD, accountId: 'acc-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, path: `/tenants/${PROD}/accounts/acc-404` });
  });
});

describe('validateAccountCredentials', () => {
  it('reports credentials the provider accepts as valid', async () => {
    const { bridge, log, signIn } = setupReference();
    await signIn();

    const check = await bridge.request('validateAccountCredentials', { tenantId: PROD, accountId: 'acc-1' });

    expect(check).toMatchObject({
      accountId: 'acc-1',
      valid: true,
      message: 'aws accepted AKIA4NORTHWIND7EXAMPLE in eu-west-1',
      account: { id: 'acc-1', status: 'active' },
    });
    expect(log.names()).toEqual(['validateAccountCredentials', 'state:changed', 'validateAccountCredentials:success']);
  });

  it('reports credentials the provider refuses as not valid, as a success outcome', async () => {
    const { bridge, signIn } = setupReference();
    await signIn();

    const check = await bridge.request('validateAccountCredentials', { tenantId: LABS, accountId: 'acc-4' });

    expect(check).toMatchObject({
      accountId: 'acc-4',
      valid: false,
      message: 'aws refused AKIA4LEGACY0EXAMPLE in us-east-1: authentication failed',
      account: { id: 'acc-4', status: 'error' },
    });
  });

  it('after rotated credentials pass the check, the account is active again in the state', async () => {
    const { api, bridge, handler, signIn } = setupReference();
    await signIn();
    await bridge.request('updateAccount', {
      tenantId: PROD,
      accountId: 'acc-1',
      cloudProvider: { credentialSecret: ACCOUNT_SECRET },
    });

    const check = await bridge.request('validateAccountCredentials', { tenantId: PROD, accountId: 'acc-1' });

    expect(check.valid).toBe(true);
    expect(api.store.accounts.get('acc-1')?.status).toBe('active');
    expect(tenantIn(handler, PROD)?.accounts[0]?.status).toBe('active');
  });

  it('answers an unknown account with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('validateAccountCredentials', { tenantId: PROD, accountId: 'acc-404' }),
    );

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      method: 'POST',
      path: `/tenants/${PROD}/accounts/acc-404/validate`,
    });
  });
});
