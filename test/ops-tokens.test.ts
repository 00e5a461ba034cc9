import { viewerCredentials } from '../testing';
import { statePayloads } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

describe('createToken', () => {
  const input = {
    name: 'deploy-bot',
    tenant: 'ten-1',
    description: 'Deploys from the release pipeline',
    expiration: '2099-06-30T00:00:00.000Z',
  };

  it('returns the secret once in the success payload; the state and every state:changed keep the token without it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const created = await bridge.request('createToken', input);

    expect(created).toMatchObject({ id: 'tok-2', ...input, lastUsed: null });
    expect(created.token).toMatch(/^aur_[0-9a-f]{32}$/);
    expect(api.store.tokens.get('tok-2')?.secret).toBe(created.token);
    const { token: secret, ...metadata } = created;
    const tokens = handler.getState()!.tokens;
    expect(tokens.map(({ id }) => id)).toEqual(['tok-1', 'tok-2']);
    expect(tokens[1]).toEqual(metadata);
    expect(tokens[1]).not.toHaveProperty('token');
    expect(JSON.stringify(handler.getState())).not.toContain(secret);
    expect(log.names()).toEqual(['createToken', 'state:changed', 'createToken:success']);
    expect(statePayloads(log.entries)).toHaveLength(1);
    for (const state of statePayloads(log.entries)) expect(JSON.stringify(state)).not.toContain(secret);
    expect(log.entries[2]?.args[0]).toEqual(created);
  });

  it('refuses a tenant the user is not a member of with VALIDATION (400) naming tenant', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('createToken', { ...input, tenant: 'ten-3' }));

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400, method: 'POST', path: '/tokens' });
    expect(error.details.map(({ path }) => path)).toEqual(['tenant']);
    expect(handler.getState()).toBe(before);
  });

  it('refuses a second token of the same name with CONFLICT (409)', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('createToken', { ...input, name: 'ci-pipeline' }));

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['createToken', 'createToken:error']);
  });

  it('refuses an expiration in the past (400 from the API) and a malformed one (before any HTTP call)', async () => {
    const { bridge, httpCalls, signIn, expectError } = setupReference();
    await signIn();

    const past = await expectError(bridge.request('createToken', { ...input, expiration: '2020-01-01T00:00:00.000Z' }));
    const callsAfterPast = [...httpCalls];
    const malformed = await expectError(bridge.request('createToken', { ...input, expiration: 'next tuesday' }));

    expect(past).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(past.details).toEqual([{ path: 'expiration', message: 'must be in the future' }]);
    expect(malformed.code).toBe('VALIDATION');
    expect(malformed.status).toBeUndefined();
    expect(malformed.details.map(({ path }) => path)).toEqual(['expiration']);
    expect(callsAfterPast).toEqual(['POST /api/tokens']);
    expect(httpCalls).toEqual(['POST /api/tokens']);
  });
});

describe('deleteToken', () => {
  it('revokes a token: the payload echoes its id and the state drops it', async () => {
    const { api, bridge, handler, log, signIn } = setupReference();
    await signIn();

    const result = await bridge.request('deleteToken', { tokenId: 'tok-1' });

    expect(result).toEqual({ tokenId: 'tok-1' });
    expect(handler.getState()!.tokens).toEqual([]);
    expect(api.store.tokens.has('tok-1')).toBe(false);
    expect(log.names()).toEqual(['deleteToken', 'state:changed', 'deleteToken:success']);
  });

  it('answers an unknown token with NOT_FOUND (404), keeping the state', async () => {
    const { bridge, handler, log, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(bridge.request('deleteToken', { tokenId: 'tok-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, method: 'DELETE', path: '/tokens/tok-404' });
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['deleteToken', 'deleteToken:error']);
  });

  it("answers another user's token with NOT_FOUND (404): it is not theirs to revoke", async () => {
    const { api, bridge, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);

    const error = await expectError(bridge.request('deleteToken', { tokenId: 'tok-1' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(api.store.tokens.has('tok-1')).toBe(true);
  });
});
