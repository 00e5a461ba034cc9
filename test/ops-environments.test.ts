import { PROD, tenantIn } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

describe('createEnvironment', () => {
  const input = {
    tenantId: PROD,
    name: 'qa',
    account: 'acc-2',
    labels: ['qa', 'eu'],
    limits: { cpu: 4, memory: 8192 },
  };

  it('creates an environment on an account of the tenant; the state lists it in the tenant', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const environment = await bridge.request('createEnvironment', input);

    expect(environment).toMatchObject({
      id: 'env-5',
      tenant: PROD,
      account: 'acc-2',
      name: 'qa',
      labels: ['qa', 'eu'],
      services: [],
      organization: 'org-1',
      cloudProvider: 'openstack',
      status: 'active',
    });
    expect(tenantIn(handler, PROD)?.environments.map(({ id }) => id)).toEqual(['env-1', 'env-2', 'env-5']);
    expect(tenantIn(handler, PROD)?.environments[2]).toEqual(environment);
    expect(log.names()).toEqual(['createEnvironment', 'state:changed', 'createEnvironment:success']);
  });

  it('lists the new environment under its account in the state', async () => {
    const { bridge, handler, signIn } = setupReference();
    await signIn();

    await bridge.request('createEnvironment', input);

    const account = tenantIn(handler, PROD)?.accounts.find(({ id }) => id === 'acc-2');
    expect(account?.environments).toEqual(['env-2', 'env-5']);
  });

  it('refuses an account that is not in the tenant with VALIDATION (400) naming account', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const unknown = await expectError(bridge.request('createEnvironment', { ...input, account: 'acc-404' }));
    const elsewhere = await expectError(bridge.request('createEnvironment', { ...input, account: 'acc-3' }));

    expect(unknown).toMatchObject({ code: 'VALIDATION', status: 400, path: `/tenants/${PROD}/environments` });
    expect(unknown.details).toEqual([{ path: 'account', message: 'no account acc-404 in this tenant' }]);
    expect(elsewhere.details).toEqual([{ path: 'account', message: 'no account acc-3 in this tenant' }]);
    expect(handler.getState()).toBe(before);
  });

  it('refuses a name the tenant already has with CONFLICT (409)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('createEnvironment', { ...input, name: 'production' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
  });

  it('refuses limits below the minimum with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('createEnvironment', { ...input, limits: { cpu: 0, memory: 64 } }));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['limits.cpu', 'limits.memory']);
    expect(httpCalls).toEqual([]);
  });
});

describe('updateEnvironment', () => {
  it('renames an environment and changes its labels; the state follows', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const environment = await bridge.request('updateEnvironment', {
      tenantId: PROD,
      environmentId: 'env-2',
      name: 'pre-production',
      labels: ['staging', 'madrid'],
    });

    expect(environment).toMatchObject({
      id: 'env-2',
      name: 'pre-production',
      labels: ['staging', 'madrid'],
      services: ['svc-3'],
    });
    expect(tenantIn(handler, PROD)?.environments[1]).toEqual(environment);
    expect(log.names()).toEqual(['updateEnvironment', 'state:changed', 'updateEnvironment:success']);
  });

  it('refuses the name of another environment of the tenant with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('updateEnvironment', { tenantId: PROD, environmentId: 'env-2', name: 'production' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'PATCH' });
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown environment with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('updateEnvironment', { tenantId: PROD, environmentId: 'env-404', name: 'x' }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, path: `/tenants/${PROD}/environments/env-404` });
  });

  it('refuses a change of nothing with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('updateEnvironment', { tenantId: PROD, environmentId: 'env-2' }));

    expect(error.code).toBe('VALIDATION');
    expect(httpCalls).toEqual([]);
  });
});

describe('deleteEnvironment', () => {
  it('deletes an environment that runs no services: the payload echoes the ids and the state drops it', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();
    await bridge.request('createEnvironment', { tenantId: PROD, name: 'qa', account: 'acc-2' });
    log.entries.length = 0;

    const result = await bridge.request('deleteEnvironment', { tenantId: PROD, environmentId: 'env-5' });

    expect(result).toEqual({ tenantId: PROD, environmentId: 'env-5' });
    expect(tenantIn(handler, PROD)?.environments.map(({ id }) => id)).toEqual(['env-1', 'env-2']);
    expect(log.names()).toEqual(['deleteEnvironment', 'state:changed', 'deleteEnvironment:success']);
  });

  it('refuses an environment that still runs services with CONFLICT (409), keeping it', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteEnvironment', { tenantId: PROD, environmentId: 'env-1' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, method: 'DELETE' });
    expect(error.message).toContain('shop, payments');
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown environment with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('deleteEnvironment', { tenantId: PROD, environmentId: 'env-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
