import { createTestBackend, viewerCredentials } from '../testing';

describe('createTestBackend', () => {
  test('gives a started bridge and handler answering from a reference server on the loopback interface', async () => {
    const backend = await createTestBackend();
    try {
      expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
      expect(backend.handler.running).toBe(true);

      const user = await backend.signIn();

      expect(user.email).toBe('demo@aurora.dev');
      expect(backend.api.store.sessions.size).toBe(1);
      await expect(backend.bridge.request('loadUser')).resolves.toMatchObject({ id: user.id });
    } finally {
      await backend.dispose();
    }
  });

  test('signIn takes other credentials, and the seed option picks the world', async () => {
    const backend = await createTestBackend({ seed: 'empty' });
    try {
      const viewer = await backend.signIn(viewerCredentials);

      expect(viewer.email).toBe(viewerCredentials.email);
      expect(viewer.tenants).toEqual([]);
    } finally {
      await backend.dispose();
    }
  });

  test('long-running operations end when accepted by default', async () => {
    const backend = await createTestBackend();
    try {
      await backend.signIn();
      const ended: string[] = [];
      backend.bridge.on('operation:completed', (operation) => {
        ended.push(`${operation.kind} ${operation.status}`);
      });
      const tenant = [...backend.api.store.tenants.values()].find((item) => item.name === 'northwind-prod');
      const service = [...backend.api.store.services.values()].find((item) => item.tenant === tenant?.id);
      if (tenant === undefined || service === undefined) throw new Error('the demo seed has a service');

      await backend.bridge.request(
        'restartService',
        { tenantId: tenant.id, serviceId: service.id },
        { until: 'completed' },
      );

      expect(ended).toEqual(['restartService succeeded']);
    } finally {
      await backend.dispose();
    }
  });

  test('dispose stops the handler and the server, and may be called twice', async () => {
    const backend = await createTestBackend();
    await backend.signIn();

    await Promise.all([backend.dispose(), backend[Symbol.asyncDispose]()]);

    expect(backend.handler.running).toBe(false);
    await expect(fetch(`${backend.url}/users/me`)).rejects.toThrow();
  });

  test('two test backends run side by side, each with its own state', async () => {
    const [first, second] = await Promise.all([createTestBackend(), createTestBackend()]);
    try {
      await first.signIn();
      await first.bridge.request('updateUser', { name: 'Grace' });
      await second.signIn();

      expect(first.url).not.toBe(second.url);
      await expect(second.bridge.request('loadUser')).resolves.not.toMatchObject({ name: 'Grace' });
    } finally {
      await Promise.all([first.dispose(), second.dispose()]);
    }
  });
});
