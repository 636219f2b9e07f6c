// The service worker's promises, checked in the browser: installable manifest, the shell (and only
// the shell) in Cache Storage, and /api never answered by the worker.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, waitForServiceWorkerControl } from "./support/browser";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { DEMO_PASSWORD } from "./support/server";

interface ManifestIcon {
  src: string;
  sizes: string;
  purpose?: string;
}

describe("PWA shell", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    fx = await setUpE2e("pwa");
    context = await launchProfile(fx.profileDir("pwa"));
    page = await firstPage(context);
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    await new HomePage(page).userName.filter({ hasText: "Andi Pratama" }).waitFor();
    await waitForServiceWorkerControl(page);
  });

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("is installable, with 192 and 512 px icons and a maskable one", async () => {
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send("Page.getAppManifest")) as { errors: unknown[]; data?: string };
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? "{}") as { name: string; lang: string; icons: ManifestIcon[] };
    expect(parsed.name).toBe("Patuh — Penilaian Kepatuhan");
    expect(parsed.lang).toBe("id");
    const sizes = parsed.icons.map((icon) => icon.sizes);
    expect(sizes).toContain("192x192");
    expect(sizes).toContain("512x512");
    expect(parsed.icons.some((icon) => icon.purpose === "maskable")).toBe(true);
    for (const icon of parsed.icons) {
      const type = await page.evaluate(
        async (src) => (await fetch(src)).headers.get("content-type"),
        icon.src,
      );
      expect(type).toContain("image/png");
    }
    const installability = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: unknown[];
    };
    expect(installability.installabilityErrors).toEqual([]);
  });

  it("caches the shell and nothing from /api", async () => {
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain("/index.html");
    expect(cached.some((path) => path.startsWith("/assets/") && path.endsWith(".js"))).toBe(true);
    expect(cached.filter((path) => path.startsWith("/api"))).toEqual([]);
  });

  it("lets /api go to the network untouched: offline it fails, it is never served from a cache", async () => {
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/session");
    const status = await page.evaluate(async () => (await fetch("/api/v1/session")).status);
    expect(status).toBe(200);
    expect((await answered).fromServiceWorker()).toBe(false);

    await context.setOffline(true);
    const offline = await page.evaluate(async () => {
      try {
        await fetch("/api/v1/session");
        return "answered";
      } catch {
        return "network error";
      }
    });
    expect(offline).toBe("network error");

    // A navigation under /api/ is not given the app shell either.
    const response = await page.goto(`${fx.server.url}/api/v1/session`).catch(() => null);
    expect(response === null || response.headers()["content-type"]?.includes("text/html") !== true).toBe(
      true,
    );
    await context.setOffline(false);
  });
});
