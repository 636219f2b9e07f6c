// A thin driver layer so one field journey runs in every engine an assessor's phone may carry:
// Chromium (playwright-core), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK
// (selenium-webdriver + WebKitWebDriver under xvfb-run) with on-disk storage (what every Safari
// user has) and with in-memory storage (Safari Private Browsing). Each driver implements only
// navigation, script evaluation, a native click, native typing and closing; everything else
// (waiting, reading) is built here on evaluate, so a journey reads the same in every engine.
//
// "No network" is support/network-switch.ts (connections refused), the one offline that every
// driver can produce: WebKitWebDriver has no offline switch.
export type EngineName = "chromium" | "firefox" | "webkit-disk" | "webkit-memory";

export const ENGINES: readonly EngineName[] = ["chromium", "firefox", "webkit-disk", "webkit-memory"];

export interface EngineDriver {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page (fn must be self-contained) and returns its JSON-able result. */
  evaluate<A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** A native click (the driver's own pointer events) on the first match of `selector`. */
  click(selector: string): Promise<void>;
  /** Native typing into the input matching `selector`, replacing its value. */
  type(selector: string, text: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Engines to run, from PATUH_E2E_ENGINES (comma separated); Chromium alone by default. */
export function enginesFromEnv(): EngineName[] {
  const raw = process.env.PATUH_E2E_ENGINES ?? "chromium";
  const names = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!ENGINES.includes(name as EngineName)) throw new Error(`PATUH_E2E_ENGINES: unknown engine ${name}`);
  }
  return names as EngineName[];
}

/** A fresh browser of `engine` whose profile (IndexedDB, service worker) lives in `profileDir`. */
export async function launchEngine(engine: EngineName, profileDir: string): Promise<EngineDriver> {
  switch (engine) {
    case "chromium":
      return (await import("./chromium-driver")).launchChromium(profileDir);
    case "firefox":
      return (await import("./firefox-driver")).launchFirefox(profileDir);
    case "webkit-disk":
    case "webkit-memory":
      return (await import("./webkit-driver")).launchWebKit(engine, profileDir);
  }
}

const POLL_MS = 100;

/** Polls `fn(arg)` in the page until it returns a truthy value; that value is returned. */
export async function waitUntil<A, T>(
  driver: EngineDriver,
  fn: (arg: A) => T | Promise<T>,
  arg: A,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      // One evaluate must not outlive the deadline (a page that never answers is a failure too).
      const value = await Promise.race([
        driver.evaluate(fn, arg),
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error("the page did not answer")),
            Math.max(1000, deadline - Date.now()),
          ),
        ),
      ]);
      if (value) return value;
    } catch (e) {
      last = e; // a navigation in progress: try again
    }
    if (Date.now() > deadline) {
      const text = await driver
        .evaluate(() => `${location.href}\n${document.body?.innerText ?? ""}`.slice(0, 1500), null)
        .catch((e: unknown) => String(e));
      throw new Error(
        `${driver.engine}: timed out waiting for ${what}${last ? ` (${String(last)})` : ""}\n${text}`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Waits for an element matching `selector` (and containing `text`, when given). */
export function waitForSelector(driver: EngineDriver, selector: string, text?: string, timeoutMs?: number) {
  return waitUntil(
    driver,
    ({ selector, text }) =>
      [...document.querySelectorAll(selector)].some(
        (el) => text === undefined || (el.textContent ?? "").includes(text),
      ),
    { selector, text },
    text === undefined ? selector : `${selector} with "${text}"`,
    timeoutMs,
  );
}

/** An attribute of the first match of `selector` (null when absent). */
export function attribute(driver: EngineDriver, selector: string, name: string): Promise<string | null> {
  return driver.evaluate(
    ({ selector, name }) => document.querySelector(selector)?.getAttribute(name) ?? null,
    {
      selector,
      name,
    },
  );
}

/**
 * Puts a file into an <input type=file> as a user picking it would (the input's `files`, then its
 * change event): the same path through the app in every engine, whatever each driver's own
 * file-upload command supports.
 */
export async function pickFile(
  driver: EngineDriver,
  selector: string,
  file: { name: string; type: string; base64: string },
): Promise<void> {
  await driver.evaluate(
    ({ selector, file }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
      input.files = transfer.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      return true;
    },
    { selector, file },
  );
}
