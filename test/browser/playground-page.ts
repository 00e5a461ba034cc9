import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** What the e2e test does on the playground, by its data-testids, with failures that say what was missing. */
export class PlaygroundPage {
  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  /** Waits until `selector` is visible; a timeout names `description` instead of a bare selector. */
  async visible(selector: string, description: string, timeout?: number): Promise<Locator> {
    const locator = this.page.locator(selector).first();
    try {
      await locator.waitFor({ state: 'visible', ...(timeout === undefined ? {} : { timeout }) });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`Expected to see ${description} (${selector}): ${reason}`, { cause: error });
    }
    return locator;
  }

  /** Waits until `selector` is visible and contains `text`. */
  async text(selector: string, text: string, description: string): Promise<void> {
    await this.visible(`${selector}:has-text(${JSON.stringify(text)})`, `${description} showing "${text}"`);
  }

  treeNode(kind: string, name: string): string {
    return `[data-testid="tree-node"][data-kind="${kind}"][data-name="${name}"]`;
  }

  /** The id of a node of the tree, once it is there. */
  async nodeId(kind: string, name: string): Promise<string> {
    const node = await this.visible(this.treeNode(kind, name), `${kind} ${name} in the tree`);
    const id = await node.getAttribute('data-id');
    if (id === null || id === '') throw new Error(`The tree node of ${kind} ${name} has no data-id`);
    return id;
  }

  group(operation: string, status?: string): string {
    const group = `[data-testid="tl-group"][data-operation="${operation}"]`;
    return status === undefined ? group : `${group}[data-status="${status}"]`;
  }

  async timelineGroup(operation: string, status: string, timeout?: number): Promise<void> {
    await this.visible(
      this.group(operation, status),
      `a ${operation} request with status ${status} in the timeline`,
      timeout,
    );
  }

  input(operation: string, field: string): Locator {
    return this.page.getByTestId(`input-${operation}-${field}`);
  }

  /** Shows the domain's tab and opens the operation's card. */
  async openOperation(domain: string, operation: string): Promise<Locator> {
    await this.page.getByTestId(`domain-tab-${domain}`).click();
    const card = await this.visible(`[data-testid="op-${operation}"]`, `the ${operation} card`);
    if ((await card.getAttribute('open')) === null) await this.page.getByTestId(`op-toggle-${operation}`).click();
    await this.visible(`[data-testid="submit-${operation}"]`, `the ${operation} submit button`);
    return card;
  }

  /**
   * Opens the operation's form, fills `fills`, sends it and waits for `expected` (`success`, or `completed`
   * for a long-running operation). Returns the form's values as they were prefilled, before filling.
   */
  async send(
    domain: string,
    operation: string,
    fills: Record<string, string>,
    expected = 'success',
  ): Promise<Record<string, string>> {
    const card = await this.openOperation(domain, operation);
    const prefilled = await card.evaluate((element) =>
      Object.fromEntries(
        Array.from(element.querySelectorAll<HTMLInputElement>('input[name], select[name], textarea[name]'), (input) => [
          input.name,
          input.value,
        ]),
      ),
    );
    for (const [field, value] of Object.entries(fills)) {
      const input = this.input(operation, field);
      const tag = await input.evaluate((element) => element.tagName);
      if (tag === 'SELECT') await input.selectOption(value);
      else await input.fill(value);
    }
    await this.page.getByTestId(`submit-${operation}`).click();
    const done = `[data-testid="result-${operation}"][data-status="${expected}"]`;
    const failed = `[data-testid="error-${operation}"]`;
    await this.visible(`${done}, ${failed}`, `the outcome of ${operation}`, 30_000);
    const error = this.page.locator(failed);
    if ((await error.count()) > 0)
      throw new Error(`${operation} failed in the page: ${await error.first().innerText()}`);
    return prefilled;
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(this.screenshotDir, `playground-${name}.png`) });
  }
}
