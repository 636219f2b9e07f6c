// Firefox ESR (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi (stack.md item 12):
// playwright-core cannot drive a stock Firefox. Headless, no Xvfb, the profile in a directory.
import puppeteer from "puppeteer-core";
import { PHONE_VIEWPORT } from "../browser";
import type { EngineDriver } from "./engine";

export const FIREFOX_PATH = process.env.PATUH_FIREFOX ?? "/usr/bin/firefox-esr";

export async function launchFirefox(profileDir: string): Promise<EngineDriver> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profileDir,
    defaultViewport: PHONE_VIEWPORT,
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  return {
    engine: "firefox",
    goto: async (url) => {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    click: async (selector) => {
      await page.locator(selector).click();
    },
    type: async (selector, text) => {
      await page.locator(selector).fill(text);
    },
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => browser.close(),
  };
}
