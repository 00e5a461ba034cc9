import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, never a browser downloaded by a test tool; `CHROMIUM_PATH` points elsewhere. */
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  assert.ok(
    existsSync(chromiumPath),
    `No Chromium at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A page of `viewport` size whose uncaught errors and console errors are pushed to `errors`. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
  errors: string[],
  timeoutMs: number,
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(timeoutMs);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return page;
}
