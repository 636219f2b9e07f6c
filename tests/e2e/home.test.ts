// Beranda of an assessor: their assignments by pemda → unit with states in words, "Siap luring"
// after the first sync, the same list offline, "Sinkronkan sekarang" offline saying nothing is
// lost, the storage panel, a 360 × 740 screenshot and no serious axe violations; and at a cold
// start over the network, the device's own list, tappable, before Dexie has arrived (issue #21).
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import {
  firstPage,
  launchProfile,
  seriousAxeViolations,
  waitForServiceWorkerControl,
} from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const PONTIANAK = "Kota Pontianak";
const SINGKAWANG = "Kota Singkawang";
/** Sync runs on its own at login; give a slow CI machine room for the first full pull. */
const SYNC_TIMEOUT_MS = 30_000;

describe("home (Beranda)", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;
  let home: HomePage;

  beforeAll(async () => {
    fx = await setUpE2e("home");
    // bypassCSP only so axe-core can be injected (see accessibility.test.ts).
    context = await launchProfile(fx.profileDir("home"), { bypassCSP: true });
    page = await firstPage(context);
    home = new HomePage(page);
  });

  explainFailures(
    "home",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("lists the assessor's own assignments, not started, and none of another team's", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    await home.heading().waitFor();

    const pontianak = home.pemda(PONTIANAK);
    await pontianak.waitFor({ timeout: SYNC_TIMEOUT_MS });
    const units = pontianak.getByTestId("unit-item");
    expect(await units.count()).toBeGreaterThan(1);
    for (const state of await pontianak.getByTestId("unit-state").allTextContents()) {
      expect(state).toContain("Belum mulai");
    }
    // Each unit not yet started leads to its assignment (to start the visit).
    const href = await units.first().getByRole("link").getAttribute("href");
    expect(href).toMatch(/^\/penugasan\/[0-9a-f-]{36}$/);

    expect(await home.pemda(SINGKAWANG).count()).toBe(0);
    expect(await page.getByText(SINGKAWANG).count()).toBe(0);
  });

  it("says Siap luring with the last sync time once everything is on the device", async () => {
    await waitForServiceWorkerControl(page);
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    expect(await home.readiness.getAttribute("data-ready")).toBe("true");
    expect(await home.lastSync.textContent()).toMatch(/^Terakhir sinkron \d{2}\.\d{2}$/);
    expect(await home.pendingCount.textContent()).toContain("Semua perubahan sudah terkirim");

    await page.screenshot({ path: resultPath("home-360.png"), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("shows the storage panel with numbers", async () => {
    await home.storageUsed.waitFor();
    expect(await home.storageUsed.textContent()).toMatch(/^\d{1,3}(\.\d{3})*(,\d)? MB$/);
    expect(await home.storageFree.textContent()).toMatch(/^\d{1,3}(\.\d{3})*(,\d)? MB$/);
    expect(await home.storagePersisted.textContent()).toMatch(/^(Ya|Belum|Tidak diketahui)$/);
  });

  it("still lists the assignments offline after a reload, and a manual sync says nothing is lost", async () => {
    const unitCount = await home.pemda(PONTIANAK).getByTestId("unit-item").count();
    await context.setOffline(true);
    await home.onlineStatus.filter({ hasText: "Luring" }).waitFor();
    await page.reload();
    await home.pemda(PONTIANAK).waitFor();
    expect(await home.pemda(PONTIANAK).getByTestId("unit-item").count()).toBe(unitCount);
    // The sync panel learns it is offline from the engine's first check after the reload.
    await expect.poll(() => home.onlineStatus.textContent()).toContain("Luring");
    await expect.poll(() => home.syncState.textContent()).toBe("Luring");
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor();

    await home.syncNow();
    await home.syncError.waitFor();
    const words = await home.syncError.textContent();
    expect(words).toContain("Tidak ada koneksi");
    expect(words).toContain("tersimpan di perangkat ini");
    expect(await home.lastSync.textContent()).toMatch(/^Terakhir sinkron \d{2}\.\d{2}$/);
  });

  it("speaks English when switched", async () => {
    await home.switchLanguage("English");
    await home.readiness.filter({ hasText: "Ready offline" }).waitFor();
    expect(await home.syncError.textContent()).toContain("No connection");
    expect(await home.pemda(PONTIANAK).getByTestId("unit-state").first().textContent()).toContain(
      "Not started",
    );
    await home.switchLanguage("Bahasa Indonesia");
    await context.setOffline(false);
    await home.onlineStatus.filter({ hasText: "Daring" }).waitFor();
  });

  it("a sync answered 401 says the session expired, offers login and keeps the device's data", async () => {
    await home.syncState.filter({ hasText: "Tersinkron" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    await context.clearCookies(); // the server no longer knows this browser
    await home.syncNow();

    const login = new LoginPage(page);
    await login.heading.waitFor({ timeout: SYNC_TIMEOUT_MS });
    await page.getByText("Sesi Anda telah berakhir").waitFor();
    await login.logIn("penilai1", DEMO_PASSWORD);
    // The same device database: the assignments are there at once, before any new pull.
    await home.pemda(PONTIANAK).waitFor();
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
  });

  it("at a cold start shows the device's own list, tappable, from the first route alone (no Dexie yet)", async () => {
    await home.pemda(PONTIANAK).waitFor();
    const readList = (p: Page, selector: string) =>
      p
        .locator(selector)
        .evaluateAll((items) =>
          items.map(
            (item) => `${(item as HTMLElement).dataset.unit}: ${(item as HTMLElement).dataset.state}`,
          ),
        );
    const liveList = await readList(page, '[data-testid="unit-item"]');
    expect(liveList.length).toBeGreaterThan(1);

    // The same profile (same device database), but every script from the network (no service
    // worker), and the chunk holding Dexie held back until the tap: what the home can do with the
    // first route's download alone. (A registered worker would answer from its cache, unseen.)
    await page.evaluate(async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations())
        await registration.unregister();
    });
    await context.close();
    context = await launchProfile(fx.profileDir("home"), { bypassCSP: true, serviceWorkers: "block" });
    page = await firstPage(context);
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held: string[] = [];
    let delivered = 0;
    await context.route("**/assets/**", async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      // One of Dexie's own error names: only the chunk that carries Dexie has it.
      if (body.includes("MissingAPIError")) {
        held.push(route.request().url());
        await released;
      } else {
        delivered += gzipSync(body, { level: 9 }).length;
      }
      await route.fulfill({ response, body });
    });
    await page.goto(`${fx.server.url}/`);
    const preview = page.getByTestId("home-preview");
    await preview.locator(".unit-item").first().waitFor();
    const deliveredKiB = delivered / 1024;
    console.log(`home list shown after ${deliveredKiB.toFixed(1)} KiB gzip of JS+CSS; held: ${held.length}`);
    expect(held.length, "the device layer was asked for and is still held").toBeGreaterThan(0);
    expect(await readList(page, '[data-testid="home-preview"] .unit-item')).toEqual(liveList);
    expect(deliveredKiB).toBeLessThanOrEqual(60);

    // A tap opens the unit at once; its screen follows when the device layer arrives.
    const link = preview.locator('.unit-item a[href^="/penugasan/"]').first();
    const href = await link.getAttribute("href");
    await link.click();
    await page.waitForURL((url) => url.pathname === href);
    release();
    await page.getByTestId("start-visit").waitFor({ timeout: SYNC_TIMEOUT_MS });
    await context.unrouteAll({ behavior: "ignoreErrors" });
  });
});
