import { createBackendHandler } from '../backend-handler';
import { createWUIBridge } from '../event-helper';
import type { User } from '../interfaces/user-interface';
import { REFERENCE_API_URL, setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

// Usage figures and "last used" times move with the clock; everything else must match exactly.
const MOVING = new Set(['usage', 'metrics', 'lastUsed', 'restartCount', 'logs']);

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !MOVING.has(key))
      .map(([key, child]) => [key, stable(child)]),
  );
}

/** What a fresh `loadUser` returns right now, through a second handler of its own. */
async function freshTree(credentials: { email: string; password: string }): Promise<User> {
  const bridge = createWUIBridge();
  const handler = createBackendHandler({ bridge, environment: { apiBaseUrl: REFERENCE_API_URL, logLevel: 'silent' } });
  handler.start();
  try {
    return await bridge.request('login', credentials);
  } finally {
    handler.stop();
  }
}

describe('state consistency', () => {
  it('keeps the handler state equal to a fresh loadUser after every kind of tenant-level change', async () => {
    const context = setupReference();
    const credentials = { email: 'demo@aurora.dev', password: 'aurora-demo-2026' };
    const user = await context.signIn(credentials);
    const organizationId = user.organizations[0]?.id ?? '';
    const expectConsistent = async (step: string) => {
      expect({ step, tree: stable(context.handler.getState()) }).toEqual({
        step,
        tree: stable(await freshTree(credentials)),
      });
    };

    const tenant = await context.bridge.request('createTenant', { name: 'consistency', organizationId });
    await expectConsistent('createTenant');
    const account = await context.bridge.request('createAccount', {
      tenantId: tenant.id,
      name: 'cloud',
      cloudProvider: {
        name: 'aws',
        region: 'eu-west-1',
        credentialId: 'AKIA0TEST',
        credentialSecret: 'secret-value-123',
      },
    });
    await expectConsistent('createAccount');
    await context.bridge.request('validateAccountCredentials', { tenantId: tenant.id, accountId: account.id });
    await expectConsistent('validateAccountCredentials');
    const environment = await context.bridge.request('createEnvironment', {
      tenantId: tenant.id,
      name: 'staging',
      account: account.id,
    });
    await expectConsistent('createEnvironment');
    await context.bridge.request('updateEnvironment', {
      tenantId: tenant.id,
      environmentId: environment.id,
      labels: ['qa'],
    });
    await expectConsistent('updateEnvironment');
    const resource = await context.bridge.request('createResource', {
      tenantId: tenant.id,
      type: 'domain',
      name: 'www',
      value: 'www.example.com',
    });
    await expectConsistent('createResource');
    await context.bridge.request('updateResource', {
      tenantId: tenant.id,
      resourceId: resource.id,
      value: 'shop.example.com',
    });
    await expectConsistent('updateResource');
    await context.bridge.request('deleteResource', { tenantId: tenant.id, resourceId: resource.id });
    await context.bridge.request('deleteEnvironment', { tenantId: tenant.id, environmentId: environment.id });
    await expectConsistent('deleteEnvironment');
    await context.bridge.request('deleteAccount', { tenantId: tenant.id, accountId: account.id });
    await expectConsistent('deleteAccount');
    await context.bridge.request('createToken', {
      name: 'ci',
      tenant: tenant.id,
      expiration: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await expectConsistent('createToken');
    await context.bridge.request('deleteTenant', { tenantId: tenant.id });
    await expectConsistent('deleteTenant');
  });
});
