import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCredentials } from '../testing/reference-api/credentials';
import { startReferenceServer, type ReferenceServer } from '../testing/reference-api/server';

let folder: string;
const servers: ReferenceServer[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aurora-server-'));
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>playground</title>');
  await writeFile(join(folder, 'app.js'), 'console.log("app");');
  await mkdir(join(folder, 'examples', 'vue'), { recursive: true });
  await writeFile(join(folder, 'examples', 'vue', 'index.html'), '<!doctype html><title>vue example</title>');
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await rm(folder, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startReferenceServer>[0] = {}) {
  const server = await startReferenceServer({ port: 0, operationDurationMs: 0, ...options });
  servers.push(server);
  const origin = new URL(server.url).origin;
  return { server, origin };
}

async function signIn(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demoCredentials),
  });
  const { session } = (await response.json()) as { session: { accessToken: string } };
  return { authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' };
}

async function tenantNames(url: string): Promise<string[]> {
  const response = await fetch(`${url}/users/me`, { headers: await signIn(url) });
  const user = (await response.json()) as { tenants: Array<{ name: string }> };
  return user.tenants.map((tenant) => tenant.name);
}

describe('reference server files', () => {
  it('serves the static folder at / with content types, next to the API under /api', async () => {
    const { server, origin } = await start({ staticRoot: folder });

    const page = await fetch(`${origin}/`);
    const script = await fetch(`${origin}/app.js`);
    const api = await fetch(`${server.url}/users/me`);

    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<!doctype html><title>playground</title>',
    ]);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(api.status).toBe(401);
  });

  it("serves a folder's index.html at its path with a final slash, and redirects the path without it there", async () => {
    const { origin } = await start({ staticRoot: folder });

    const page = await fetch(`${origin}/examples/vue/`);
    const bare = await fetch(`${origin}/examples/vue`, { redirect: 'manual' });

    expect([page.status, await page.text()]).toEqual([200, '<!doctype html><title>vue example</title>']);
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/examples/vue/']);
  });

  it.each(['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/missing.js', '/%E0%A4%A', '/examples/react/'])(
    'answers 404 for %s instead of reading outside the folder',
    async (path) => {
      const { origin } = await start({ staticRoot: folder });

      const response = await fetch(`${origin}${path}`);

      expect(response.status).toBe(404);
    },
  );

  it('keeps changes in the data file across restarts, and forgets them with reset', async () => {
    const dataFile = join(folder, 'data', 'api.json');
    const first = await start({ dataFile });
    const organizations = (await (
      await fetch(`${first.server.url}/users/me`, { headers: await signIn(first.server.url) })
    ).json()) as { organizations: Array<{ id: string }> };
    await fetch(`${first.server.url}/tenants`, {
      method: 'POST',
      headers: await signIn(first.server.url),
      body: JSON.stringify({ name: 'kept-across-restarts', organizationId: organizations.organizations[0]?.id }),
    });
    await first.server.close();

    const second = await start({ dataFile });
    const afterRestart = await tenantNames(second.server.url);
    await second.server.close();
    const third = await start({ dataFile, reset: true });
    const afterReset = await tenantNames(third.server.url);

    expect(afterRestart).toContain('kept-across-restarts');
    expect(afterReset).not.toContain('kept-across-restarts');
  });

  it('refuses to start on a data file it cannot read, saying how to start again', async () => {
    const dataFile = join(folder, 'broken.json');
    await writeFile(dataFile, '{ not json');

    await expect(start({ dataFile })).rejects.toThrow(/cannot be read.*--reset/);
  });
});
