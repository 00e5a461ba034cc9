// Browser end-to-end test of the playground: the BUILT library in Debian's Chromium, against the reference API
// serving the built playground from the same origin. Run: node --import tsx --test test/browser/playground.e2e.ts
// (after `npm run build && npm run build:playground`).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from './chromium';
import { journey } from './journey';
import { REQUEST_NAMES } from '../../index';
import { startReferenceServer, type ReferenceServer } from '../../testing/index';
import { PlaygroundPage } from './playground-page';
import { seedNotification } from './seed-notification';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticRoot = join(root, 'playground', 'dist');
const screenshots = join(root, 'test-results');

let server: ReferenceServer | undefined;
let browser: Browser | undefined;
let page: Page;
let ui: PlaygroundPage;
const pageErrors: string[] = [];

before(async () => {
  assert.ok(
    existsSync(join(staticRoot, 'index.html')) && existsSync(join(staticRoot, 'app.js')),
    `The playground is not built (${staticRoot}): run "npm run build && npm run build:playground" first.`,
  );
  await mkdir(screenshots, { recursive: true });
  for (const file of await readdir(screenshots)) {
    if (/^playground-.*\.png$/.test(file)) await rm(join(screenshots, file));
  }
  server = await startReferenceServer({ port: 0, operationDurationMs: 300, staticRoot, liveMetrics: true });
  const origin = new URL(server.url).origin;
  const home = await fetch(`${origin}/`);
  assert.equal(
    home.status,
    200,
    `GET ${origin}/ should serve the playground's index.html (staticRoot), got ${home.status}`,
  );
  browser = await launchChromium();
  page = await openPage(browser, { width: 1280, height: 800 }, pageErrors, 15_000);
  ui = new PlaygroundPage(page, screenshots);
  await page.goto(`${origin}/`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A step of the one user journey: once a step fails, the later ones fail at once, naming the step that broke. */
const step = journey((name) => ui.screenshot(`failed-${name.replace(/\W+/g, '-').toLowerCase()}`));

const ids: { tenant?: string; account?: string; environment?: string; service?: string } = {};

/**
 * Takes out of `pageErrors` the console errors Chromium logs for the 401 answers of a session restore (a
 * page without a token: `loadUser` meets 401, then the refresh cookie is tried), and only those.
 */
function takeRestoreFailures(): string[] {
  const restore = pageErrors.filter((error) => /Failed to load resource: .*\b401\b/.test(error));
  const others = pageErrors.filter((error) => !restore.includes(error));
  pageErrors.splice(0, pageErrors.length, ...others);
  return restore;
}

step('shows the sign-in form prefilled with the demo login', async () => {
  // On load the page tries to restore a session; without a refresh cookie it stays signed out.
  await ui.timelineGroup('loadUser', 'error');
  assert.ok(takeRestoreFailures().length >= 1, 'the restore attempt should have met 401');
  await ui.visible('[data-testid="login-form"]', 'the sign-in form');
  assert.equal(await page.getByTestId('login-email').inputValue(), 'demo@aurora.dev');
  assert.match(await page.getByTestId('api-url').innerText(), /^http:\/\/127\.0\.0\.1:\d+\/api$/);
  await ui.screenshot('01-sign-in');
});

step('signs in through bridge.request("login") and shows the user tree', async () => {
  await page.getByTestId('login-submit').click();
  await ui.text('[data-testid="signed-in-user"]', 'Alex Morgan', 'the signed-in user in the header');
  await ui.visible(ui.treeNode('tenant', 'northwind-prod'), 'tenant northwind-prod in the tree');
  await ui.visible(ui.treeNode('service', 'shop'), 'service shop in the tree');
  await ui.timelineGroup('login', 'success');
  await ui.visible(
    `${ui.group('login')} [data-kind="http"]:has-text("POST /auth/login")`,
    'the login HTTP call in the timeline',
  );
  await ui.screenshot('02-signed-in');
});

step('shows the connection indicator and the notification bell in the header', async () => {
  const indicator = await ui.visible('[data-testid="stream-status"]', 'the connection indicator');
  const words = await indicator.locator('[role="status"]').innerText();
  assert.match(words, /Live|Connecting|Reconnecting|Paused|off/, 'the indicator says its state in words');
  const bell = await ui.visible('[data-testid="bell"]', 'the notification bell');
  assert.match((await bell.getAttribute('aria-label')) ?? '', /^Notifications: \d+ unread$/);
});

step('offers a form for every operation of the library', async () => {
  const cards = await page
    .locator('[data-testid="operations"] .op-card')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-operation')));
  assert.deepEqual([...cards].sort(), [...REQUEST_NAMES].sort(), 'one operation card per operation');
});

step('creates a tenant', async () => {
  const values = await ui.send('tenant', 'createTenant', { name: 'e2e-tenant' });
  assert.notEqual(values['organizationId'], '', 'createTenant.organizationId should be prefilled');
  ids.tenant = await ui.nodeId('tenant', 'e2e-tenant');
  await ui.text('[data-testid="details-name"]', 'e2e-tenant', 'the new tenant selected in the details');
});

step('creates a cloud account in the new tenant', async () => {
  const values = await ui.send('account', 'createAccount', { name: 'e2e-aws' });
  assert.equal(values['tenantId'], ids.tenant, 'createAccount.tenantId should be the selected new tenant');
  ids.account = await ui.nodeId('account', 'e2e-aws');
});

step('creates an environment on that account', async () => {
  const values = await ui.send('environment', 'createEnvironment', { name: 'e2e-env' });
  assert.equal(values['tenantId'], ids.tenant);
  assert.equal(values['account'], ids.account, 'createEnvironment.account should be the new account');
  ids.environment = await ui.nodeId('environment', 'e2e-env');
});

step('deploys a service and follows the operation to completion', async () => {
  await ui.openOperation('service', 'deployService');
  assert.equal(await ui.input('deployService', 'environment').inputValue(), ids.environment);
  assert.equal(await ui.input('deployService', 'account').inputValue(), ids.account);
  await ui.input('deployService', 'name').fill('e2e-web');
  await page.getByTestId('submit-deployService').click();
  await ui.visible(
    '[data-testid="result-deployService"][data-status="completed"]',
    'deployService completed in its form',
    30_000,
  );
  await ui.timelineGroup('deployService', 'completed', 30_000);
  const progress = page.locator(`${ui.group('deployService', 'completed')} [data-testid="tl-progress"]`);
  assert.equal(await progress.getAttribute('aria-valuenow'), '100', 'the progress bar ends at 100%');
  ids.service = await ui.nodeId('service', 'e2e-web');
  await ui.visible(
    `${ui.treeNode('service', 'e2e-web')}[data-status="running"]`,
    'service e2e-web running in the tree',
  );
  await ui.screenshot('03-deployed');
});

step('charts the selected service usage, sampled with listServices', async () => {
  const monitor = await ui.visible('[data-testid="service-monitor"]', 'the service monitor of the selected service');
  await ui.text('[data-testid="service-monitor"] h3', 'e2e-web', 'the monitored service');
  // Three samples (one every 2 s), each a point of both lines. A line of equal readings is flat (zero
  // height, so never "visible"): its points are counted instead.
  const chart = await page
    .waitForFunction(
      // No named inner functions here: tsx would wrap them in a helper the page does not have.
      () => {
        const samples = Number(document.querySelector('[data-testid="usage-chart"]')?.getAttribute('data-samples'));
        const [cpu = 0, memory = 0] = ['cpu', 'memory'].map(
          (series) =>
            document.querySelector(`[data-testid="chart-line-${series}"]`)?.getAttribute('points')?.trim().split(/\s+/)
              .length ?? 0,
        );
        return samples >= 3 && { samples, cpu, memory };
      },
      undefined,
      { timeout: 20_000 },
    )
    .then((handle) => handle.jsonValue());
  assert.ok(chart, 'the chart reported its samples');
  assert.deepEqual(
    chart,
    { samples: chart.samples, cpu: chart.samples, memory: chart.samples },
    'one point per sample',
  );
  await ui.text('[data-testid="legend-cpu"]', 'vCPU', 'the cpu legend');
  await ui.visible('[data-testid="monitor-instance"][data-status="running"]', 'a running instance of e2e-web');
  const samples = page.locator(ui.group('listServices', 'success'));
  assert.equal(await samples.count(), 0, 'chart samples are hidden from the timeline by default');
  await page.getByTestId('tl-show-samples').check();
  await ui.visible(ui.group('listServices', 'success'), 'the listServices samples once shown');
  await page.getByTestId('tl-show-samples').uncheck();
  await monitor.scrollIntoViewIfNeeded();
  await page.locator('#center').evaluate((element) => element.scrollTo({ top: 0 }));
  await ui.screenshot('04-chart');
});

step('scales the service', async () => {
  const values = await ui.send('service', 'scaleService', { minReplicas: '1', maxReplicas: '3' }, 'completed');
  assert.equal(values['serviceId'], ids.service, 'scaleService.serviceId should be the deployed service');
  await ui.timelineGroup('scaleService', 'completed', 30_000);
  await ui.text('[data-testid="details"]', '1–3', 'the new replica range in the details');
});

step('shows every request in the timeline with its HTTP calls and outcome', async () => {
  for (const operation of ['createTenant', 'createAccount', 'createEnvironment']) {
    await ui.visible(`${ui.group(operation, 'success')} [data-kind="http"]`, `the HTTP call of ${operation}`);
  }
  const deploy = ui.group('deployService', 'completed');
  for (const kind of ['request', 'http', 'success', 'completed']) {
    await ui.visible(`${deploy} [data-kind="${kind}"]`, `a "${kind}" entry in the deployService group`);
  }
  // The stream was open: the operation ended by push, and was never polled.
  await ui.visible('[data-testid="stream-status"][data-state="open"]', 'the stream open');
  const polls = page.locator(`${deploy} [data-kind="http"]:has-text("GET /operations/")`);
  assert.equal(await polls.count(), 0, 'no polling of the operation while the stream is open');
  await ui.screenshot('05-timeline');
});

step('shows a VALIDATION error next to its field', async () => {
  await ui.openOperation('service', 'deployService');
  await ui.input('deployService', 'name').fill('Not A DNS Label!');
  await ui.input('deployService', 'roleCpu').fill('0');
  await page.getByTestId('submit-deployService').click();
  await ui.visible('[data-testid="field-error-deployService-name"]', 'the name error next to the name field');
  await ui.visible('[data-testid="field-error-deployService-roleCpu"]', 'the cpu error next to the role cpu field');
  await ui.text('[data-testid="error-deployService-code"]', 'VALIDATION', 'the error code in the error box');
  await ui.visible(
    `${ui.group('deployService', 'error')} [data-testid="tl-error"][data-code="VALIDATION"]`,
    'the error in the timeline',
  );
  await page.getByTestId('field-deployService-name').scrollIntoViewIfNeeded();
  await ui.screenshot('06-validation');
});

step('deletes the service', async () => {
  const values = await ui.send('service', 'deleteService', {}, 'completed');
  assert.equal(values['serviceId'], ids.service, 'deleteService.serviceId should be the deployed service');
  await page.locator(ui.treeNode('service', 'e2e-web')).waitFor({ state: 'detached' });
  await ui.timelineGroup('deleteService', 'completed');
  await ui.screenshot('07-deleted');
});

step('stays signed in across a page reload: the httpOnly refresh cookie renews the session', async () => {
  const cookies = await page.context().cookies();
  const refresh = cookies.find((cookie) => cookie.name === 'aurora_refresh');
  assert.ok(refresh !== undefined, 'login should have set the refresh cookie');
  assert.equal(refresh.httpOnly, true, 'the refresh cookie is httpOnly');
  assert.equal(refresh.sameSite, 'Strict', 'the refresh cookie is SameSite=Strict');

  await page.reload();
  await ui.text('[data-testid="signed-in-user"]', 'Alex Morgan', 'the user, signed in again without a login');
  await ui.visible(ui.treeNode('tenant', 'northwind-prod'), 'tenant northwind-prod in the tree after the reload');
  assert.equal(await page.getByTestId('login-form').isVisible(), false, 'no sign-in form after the reload');
  takeRestoreFailures();
  const stored = await page.evaluate(() => ({
    cookie: document.cookie,
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
  }));
  for (const [where, text] of Object.entries(stored)) {
    assert.ok(!/aurora_refresh|accessToken|refreshToken|eyJ/.test(text), `no token in ${where}: ${text}`);
  }
  await ui.screenshot('08-reloaded');
});

step('counts the unread notifications of the state tree on the bell, and lists them in its panel', async () => {
  assert.ok(server !== undefined);
  const unread = seedNotification(server, 'demo@aurora.dev', { title: 'Backup finished', message: 'e2e backup' });
  await ui.send('user', 'loadUser', {});
  await ui.visible(`[data-testid="bell-count"][data-count="${unread}"]`, `the bell counting ${unread} unread`);
  await page.getByTestId('bell').click();
  await ui.visible('[data-testid="notifications-panel"]', 'the notifications panel');
  const item = '[data-testid="notification"][data-status="unread"]:has-text("Backup finished")';
  await ui.visible(item, 'the seeded notification, unread');
  await ui.screenshot('09-notifications');
  await page.locator(item).getByTestId('notification-read').click();
  await ui.visible(
    '[data-testid="notification"][data-status="read"]:has-text("Backup finished")',
    'the notification, read',
  );
  await ui.visible(`[data-testid="bell-count"][data-count="${unread - 1}"]`, `the bell counting ${unread - 1}`);
  await page.keyboard.press('Escape');
});

step('raised no error in the page', () => {
  assert.deepEqual(pageErrors, [], 'the page logged errors');
  return Promise.resolve();
});
