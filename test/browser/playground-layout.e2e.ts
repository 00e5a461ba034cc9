// Browser test of the playground's layout: the BUILT page in Debian's Chromium at a phone's, a tablet's, a
// laptop's and a desktop's width, against the reference API serving it. At each width, signed in with a
// service selected and its chart drawn, nothing covers the controls, the page never scrolls sideways, the
// details column keeps a usable width and the chart's text keeps one size; screenshots go to
// test-results/playground-layout-<width>.png. The timeline keeps a bounded number of entries and counts what
// it shows. Run: node --import tsx --test test/browser/playground-layout.e2e.ts
// (after `npm run build && npm run build:playground`).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startReferenceServer, type ReferenceServer } from '../../testing/index';
import { launchChromium, openPage } from './chromium';
import { PlaygroundPage } from './playground-page';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticRoot = join(root, 'playground', 'dist');
const screenshots = join(root, 'test-results');
const TIMEOUT_MS = 15_000;

/** How the page lays out at a width (the breakpoints of playground/src/layout.ts). */
type Mode = 'single' | 'drawer' | 'columns';
const VIEWPORTS = [
  { width: 390, height: 844, mode: 'single' },
  { width: 768, height: 1024, mode: 'single' },
  { width: 1024, height: 768, mode: 'drawer' },
  { width: 1280, height: 800, mode: 'columns' },
  { width: 1920, height: 1080, mode: 'columns' },
] as const satisfies ReadonlyArray<{ width: number; height: number; mode: Mode }>;
const COLUMNS = ['tree', 'center', 'timeline'] as const;
const MIN_CENTER_WIDTH = 300;

let server: ReferenceServer | undefined;
let browser: Browser | undefined;
let origin: string;
const pageErrors: string[] = [];
/** The chart's axis text at each width: its rendered height and computed font size, in px. */
const chartText = new Map<number, { height: number; fontSize: number }>();

before(async () => {
  assert.ok(
    existsSync(join(staticRoot, 'index.html')) && existsSync(join(staticRoot, 'app.js')),
    `The playground is not built (${staticRoot}): run "npm run build && npm run build:playground" first.`,
  );
  await mkdir(screenshots, { recursive: true });
  for (const { width } of VIEWPORTS) await rm(join(screenshots, `playground-layout-${width}.png`), { force: true });
  server = await startReferenceServer({ port: 0, operationDurationMs: 300, staticRoot, liveMetrics: true });
  origin = new URL(server.url).origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(viewport: { width: number; height: number }, path = '/'): Promise<PlaygroundPage> {
  assert.ok(browser !== undefined, 'the browser is started');
  const errors: string[] = [];
  const page = await openPage(browser, viewport, errors, TIMEOUT_MS);
  // The 401 answers of the session restore on load (no refresh cookie yet) are expected; nothing else is.
  page.on('close', () =>
    pageErrors.push(...errors.filter((error) => !/Failed to load resource: .*\b401\b/.test(error))),
  );
  await page.goto(`${origin}${path}`);
  return new PlaygroundPage(page, screenshots);
}

/** Asserts the control is inside the viewport and is what a click at its center reaches (nothing covers it). */
async function assertOnTop(page: Page, selector: string, description: string): Promise<void> {
  await page.locator(selector).first().waitFor({ state: 'visible' });
  // One synchronous look: the live tree re-renders its rows, so a handle kept across calls may be stale.
  const found = await page.evaluate((target) => {
    const element = document.querySelector(target);
    if (element === null) return { inside: false, onTop: false, top: 'nothing', box: 'none (not found)' };
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      inside: box.left >= 0 && box.top >= 0 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5,
      onTop: top !== null && (top === element || element.contains(top)),
      top: top === null ? 'nothing' : `${top.tagName.toLowerCase()}.${[...top.classList].join('.')}`,
      box: `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`,
    };
  }, selector);
  assert.ok(found.inside, `${description} (${selector}) is inside the viewport, but its box is ${found.box}`);
  assert.ok(found.onTop, `${description} (${selector}) is covered by ${found.top} at the center of ${found.box}`);
}

/** Asserts the page does not scroll sideways, and neither does any shown column or scroll area. */
async function assertNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const overflow = await page.evaluate(() => {
    const areas = Array.from(document.querySelectorAll<HTMLElement>('.column, .tl-scroll, .live-scroll'));
    return {
      page: document.documentElement.scrollWidth - innerWidth,
      areas: areas
        .filter((area) => area.checkVisibility() && area.scrollWidth > area.clientWidth + 1)
        .map((area) => `${area.id || area.className} (${area.scrollWidth} > ${area.clientWidth})`),
    };
  });
  assert.ok(overflow.page <= 0, `at ${width} px the page is ${overflow.page} px wider than the viewport`);
  assert.deepEqual(overflow.areas, [], `at ${width} px these areas scroll sideways`);
}

