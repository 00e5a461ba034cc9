// Browser test of the testing entry's msw handlers: `referenceHandlers(createReferenceApi(...))` in msw's SERVICE WORKER
// (`setupWorker` from msw/browser), in Debian's Chromium, answering the BUILT library's calls. The page
// (test/browser/msw/page.ts) is bundled here with its library imports redirected to dist/index.js and
// dist/testing.js, and served by a tiny static server that has NO /mock-api: every request reaching it there is
// recorded and answered 404, so the test can prove that msw answered in the browser and nothing hit the network.
// Run: node --import tsx --test test/browser/msw-worker.e2e.ts (after `npm run build`).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from './chromium';
import type { MswPageResult, ResultWindow } from './msw/page';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const library = {
  index: join(root, 'dist', 'index.js'),
  testing: join(root, 'dist', 'testing.js'),
  testingMsw: join(root, 'dist', 'testing', 'msw.js'),
};
const workerScript = join(root, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js');
const screenshots = join(root, 'test-results');

/** The page imports the library's sources (so that tsc checks it without a build); the bundle takes the build. */
const useBuiltLibrary: Plugin = {
  name: 'built-library',
  setup(pluginBuild) {
    const sources: Record<string, string> = {
      [join(root, 'index')]: library.index,
      [join(root, 'testing', 'index')]: library.testing,
      [join(root, 'testing', 'msw')]: library.testingMsw,
    };
    pluginBuild.onResolve({ filter: /(^|\/)(index|testing\/index|testing\/msw)$/ }, (args) => {
      const built = sources[join(args.resolveDir, args.path)];
      return built === undefined ? undefined : { path: built };
    });
  },
};

interface Hit {
  method: string;
  url: string;
  status: number;
}
const hits: Hit[] = [];
const mockApiHits = (): Hit[] => hits.filter((hit) => /^\/mock-api(\/|\?|$)/.test(hit.url));

let outDir: string | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let page: Page;
let origin: string;
const pageErrors: string[] = [];
/** Responses the page got for /mock-api, and whether the service worker produced them. */
const pageMockApiResponses: Array<{ url: string; status: number; fromServiceWorker: boolean }> = [];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves the built page and msw's worker script; everything else, /mock-api included, is a 404. */
function startStaticServer(dir: string): Promise<Server> {
  const files: Record<string, string> = {
    '/': join(dir, 'index.html'),
    '/index.html': join(dir, 'index.html'),
    '/page.js': join(dir, 'page.js'),
    '/page.js.map': join(dir, 'page.js.map'),
    '/mockServiceWorker.js': workerScript,
  };
  const http = createServer((request, response) => {
    const url = request.url ?? '/';
    const file = files[new URL(url, 'http://localhost').pathname];
    const answer = async (): Promise<number> => {
      if (file === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${url}`);
        return 404;
      }
      const body = await readFile(file);
      response
        .writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body);
      return 200;
    };
    answer().then(
      (status) => hits.push({ method: request.method ?? '', url, status }),
      (error: unknown) => {
        hits.push({ method: request.method ?? '', url, status: 500 });
        response.writeHead(500).end(String(error));
      },
    );
  });
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve(http));
  });
}

before(async () => {
  for (const file of [library.index, library.testing, library.testingMsw]) {
    assert.ok(existsSync(file), `The library is not built (${file} is missing): run "npm run build" first.`);
  }
  assert.ok(existsSync(workerScript), `msw's worker script is missing (${workerScript}): run "npm ci".`);
  await mkdir(screenshots, { recursive: true });
  await rm(join(screenshots, 'msw-worker.png'), { force: true });

  outDir = await mkdtemp(join(tmpdir(), 'aurora-msw-worker-'));
  const result = await build({
    entryPoints: { page: join(here, 'msw', 'page.ts') },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    plugins: [useBuiltLibrary],
    // dist/testing.js imports Node's built-ins and @hono/node-server lazily, for startReferenceServer only (never
    // called in a browser): a browser bundle must leave them out, as any app bundling the testing entry must.
    external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), '@hono/node-server'],
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    logLevel: 'warning',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  for (const built of ['dist/index.js', 'dist/testing.js']) {
    assert.ok(
      inputs.some((input) => input.endsWith(built)),
      `the page bundle should contain the built ${built}`,
    );
  }
  const sources = inputs.filter((input) => !input.includes('node_modules') && !input.includes('dist/'));
  assert.deepEqual(
    sources.map((input) => input.replace(/^.*\/test\/browser\//, 'test/browser/')),
    ['test/browser/msw/page.ts'],
    'the page bundle should take the library from dist/ only, not from its sources',
  );
  const bundle = await readFile(join(outDir, 'page.js'), 'utf8');
  const staticImports = [...bundle.matchAll(/^import\b[^;]*?from\s*["']([^"']+)["']/gm)].map((match) => match[1]);
  assert.deepEqual(staticImports, [], 'the page bundle must not import anything statically (a browser has no Node)');
  await copyFile(join(here, 'msw', 'index.html'), join(outDir, 'index.html'));

  server = await startStaticServer(outDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = await fetch(`${origin}/mock-api/auth/login`, { method: 'POST' });
  assert.equal(probe.status, 404, 'the static server must not answer /mock-api');
  hits.length = 0;

  browser = await launchChromium();
  page = await openPage(browser, { width: 1000, height: 700 }, pageErrors, 20_000);
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/mock-api')) {
      pageMockApiResponses.push({
        url: response.url(),
        status: response.status(),
        fromServiceWorker: response.fromServiceWorker(),
      });
    }
  });
  await page.goto(`${origin}/`);
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => {
    if (server === undefined) resolve();
    else server.close(() => resolve());
  });
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

let resultPromise: Promise<MswPageResult> | undefined;
/** The page's result (window.__result), once it has run; screenshots the page then. */
function pageResult(): Promise<MswPageResult> {
  resultPromise ??= (async () => {
    await page.waitForFunction(() => (window as unknown as ResultWindow).__result !== undefined);
    const result = await page.evaluate(() => (window as unknown as ResultWindow).__result);
    await page.screenshot({ path: join(screenshots, 'msw-worker.png'), fullPage: true });
    assert.ok(result, 'window.__result is set');
    return result;
  })();
  return resultPromise;
}

void test('runs to the end with msw started as a service worker controlling the page', async () => {
  const result = await pageResult();
  assert.equal(
    result.status,
    'done',
    `the page failed at ${result.error?.step ?? '?'}: ${result.error?.code ?? ''} ${result.error?.message ?? ''}`,
  );
  assert.equal(result.worker?.scope, `${origin}/`);
  assert.equal(result.worker.controlled, true, 'msw’s service worker controls the page');
  assert.equal(await page.getByTestId('status').innerText(), 'done');
});

void test('login answers the demo user', async () => {
  const { login } = await pageResult();
  assert.equal(login?.email, 'demo@aurora.dev');
  assert.equal(login.name, 'Alex');
  assert.ok(login.tenants.includes('northwind-prod'), `the demo user's tenants: ${login.tenants.join(', ')}`);
  assert.equal(await page.getByTestId('login-email').innerText(), 'demo@aurora.dev');
});

void test('createTenant creates a tenant that appears in the state and in loadUser', async () => {
  const { tenant } = await pageResult();
  assert.equal(tenant?.name, 'msw-browser-tenant');
  assert.notEqual(tenant.id, '');
  assert.equal(tenant.inState, true, 'the new tenant is in handler.getState()');
  assert.equal(tenant.inLoadUser, true, 'the new tenant is in the user loadUser answers from the worker');
  assert.equal(await page.getByTestId('tenant-name').innerText(), 'msw-browser-tenant');
});

void test('listServices answers the filtered list', async () => {
  const { services } = await pageResult();
  assert.equal(services?.tenant, 'northwind-prod');
  assert.ok(services.all.length > 1, `the tenant has several services: ${services.all.join(', ')}`);
  assert.deepEqual(services.names, ['payments'], 'only the services whose name matches pay%');
  assert.equal(services.totalCount, 1);
  assert.equal(await page.getByTestId('services-names').innerText(), 'payments');
});

void test('every API call was answered in the browser; none reached the network', async () => {
  const result = await pageResult();
  assert.deepEqual(mockApiHits(), [], 'requests to /mock-api reached the real server');
  assert.deepEqual(
    result.httpCalls.map((call) => call.replace(/\/tenants\/[^/]+\//, '/tenants/:tenantId/')),
    ['POST /auth/login 200', 'POST /tenants 201', 'GET /users/me 200', 'GET /tenants/:tenantId/services 200'],
    'the HTTP calls of the bridge requests, as the library saw them',
  );
  assert.ok(pageMockApiResponses.length >= result.httpCalls.length, 'Chromium saw the /mock-api responses');
  assert.deepEqual(
    pageMockApiResponses.filter((response) => !response.fromServiceWorker),
    [],
    'every /mock-api response came from the service worker',
  );
  assert.deepEqual(
    hits.map((hit) => `${hit.method} ${hit.url} ${hit.status}`),
    ['GET / 200', 'GET /page.js 200', 'GET /mockServiceWorker.js 200'],
    'the real server served the page and the worker script only',
  );
  assert.deepEqual(pageErrors, [], 'the page logged errors');
});
