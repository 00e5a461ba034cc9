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
/** The DELETE calls the page made to the API, in order. */
const deletes: string[] = [];
/** A secret typed into the cloud provider form: it must not show anywhere in the page. */
const SECRET = 'e2e-Secret-Key-4f9a';

before(async () => {
  assert.ok(
    existsSync(join(staticRoot, 'index.html')) && existsSync(join(staticRoot, 'app.js')),
    `The playground is not built (${staticRoot}): run "npm run build && npm run build:playground" first.`,
  );
  await mkdir(screenshots, { recursive: true });
  for (const file of await readdir(screenshots)) {
    if (/^playground-(?!layout-).*\.png$/.test(file)) await rm(join(screenshots, file));
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
  page.on('request', (request) => {
    if (request.method() === 'DELETE' && new URL(request.url()).pathname.startsWith('/api/')) {
      deletes.push(new URL(request.url()).pathname);
    }
  });
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

step('with nothing selected, a delete form has no target and cannot send', async () => {
  const card = await ui.openOperation('service', 'deleteService');
  assert.equal(await ui.input('deleteService', 'serviceId').inputValue(), '', 'no service is pre-filled');
  assert.equal(await ui.input('deleteService', 'tenantId').inputValue(), '', 'no tenant is pre-filled');
  assert.equal(await page.getByTestId('submit-deleteService').isDisabled(), true, 'the delete button is disabled');
  await ui.text('[data-testid="blocked-deleteService"]', 'Choose the service to delete', 'why it cannot send');
  // Even a submit that bypasses the button sends nothing and asks nothing: it names the missing target.
  await card.locator('form').evaluate((form: HTMLFormElement) => form.requestSubmit());
  await ui.text('[data-testid="field-error-deleteService-serviceId"]', 'Choose the service', 'the missing target');
  assert.equal(await page.getByTestId('confirm-dialog').count(), 0, 'no confirmation');
  assert.equal(await page.locator(ui.group('deleteService')).count(), 0, 'no deleteService request');
  assert.deepEqual(deletes, [], 'no DELETE call');
});

step('labels fields in words and offers references as selects of names', async () => {
  await ui.openOperation('service', 'scaleService');
  const label = (field: string) =>
    page.locator(`[data-testid="field-scaleService-${field}"] .field-label`).evaluate((element) => {
      const own = Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE);
      return own.map((node) => node.textContent).join('');
    });
  assert.equal(await label('tenantId'), 'Tenant');
  assert.equal(await label('serviceId'), 'Service');
  assert.equal(await label('minReplicas'), 'Minimum replicas');
  const service = ui.input('scaleService', 'serviceId');
  assert.equal(await service.evaluate((element) => element.tagName), 'SELECT', 'the service is a select');
  const shown = await service.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent);
  assert.equal(shown, 'shop', 'the select shows the name of the service');
  await ui.text('[data-testid="ref-id-scaleService-serviceId"]', `id ${await service.inputValue()}`, 'its id, aside');
});

step('selecting a node in the tree shows the operations of its kind', async () => {
  await page.getByTestId('domain-tab-tenant').click();
  await page
    .locator(`${ui.treeNode('service', 'shop')} .node-button`)
    .first()
    .click();
  await ui.visible('[data-testid="domain-tab-service"][aria-selected="true"]', 'the service operations tab, selected');
  await ui.visible('[data-testid="domain-service"]', 'the service operations');
  await page
    .locator(`${ui.treeNode('tenant', 'northwind-prod')} .node-button`)
    .first()
    .click();
  await ui.visible('[data-testid="domain-tab-tenant"][aria-selected="true"]', 'the tenant operations tab, selected');
});

step('creates a tenant', async () => {
  const values = await ui.send('tenant', 'createTenant', { name: 'e2e-tenant' });
  assert.notEqual(values['organizationId'], '', 'createTenant.organizationId should be prefilled');
  ids.tenant = await ui.nodeId('tenant', 'e2e-tenant');
  await ui.text('[data-testid="details-name"]', 'e2e-tenant', 'the new tenant selected in the details');
});

step('creates a cloud account, its secret typed in a password field and shown nowhere', async () => {
  await ui.openOperation('account', 'createAccount');
  const secret = ui.input('createAccount', 'cloudProvider-credentialSecret');
  assert.equal(await secret.getAttribute('type'), 'password', 'the secret is a password field');
  assert.equal(await secret.getAttribute('autocomplete'), 'new-password');
  assert.equal(await secret.inputValue(), '', 'no secret is pre-filled');
  assert.equal(await ui.input('createAccount', 'cloudProvider-name').inputValue(), 'aws', 'the provider select');
  const values = await ui.send('account', 'createAccount', {
    name: 'e2e-aws',
    'cloudProvider-region': 'eu-central-1',
    'cloudProvider-credentialSecret': SECRET,
  });
  assert.equal(values['tenantId'], ids.tenant, 'createAccount.tenantId should be the selected new tenant');
  ids.account = await ui.nodeId('account', 'e2e-aws');
  assert.equal(await secret.inputValue(), '', 'the secret is forgotten once sent');
  const request = page.locator(`${ui.group('createAccount', 'success')} [data-kind="request"]`);
  assert.match(await request.innerText(), /"cloudProvider":\{"name":"aws"/, 'the timeline shows the input');
  const page_ = await page.evaluate(() => ({
    text: document.body.innerText,
    html: document.documentElement.outerHTML,
    timeline: document.querySelector('[data-testid="timeline"]')?.textContent ?? '',
  }));
  for (const [where, text] of Object.entries(page_)) {
    assert.ok(!text.includes(SECRET), `the secret shows in the page's ${where}`);
  }
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

step('clears a result message once the form targets something else', async () => {
  await ui.visible('[data-testid="result-scaleService"]', 'the scale result');
  const tenants = await page.locator(ui.treeNode('tenant', 'northwind-prod')).getAttribute('data-id');
  await ui.input('scaleService', 'tenantId').selectOption(tenants ?? '');
  await page.getByTestId('result-scaleService').waitFor({ state: 'detached' });
  assert.equal(await ui.input('scaleService', 'serviceId').inputValue(), '', 'no service of the other tenant chosen');
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
  await ui.text('[data-testid="error-note-deployService"]', '2 problems shown next to the fields above', 'a count');
  await page.getByTestId('field-deployService-name').scrollIntoViewIfNeeded();
  await ui.screenshot('06-validation');
  await ui.input('deployService', 'roleCpu').fill('0.25');
  await page.getByTestId('submit-deployService').click();
  await ui.text('[data-testid="error-note-deployService"]', '1 problem shown next to the field above', 'one problem');
});

step('clears a result message when another node is selected', async () => {
  await ui.visible('[data-testid="error-deployService"]', 'the deploy error');
  await page
    .locator(`${ui.treeNode('service', 'e2e-web')} .node-button`)
    .first()
    .click();
  await page.getByTestId('error-deployService').waitFor({ state: 'detached' });
});

step('deletes the selected service only after a confirmation naming it, then forgets it', async () => {
  // The service was selected in the tree by the previous step.
  await ui.openOperation('service', 'deleteService');
  assert.equal(await ui.input('deleteService', 'serviceId').inputValue(), ids.service, 'the selected service');
  assert.equal(await ui.input('deleteService', 'tenantId').inputValue(), ids.tenant, 'its tenant');
  const dialog = '[data-testid="confirm-dialog"]';
  const ask = async () => {
    await page.getByTestId('submit-deleteService').click();
    await ui.text(dialog, 'Delete service e2e-web in e2e-tenant?', 'the confirmation naming the service and tenant');
  };
  await ask();
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    'confirm-cancel',
    'Cancel has the focus',
  );
  await ui.screenshot('07-confirm-delete');
  await page.keyboard.press('Escape');
  await page.locator(dialog).waitFor({ state: 'detached' });
  await ask();
  await page.getByTestId('confirm-cancel').click();
  await page.locator(dialog).waitFor({ state: 'detached' });
  assert.deepEqual(deletes, [], 'Escape and Cancel sent nothing');
  assert.equal(await page.locator(ui.group('deleteService')).count(), 0, 'no deleteService request');

  await ask();
  await page.getByTestId('confirm-accept').click();
  await ui.visible('[data-testid="result-deleteService"][data-status="completed"]', 'deleteService completed', 30_000);
  await ui.text('[data-testid="result-deleteService"]', 'Deleted service e2e-web in e2e-tenant', 'what was deleted');
  assert.deepEqual(deletes, [`/api/tenants/${ids.tenant}/services/${ids.service}`], 'one DELETE, of that service');
  await page.locator(ui.treeNode('service', 'e2e-web')).waitFor({ state: 'detached' });
  await ui.timelineGroup('deleteService', 'completed');
  assert.equal(await ui.input('deleteService', 'serviceId').inputValue(), '', 'the target is cleared');
  assert.equal(await page.getByTestId('submit-deleteService').isDisabled(), true, 'nothing left to delete');
  await ui.screenshot('08-deleted');
});

step('deletes a selected environment the same way, and the page stays on its tenant', async () => {
  await page
    .locator(`${ui.treeNode('environment', 'e2e-env')} .node-button`)
    .first()
    .click();
  await ui.visible('[data-testid="domain-tab-environment"][aria-selected="true"]', 'the environment operations tab');
  await ui.openOperation('environment', 'deleteEnvironment');
  assert.equal(await ui.input('deleteEnvironment', 'environmentId').inputValue(), ids.environment);
  await page.getByTestId('submit-deleteEnvironment').click();
  await ui.text('[data-testid="confirm-dialog"]', 'Delete environment e2e-env in e2e-tenant?', 'the confirmation');
  await page.getByTestId('confirm-accept').click();
  await ui.text('[data-testid="result-deleteEnvironment"]', 'Deleted environment e2e-env in e2e-tenant', 'the result');
  await page.locator(ui.treeNode('environment', 'e2e-env')).waitFor({ state: 'detached' });
  assert.equal(await ui.input('deleteEnvironment', 'environmentId').inputValue(), '', 'the target is cleared');
  await ui.text('[data-testid="details-name"]', 'e2e-tenant', 'the tenant of the deleted environment, selected');
  assert.equal(deletes.length, 2, 'one more DELETE');
});

step('rotates the account secret through the cloud provider form, the secret shown nowhere', async () => {
  await page
    .locator(`${ui.treeNode('account', 'e2e-aws')} .node-button`)
    .first()
    .click();
  await ui.visible('[data-testid="domain-tab-account"][aria-selected="true"]', 'the account operations tab');
  await ui.openOperation('account', 'updateAccount');
  const provider = page.getByTestId('field-updateAccount-cloudProvider');
  assert.equal(await provider.locator('.provider-fields').isVisible(), false, 'the connection is unchanged by default');
  await ui.input('updateAccount', 'cloudProvider-change').check();
  assert.equal(await ui.input('updateAccount', 'cloudProvider-region').inputValue(), 'eu-central-1', 'as connected');
  const secret = ui.input('updateAccount', 'cloudProvider-credentialSecret');
  assert.equal(await secret.getAttribute('type'), 'password');
  assert.equal(await secret.inputValue(), '', 'the current secret is never shown');
  await ui.send('account', 'updateAccount', { 'cloudProvider-credentialSecret': `${SECRET}-2` });
  assert.equal(await secret.inputValue(), '', 'the secret is forgotten once sent');
  const shown = await page.evaluate(() => document.body.innerText + document.documentElement.outerHTML);
  assert.ok(!shown.includes(SECRET), 'the secret shows in the page');
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
  await ui.screenshot('09-reloaded');
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
  await ui.screenshot('10-notifications');
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