/** The shown columns, left to right, with their boxes. */
async function shownColumns(page: Page): Promise<Array<{ id: string; left: number; right: number }>> {
  return page.evaluate(
    (ids) =>
      ids
        .map((id) => ({ id, element: document.getElementById(id) }))
        .filter(({ element }) => element !== null && element.checkVisibility())
        .map(({ id, element }) => {
          const box = (element as HTMLElement).getBoundingClientRect();
          return { id, left: box.left, right: box.right };
        })
        .sort((a, b) => a.left - b.left),
    [...COLUMNS],
  );
}

/** Shows the pane in single-column mode (no-op otherwise). */
async function showPane(page: Page, mode: Mode, pane: (typeof COLUMNS)[number]): Promise<void> {
  if (mode !== 'single') return;
  await page.getByTestId(`pane-tab-${pane}`).click();
  await page.locator(`#${pane}`).waitFor({ state: 'visible' });
}

for (const { width, height, mode } of VIEWPORTS) {
  void test(`at ${width} px (${mode}) every control is reachable, nothing scrolls sideways, and the chart text keeps its size`, async () => {
    const ui = await open({ width, height });
    const { page } = ui;
    try {
      await ui.visible('[data-testid="login-form"]', 'the sign-in form');
      await assertOnTop(page, '[data-testid="login-submit"]', 'the sign-in button');
      await assertNoSidewaysScroll(page, width);

      await page.getByTestId('login-submit').click();
      await ui.text('[data-testid="signed-in-user"]', 'Alex Morgan', 'the signed-in user in the header');
      await showPane(page, mode, 'tree');
      const shop = `${ui.treeNode('service', 'shop')} .node-button`;
      await assertOnTop(page, shop, 'service shop in the tree');
      await page.locator(shop).first().click();
      // On a phone, picking a node shows its details.
      await ui.visible('[data-testid="service-monitor"]', 'the usage of the selected service');
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid="usage-chart"]')?.getAttribute('data-samples')) >= 2,
        undefined,
        { timeout: 20_000 },
      );

      const columns = await shownColumns(page);
      const expected = { single: ['center'], drawer: ['tree', 'center'], columns: ['tree', 'center', 'timeline'] };
      assert.deepEqual(
        columns.map(({ id }) => id),
        expected[mode],
        `at ${width} px the shown columns, left to right`,
      );
      for (const [left, right] of columns.slice(0, -1).map((column, index) => [column, columns[index + 1]] as const)) {
        assert.ok(right !== undefined && left.right <= right.left + 0.5, `${left.id} overlaps ${right?.id}`);
      }
      const center = columns.find(({ id }) => id === 'center');
      assert.ok(center !== undefined, 'the details column is shown');
      assert.ok(
        center.right - center.left >= MIN_CENTER_WIDTH,
        `at ${width} px the details column is ${Math.round(center.right - center.left)} px wide (at least ${MIN_CENTER_WIDTH})`,
      );
      assert.ok(
        columns.every(({ left, right }) => left >= 0 && right <= width + 0.5),
        'every column is inside the viewport',
      );

      await assertNoSidewaysScroll(page, width);
      for (const [selector, description] of [
        ['[data-testid="sign-out"]', 'the sign-out button'],
        ['[data-testid="bell"]', 'the notification bell'],
        ['[data-testid="stream-status"]', 'the connection indicator'],
        ['[data-testid="operations"] button', 'the first button of the requests'],
      ] as const) {
        await assertOnTop(page, selector, description);
      }
      if (mode === 'columns') await assertOnTop(page, '[data-testid="tl-clear"]', 'the timeline Clear button');
      if (mode === 'single') {
        for (const pane of COLUMNS) await assertOnTop(page, `[data-testid="pane-tab-${pane}"]`, `the ${pane} tab`);
      } else {
        assert.equal(await page.getByTestId('pane-tabs').isVisible(), false, 'no pane tabs beside the columns');
      }

      const text = await page
        .locator('[data-testid="usage-chart"] text.chart-axis')
        .first()
        .evaluate((element) => ({
          height: element.getBoundingClientRect().height,
          fontSize: parseFloat(getComputedStyle(element).fontSize),
        }));
      chartText.set(width, text);

      await page.locator('#center').evaluate((element) => element.scrollTo({ top: 0 }));
      await page.screenshot({ path: join(screenshots, `playground-layout-${width}.png`) });
    } finally {
      await page.close();
    }
  });
}

