// WebKitGTK (the engine of Safari) through selenium-webdriver and Debian's WebKitWebDriver under
// xvfb-run (stack.md item 13). Two storage modes, each with its own WebKit behaviour:
// - "webkit-disk": webkit-browser.py, a small WebKit2 browser whose website data lives on disk in
//   the profile directory (what every Safari user has; WebKit bug 319640 lives here);
// - "webkit-memory": the stock MiniBrowser, whose website data stays in memory (Safari Private
//   Browsing: Blobs refused in IndexedDB).
// One WebKitWebDriver per browser (it serves one session), in its own process group so that
// closing stops the driver, the browser and Xvfb together.
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Builder, By, type WebDriver } from "selenium-webdriver";
import { freePort } from "../server";
import type { EngineDriver } from "./engine";

export const WEBKIT_DRIVER_PATH = process.env.PATUH_WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
export const MINIBROWSER_PATH = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const DISK_BROWSER = join(dirname(fileURLToPath(import.meta.url)), "webkit-browser.py");
const SCRIPT_TIMEOUT_MS = 30_000;

async function waitForDriver(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited:\n${log()}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on ${url}:\n${log()}`);
}

/** Wraps fn for executeAsyncScript: its result or its error come back through the callback. */
function asyncScript(fn: string): string {
  return `const done = arguments[arguments.length - 1];
    Promise.resolve().then(() => (${fn})(arguments[0])).then(
      (value) => done({ ok: true, value: value === undefined ? null : value }),
      (error) => done({ ok: false, error: String(error && error.stack || error) }));`;
}

export async function launchWebKit(
  mode: "webkit-disk" | "webkit-memory",
  profileDir: string,
): Promise<EngineDriver> {
  const port = await freePort();
  let output = "";
  const child = spawn(
    "xvfb-run",
    ["-a", "-s", "-screen 0 1280x800x24", WEBKIT_DRIVER_PATH, `--port=${port}`, "--host=127.0.0.1"],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.setEncoding("utf8").on("data", (s: string) => {
    output += s;
  });
  child.stderr?.setEncoding("utf8").on("data", (s: string) => {
    output += s;
  });
  const stopAll = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  const url = `http://127.0.0.1:${port}`;
  let driver: WebDriver;
  try {
    await waitForDriver(url, child, () => output);
    const browserOptions =
      mode === "webkit-disk"
        ? { binary: DISK_BROWSER, args: ["--automation", `--data-dir=${profileDir}`] }
        : { binary: MINIBROWSER_PATH, args: ["--automation"] };
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: mode === "webkit-disk" ? "PatuhWebKit" : "MiniBrowser",
        "webkitgtk:browserOptions": browserOptions,
      })
      .build();
    await driver.manage().setTimeouts({ script: SCRIPT_TIMEOUT_MS, pageLoad: 60_000 });
  } catch (e) {
    stopAll();
    throw e;
  }

  const centre = (selector: string) =>
    driver.executeScript(
      "const el = document.querySelector(arguments[0]); if (el) el.scrollIntoView({ block: 'center' });",
      selector,
    );
  // WebKitWebDriver clicks at a point, unlike Playwright, which waits for a still element: a page
  // still laying out (a list loaded from IndexedDB above the target) moves the element between
  // "where is it" and the click, and the click lands on something else. Wait for a still box.
  const box = (selector: string) =>
    driver.executeScript(
      "const r = document.querySelector(arguments[0])?.getBoundingClientRect(); return r ? [r.x, r.y, r.width, r.height].join(',') : '';",
      selector,
    ) as Promise<string>;
  const waitStill = async (selector: string) => {
    let last = "";
    let still = 0;
    const deadline = Date.now() + 5000;
    while (still < 3 && Date.now() < deadline) {
      const now = await box(selector);
      still = now !== "" && now === last ? still + 1 : 0;
      last = now;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    engine: mode,
    goto: async (target) => {
      await driver.get(target);
    },
    evaluate: async <A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
      const reply = (await driver.executeAsyncScript(asyncScript(fn.toString()), arg)) as
        | { ok: true; value: T }
        | { ok: false; error: string };
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    click: async (selector) => {
      // content-visibility: auto moves the page while scrolling (stack.md item 14): centre twice.
      await centre(selector);
      await new Promise((r) => setTimeout(r, 250));
      await centre(selector);
      await waitStill(selector);
      await driver.findElement(By.css(selector)).click();
    },
    type: async (selector, text) => {
      const element = await driver.findElement(By.css(selector));
      await element.clear();
      await element.sendKeys(text);
    },
    screenshot: async (path) => {
      const { writeFileSync } = await import("node:fs");
      writeFileSync(path, Buffer.from(await driver.takeScreenshot(), "base64"));
    },
    close: async () => {
      await driver.quit().catch(() => undefined);
      stopAll();
    },
  };
}
