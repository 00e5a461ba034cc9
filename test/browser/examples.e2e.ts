// Browser test of the example apps (examples/vue, examples/react): the BUILT pages, against the built library's
// `aurora-backend-handler/vue` and `aurora-backend-handler/react` entries, in Debian's Chromium, served with the
// reference API from one origin. Both pages show the same things with the same test ids: one journey drives each.
// Run: node --import tsx --test test/browser/examples.e2e.ts (after `npm run build && npm run build:playground`).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startReferenceServer, type ReferenceServer } from '../../testing/index';
import { launchChromium, openPage } from './chromium';
import { journey } from './journey';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticRoot = join(root, 'playground', 'dist');
const screenshots = join(root, 'test-results');
const FRAMEWORKS = ['vue', 'react'] as const;

let server: ReferenceServer | undefined;
let browser: Browser | undefined;

before(async () => {
  for (const framework of FRAMEWORKS) {
    const example = join(staticRoot, 'examples', framework);
    assert.ok(
      existsSync(join(example, 'index.html')) && existsSync(join(example, 'app.js')),
      `The ${framework} example is not built (${example}): run "npm run build && npm run build:playground" first.`,
    );
  }
  await mkdir(screenshots, { recursive: true });
  // Long enough for the page to show the operation under way before it ends. One server per run: the second
  // example starts from the state the first left, and scales the service to other bounds.
  server = await startReferenceServer({ port: 0, operationDurationMs: 1_500, staticRoot });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const framework of FRAMEWORKS) {
  let page: Page;
  const pageErrors: string[] = [];
  const screenshot = async (name: string) => {
    await page.screenshot({ path: join(screenshots, `examples-${framework}-${name}.png`) });
  };
  const step = journey((name) => screenshot(`failed-${name.replace(/\W+/g, '-').toLowerCase()}`));
  const text = (selector: string) => page.locator(selector).innerText();
  const replicas = framework === 'vue' ? { min: '2', max: '4' } : { min: '3', max: '5' };

  step(`${framework}: opens /examples/${framework}/ served by the reference server`, async () => {
    if (browser === undefined || server === undefined) throw new Error('the browser or the server did not start');
    page = await openPage(browser, { width: 1024, height: 768 }, pageErrors, 15_000);
    await page.goto(`${new URL(server.url).origin}/examples/${framework}/`);
  });

  step(`${framework}: signs in with the demo login and lists the services with their status, live`, async () => {
    await page.getByRole('button', { name: 'Sign in as demo@aurora.dev' }).click();
    await page.getByTestId('services').waitFor();
    assert.equal(await text('[data-testid="service-shop"] [data-testid="status"]'), 'running');
    await page.locator('[data-testid="stream-state"]', { hasText: 'open' }).waitFor();
    assert.ok((await page.locator('[data-testid^="service-"]').count()) > 1, 'more than one service is listed');
    await screenshot('01-services');
  });

  step(
    `${framework}: scales a service: the progress bar follows its operation to the end and the status settles`,
    async () => {
      const row = '[data-testid="service-shop"]';
      await page.locator(row).getByRole('button', { name: 'shop' }).click();
      const form = page.getByTestId('scale-form');
      await form.getByLabel('Min replicas').fill(replicas.min);
      await form.getByLabel('Max replicas').fill(replicas.max);
      await form.getByRole('button', { name: 'Scale' }).click();

      await page.locator('[data-testid="phase"]', { hasText: /^running/ }).waitFor();
      await page.locator(`${row} [data-testid="status"]`, { hasText: 'deploying' }).waitFor();
      await screenshot('02-scaling');
      await page.locator('[data-testid="phase"]', { hasText: 'completed 100%' }).waitFor();
      assert.equal(await page.getByTestId('progress').getAttribute('value'), '100');
      await page.locator(`${row} [data-testid="status"]`, { hasText: 'running' }).waitFor();
      assert.equal(await text(`${row} [data-testid="replicas"]`), `${replicas.min}–${replicas.max}`);
      await screenshot('03-scaled');
    },
  );

  step(`${framework}: shows a VALIDATION error next to its field: max replicas below min replicas`, async () => {
    const form = page.getByTestId('scale-form');
    await form.getByLabel('Min replicas').fill('5');
    await form.getByLabel('Max replicas').fill('2');
    await form.getByRole('button', { name: 'Scale' }).click();

    await page.locator('[data-testid="max-error"]', { hasText: 'must not be less than minReplicas' }).waitFor();
    assert.equal(await text('[data-testid="min-error"]'), '');
    assert.equal(await page.getByTestId('progress').count(), 0, 'no operation was started');
    assert.equal(
      await text('[data-testid="service-shop"] [data-testid="replicas"]'),
      `${replicas.min}–${replicas.max}`,
    );
    await screenshot('04-field-error');
  });

  step(`${framework}: shows the VALIDATION error of an emptied field next to it`, async () => {
    const form = page.getByTestId('scale-form');
    await form.getByLabel('Min replicas').fill('');
    await form.getByLabel('Max replicas').fill('3');
    await form.getByRole('button', { name: 'Scale' }).click();

    await page.locator('[data-testid="min-error"]', { hasText: /\S/ }).waitFor();
    assert.equal(await text('[data-testid="max-error"]'), '');
    assert.equal(await page.getByTestId('progress').count(), 0, 'no operation was started');
  });

  step(`${framework}: raised no page error`, () => {
    assert.deepEqual(pageErrors, []);
    return Promise.resolve();
  });
}
