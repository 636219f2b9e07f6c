// Chromium through playwright-core (Debian's build, the profile in a directory): see browser.ts.
import { firstPage, launchProfile } from "../browser";
import type { EngineDriver } from "./engine";

export async function launchChromium(profileDir: string): Promise<EngineDriver> {
  const context = await launchProfile(profileDir);
  const page = await firstPage(context);
  return {
    engine: "chromium",
    goto: async (url) => {
      await page.goto(url);
    },
    // The layer's arguments are plain JSON (never element handles): the same value Playwright unboxes.
    evaluate: <A, T>(fn: (arg: A) => T | Promise<T>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown),
    click: (selector) => page.locator(selector).first().click(),
    type: (selector, text) => page.locator(selector).first().fill(text),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => context.close(),
  };
}
