import { UserSchema } from '../interfaces';
import { demoCredentials, startReferenceServer, type ReferenceServer } from '../testing';

const started: ReferenceServer[] = [];

async function start(options: Parameters<typeof startReferenceServer>[0] = {}) {
  const server = await startReferenceServer({ port: 0, ...options });
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

describe('reference API server', () => {
  it('listens on a free port with port 0 and answers over real HTTP under /api', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-http-1' },
      body: JSON.stringify(demoCredentials),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('X-Request-Id')).toBe('req-http-1');
    const { session } = (await login.json()) as { session: { accessToken: string } };
    const me = await fetch(`${server.url}/users/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    const user = UserSchema.parse(await me.json());
    expect(user.organizations[0]?.invoices[0]?.invoiceFile).toBe(
      `${server.url}/organizations/org-1/invoices/inv-1/file`,
    );
    const missing = await fetch(`${server.url}/users/me`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('close stops the server, and closing twice is harmless', async () => {
    const server = await start();
    await fetch(`${server.url}/users/me`);
    await server.close();
    await server.close();
    await expect(fetch(`${server.url}/users/me`)).rejects.toThrow();
  });

  it('a second server on a port in use rejects with a clear message instead of crashing', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(startReferenceServer({ port })).rejects.toThrow(`Port ${port} is in use; set PORT to another port`);
    expect((await fetch(`${first.url}/users/me`)).status).toBe(401);
  });

  it('each server has its own state, seeded as asked', async () => {
    const empty = await start({ seed: 'empty' });
    const login = await fetch(`${empty.url}/auth/login`, { method: 'POST', body: JSON.stringify(demoCredentials) });
    const { user } = (await login.json()) as { user: unknown };
    expect(UserSchema.parse(user).tenants).toEqual([]);
    expect(empty.api.store.tenants.size).toBe(0);
  });
});
