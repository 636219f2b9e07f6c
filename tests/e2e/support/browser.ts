// Debian's Chromium driven by playwright-core (stack.md pitfalls 4 and 5): never a downloaded
// browser; a persistent profile when a test needs the browser to survive a restart.
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { ROOT } from "./paths";

/** Debian's Chromium. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const PHONE_VIEWPORT = { width: 360, height: 740 };

/** A browser whose profile (IndexedDB, service worker, cookies) lives in userDataDir. */
export async function launchProfile(
  userDataDir: string,
  options: { bypassCSP?: boolean; serviceWorkers?: "allow" | "block" } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 1,
    hasTouch: true,
  });
}

export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/**
 * `navigator.serviceWorker.ready` resolves while the worker may still be activating; going offline
 * before it controls the page in the activated state would make the offline part of a test flaky.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", undefined, {
    timeout: 30_000,
  });
}

/** Console messages that report a Content-Security-Policy violation (the shell must cause none). */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/**
 * Runs axe-core in the page and returns the serious and critical violations. addScriptTag injects an
 * inline script, which the app's CSP forbids: use it in a context launched with bypassCSP.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
}
