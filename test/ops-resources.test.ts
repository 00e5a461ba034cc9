import { PROD, RESOURCE_SECRET, afterRequestEvent, tenantIn } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

describe('createResource', () => {
  it('creates a secret: its value is in neither the payload, the state nor any later event', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const resource = await bridge.request('createResource', {
      tenantId: PROD,
      type: 'secret',
      name: 'api-key',
      value: RESOURCE_SECRET,
    });

    expect(resource).toMatchObject({ id: 'res-11', tenant: PROD, type: 'secret', name: 'api-key' });
    expect(resource).not.toHaveProperty('value');
    expect(tenantIn(handler, PROD)?.resources.at(-1)).toEqual(resource);
    expect(log.names()).toEqual(['createResource', 'state:changed', 'createResource:success']);
    expect(JSON.stringify(log.entries[0])).toContain(RESOURCE_SECRET);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'createResource'))).not.toContain(RESOURCE_SECRET);
    expect(JSON.stringify(handler.getState())).not.toContain(RESOURCE_SECRET);
    expect(api.store.resources.get('res-11')?.value).toBe(RESOURCE_SECRET);
  });

  it('creates a volume with its kind; a value that is not secret comes back', async () => {
    const { bridge, handler, signIn } = setupReference();
    await signIn();

    const resource = await bridge.request('createResource', {
      tenantId: PROD,
      type: 'volume',
      name: 'uploads',
      value: '4096',
      kind: 'persistent',
    });

    expect(resource).toMatchObject({ id: 'res-11', type: 'volume', value: '4096', kind: 'persistent' });
    expect(tenantIn(handler, PROD)?.resources.at(-1)).toEqual(resource);
  });

  it('refuses a volume without a kind with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('createResource', { tenantId: PROD, type: 'volume', name: 'uploads', value: '4096' }),
    );

    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([
      { path: 'kind', message: 'a volume needs a kind: volatile, nonReplicated or persistent' },
    ]);
    expect(httpCalls).toEqual([]);
  });

  it('refuses a value that does not suit the type with VALIDATION (400) from the API naming value', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('createResource', { tenantId: PROD, type: 'port', name: 'admin-port', value: '70000' }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400, path: `/tenants/${PROD}/resources` });
    expect(error.details).toEqual([{ path: 'value', message: 'must be a port, 1 to 65535' }]);
  });

  it('refuses a name the tenant already has with CONFLICT (409), without echoing the value', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('createResource', { tenantId: PROD, type: 'secret', name: 'db-password', value: RESOURCE_SECRET }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(handler.getState()).toBe(before);
    expect(JSON.stringify(afterRequestEvent(log.entries, 'createResource'))).not.toContain(RESOURCE_SECRET);
  });
});

describe('updateResource', () => {
  it('replaces the value of a plain resource; the state follows', async () => {
    const { bridge, handler, log, signIn } = setupReference();
    await signIn();

    const resource = await bridge.request('updateResource', { tenantId: PROD, resourceId: 'res-7', value: 'debug' });

    expect(resource).toMatchObject({ id: 'res-7', type: 'string', name: 'log-level', value: 'debug' });
    expect(tenantIn(handler, PROD)?.resources.find(({ id }) => id === 'res-7')).toEqual(resource);
    expect(log.names()).toEqual(['updateResource', 'state:changed', 'updateResource:success']);
  });

  it('replaces a secret value without it ever coming back', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const resource = await bridge.request('updateResource', {
      tenantId: PROD,
      resourceId: 'res-1',
      value: RESOURCE_SECRET,
    });

    expect(resource).toMatchObject({ id: 'res-1', type: 'secret', name: 'db-password' });
    expect(resource).not.toHaveProperty('value');
    expect(JSON.stringify(afterRequestEvent(log.entries, 'updateResource'))).not.toContain(RESOURCE_SECRET);
    expect(JSON.stringify(handler.getState())).not.toContain(RESOURCE_SECRET);
    expect(api.store.resources.get('res-1')?.value).toBe(RESOURCE_SECRET);
  });

  it('refuses a value that does not suit the type with VALIDATION (400) from the API naming value', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('updateResource', { tenantId: PROD, resourceId: 'res-4', value: 'https' }),
    );

    expect(error).toMatchObject({
      code: 'VALIDATION',
      status: 400,
      method: 'PATCH',
      path: `/tenants/${PROD}/resources/res-4`,
    });
    expect(error.details).toEqual([{ path: 'value', message: 'must be a port, 1 to 65535' }]);
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown resource with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('updateResource', { tenantId: PROD, resourceId: 'res-404', value: 'x' }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('deleteResource', () => {
  it('deletes a resource no service uses: the payload echoes the ids and the state drops it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();
    await bridge.request('createResource', { tenantId: PROD, type: 'string', name: 'motd', value: 'hello' });
    log.entries.length = 0;

    const result = await bridge.request('deleteResource', { tenantId: PROD, resourceId: 'res-11' });

    expect(result).toEqual({ tenantId: PROD, resourceId: 'res-11' });
    expect(tenantIn(handler, PROD)?.resources.map(({ id }) => id)).not.toContain('res-11');
    expect(api.store.resources.has('res-11')).toBe(false);
    expect(log.names()).toEqual(['deleteResource', 'state:changed', 'deleteResource:success']);
  });

  it('refuses a resource a service uses with CONFLICT (409), keeping it', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteResource', { tenantId: PROD, resourceId: 'res-1' }));

    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      method: 'DELETE',
      path: `/tenants/${PROD}/resources/res-1`,
    });
    expect(error.message).toContain('db-password is used by shop');
    expect(handler.getState()).toBe(before);
  });

  it('answers an unknown resource with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(bridge.request('deleteResource', { tenantId: PROD, resourceId: 'res-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