void test('the chart text has one size at every width', () => {
  const sizes = [...chartText.entries()].map(([width, size]) => `${width} px: ${size.height.toFixed(1)} px high`);
  assert.equal(chartText.size, VIEWPORTS.length, `measured at every width: ${sizes.join(', ')}`);
  const at1024 = chartText.get(1024);
  const at1920 = chartText.get(1920);
  assert.ok(at1024 !== undefined && at1920 !== undefined);
  assert.ok(Math.abs(at1024.height - at1920.height) <= 1, `as high at 1024 px as at 1920 px: ${sizes.join(', ')}`);
  const heights = [...chartText.values()].map(({ height: h }) => h);
  assert.ok(Math.max(...heights) - Math.min(...heights) <= 1, `as high at every width: ${sizes.join(', ')}`);
  assert.ok(at1024.height >= 10, `readable: ${at1024.height.toFixed(1)} px high at 1024 px`);
  return Promise.resolve();
});

void test('at 390 px the timeline is a tab that opens and closes, and counts what it got meanwhile', async () => {
  const ui = await open({ width: 390, height: 844 });
  const { page } = ui;
  try {
    await ui.visible('[data-testid="login-form"]', 'the sign-in form');
    assert.equal(await page.locator('#timeline').isVisible(), false, 'the timeline is not shown at first');
    await page.getByTestId('login-submit').click();
    await ui.text('[data-testid="signed-in-user"]', 'Alex Morgan', 'the signed-in user in the header');
    await ui.visible('[data-testid="pane-tab-timeline"] [data-testid="timeline-unseen"]', 'the unseen count');

    await page.getByTestId('pane-tab-timeline').click();
    await ui.visible(ui.group('login', 'success'), 'the login request in the timeline');
    assert.equal(await page.locator('#center').isVisible(), false, 'the details are hidden behind the tab');
    assert.equal(await page.getByTestId('pane-tab-timeline').getAttribute('aria-selected'), 'true');
    const unseen = page.locator('[data-testid="pane-tab-timeline"] [data-testid="timeline-unseen"]');
    assert.equal(await unseen.isVisible(), false, 'once shown, nothing is unseen');
    await assertOnTop(page, '[data-testid="tl-clear"]', 'the timeline Clear button');
    await assertOnTop(page, '[data-testid="live-clear"]', 'the Pushed lane Clear button');
    await assertNoSidewaysScroll(page, 390);

    await page.getByTestId('pane-tab-center').click();
    await ui.visible('[data-testid="operations"]', 'the requests again');
    assert.equal(await page.locator('#timeline').isVisible(), false, 'the timeline closed');
  } finally {
    await page.close();
  }
});

