import { test, type TestContext } from 'node:test';

/**
 * The steps of one user journey, each a `node:test` test: once a step fails, the later ones fail at once,
 * naming the step that broke. `onFailure` runs first with the failing step's name (e.g. a screenshot).
 */
export function journey(onFailure: (step: string) => Promise<void>) {
  let broken: string | undefined;
  return function step(name: string, body: (t: TestContext) => Promise<void>): void {
    void test(name, async (t) => {
      if (broken !== undefined) throw new Error(`not run: the earlier step "${broken}" failed`);
      try {
        await body(t);
      } catch (error) {
        broken = name;
        await onFailure(name).catch(() => undefined);
        throw error;
      }
    });
  };
}
