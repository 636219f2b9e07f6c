import type { Page } from "playwright-core";
import { beforeEach, onTestFailed } from "vitest";
import type { E2eFixture } from "./fixture";
import { resultPath } from "./paths";

/**
 * Registers, for every test of the current suite, a failure hook that saves a screenshot and prints
 * what the screen said and the server log's tail, so a failure on CI explains itself.
 */
export function explainFailures(prefix: string, page: () => Page, fx: () => E2eFixture): void {
  beforeEach((context) => {
    onTestFailed(async () => {
      const name = context.task.name.replace(/\W+/g, "-").slice(0, 60);
      await page()
        .screenshot({ path: resultPath(`${prefix}-failed-${name}.png`), fullPage: true })
        .catch(() => undefined);
      const text = await page()
        .locator("main")
        .innerText({ timeout: 1_000 })
        .catch(() => "(no main)");
      console.error(`screen:\n${text}\n\nserver log (tail):\n${fx().server.log().slice(-4_000)}`);
    });
  });
}