void test('at 1024 px the timeline is a drawer that opens and closes without covering the header', async () => {
  const ui = await open({ width: 1024, height: 768 });
  const { page } = ui;
  try {
    await ui.visible('[data-testid="login-form"]', 'the sign-in form');
    assert.equal(await page.locator('#timeline').isVisible(), false, 'the drawer is closed at first');
    await page.getByTestId('timeline-toggle').click();
    await ui.visible(ui.group('loadUser', 'error'), 'the restore attempt in the drawer');
    assert.equal(await page.getByTestId('timeline-toggle').getAttribute('aria-expanded'), 'true');
    await assertOnTop(page, '[data-testid="timeline-close"]', 'the close button of the drawer');
    await assertOnTop(page, '[data-testid="timeline-toggle"]', 'the timeline button in the header');
    await page.keyboard.press('Escape');
    await page.locator('#timeline').waitFor({ state: 'hidden' });
    await page.getByTestId('timeline-toggle').click();
    await page.getByTestId('timeline-close').click();
    await page.locator('#timeline').waitFor({ state: 'hidden' });
    await assertOnTop(page, '[data-testid="login-submit"]', 'the sign-in button once the drawer is closed');
  } finally {
    await page.close();
  }
});

void test('the timeline and the Pushed lane keep their newest entries, count the dropped ones, and count only what they show', async () => {
  const capacity = 5;
  const ui = await open({ width: 1280, height: 800 }, `/?timeline-capacity=${capacity}&live-capacity=${capacity}`);
  const { page } = ui;
  try {
    await ui.visible('[data-testid="login-form"]', 'the sign-in form');
    await page.getByTestId('login-submit').click();
    await ui.text('[data-testid="signed-in-user"]', 'Alex Morgan', 'the signed-in user in the header');
    await page
      .locator(`${ui.treeNode('service', 'shop')} .node-button`)
      .first()
      .click();
    await ui.visible('[data-testid="tl-dropped"]:not([data-count="0"])', 'the count of dropped timeline entries');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="usage-chart"]')?.getAttribute('data-samples')) >= 3,
      undefined,
      { timeout: 20_000 },
    );
    // One synchronous look, so no event lands between a counter and the entries it counts.
    const look = () =>
      // No named inner functions here: tsx would wrap them in a helper the page does not have.
      page.evaluate(() => ({
        count: Number(document.querySelector('[data-testid="tl-count"]')?.getAttribute('data-count')),
        entries: document.querySelectorAll('[data-testid="tl-entry"]').length,
        dropped: Number(document.querySelector('[data-testid="tl-dropped"]')?.getAttribute('data-count')),
        droppedText: document.querySelector('[data-testid="tl-dropped"]')?.textContent ?? '',
        liveCount: Number(document.querySelector('[data-testid="live-count"]')?.getAttribute('data-count')),
        liveEntries: document.querySelectorAll('[data-testid="live-entry"]').length,
      }));
    const hidden = await look();
    assert.equal(hidden.entries, capacity, `the timeline shows its newest ${capacity} entries`);
    assert.equal(hidden.count, hidden.entries, 'the event counter counts the entries shown, not the hidden samples');
    assert.ok(hidden.dropped > 0, 'it says how many it dropped');
    assert.match(hidden.droppedText, new RegExp(`^${hidden.dropped} dropped$`));
    assert.equal(hidden.liveCount, hidden.liveEntries, 'the Pushed counter counts the entries shown');
    assert.ok(
      hidden.liveEntries > 0 && hidden.liveEntries <= capacity,
      `the Pushed lane shows 1 to ${capacity} entries besides the samples, not ${hidden.liveEntries}`,
    );

    await page.getByTestId('tl-show-samples').check();
    await page.getByTestId('live-show-samples').check();
    const shown = await look();
    assert.equal(shown.count, shown.entries, 'with the samples shown, the counter counts them too');
    assert.ok(shown.entries > capacity, 'the chart samples have their own budget and push no request out');
    assert.ok(shown.entries <= 2 * capacity, `at most ${capacity} entries of requests and ${capacity} of samples`);
    assert.equal(shown.liveCount, shown.liveEntries, 'the Pushed counter counts the samples it shows');
    assert.equal(shown.liveEntries, capacity, `the Pushed lane shows its newest ${capacity} entries, samples included`);
    await ui.screenshot('layout-bounded-timeline');
  } finally {
    await page.close();
  }
});

void test('raised no error in the pages', () => {
  assert.deepEqual(pageErrors, [], 'the pages logged errors');
  return Promise.resolve();
});
