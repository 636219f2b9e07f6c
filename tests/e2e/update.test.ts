// (b) A new deployment is offered, never forced: the open page shows "Versi baru tersedia — muat
// ulang", keeps running (no reload by itself), and only reloads into the new build on the click.
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecklistPage } from "./pages/checklist-page";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { ReviewApi } from "./pages/review-api";
import { UpdateBanner } from "./pages/update-banner";
import { firstPage, launchProfile, waitForServiceWorkerControl } from "./support/browser";
import { buildCopy } from "./support/build";
import { readDevice } from "./support/device-db";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD, startServer } from "./support/server";

const NO_SELF_RELOAD_WINDOW_MS = 4_000;

describe("app update", () => {
  let fx: E2eFixture;
  let context: BrowserContext | undefined;
  const newBuildId = `e2e-update-${Date.now()}`;
  let newBuildDir: string;

  beforeAll(async () => {
    fx = await setUpE2e("update");
    newBuildDir = join(fx.dir, "client-next");
    buildCopy(newBuildDir, newBuildId);
  });

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("offers the new version and reloads into it only when asked", async () => {
    context = await launchProfile(fx.profileDir("b"));
    const page = await firstPage(context);
    await new LoginPage(page).goto(fx.server.url);
    await new LoginPage(page).logIn("penilai1", DEMO_PASSWORD);
    const home = new HomePage(page);
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();
    await waitForServiceWorkerControl(page);

    const oldBuildId = await page.evaluate(() => document.documentElement.dataset.build);
    expect(oldBuildId).toBeTruthy();
    expect(oldBuildId).not.toBe(newBuildId);
    await page.evaluate(() => {
      (window as unknown as { patuhMarker?: string }).patuhMarker = "still the same page";
    });

    // Deploy: same port, same data, new static files.
    const { port } = fx.server;
    await fx.server.stop();
    fx.server = await startServer({ dataDir: fx.dataDir, staticDir: newBuildDir, port });

    // The device comes back into coverage: the app checks for a new version on `online`.
    await context.setOffline(true);
    await context.setOffline(false);

    const banner = new UpdateBanner(page);
    await banner.text.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: resultPath("e2e-update-banner.png") });

    // Not forced: the page is still the same document, running the old build, seconds later.
    await page.waitForTimeout(NO_SELF_RELOAD_WINDOW_MS);
    expect(await page.evaluate(() => (window as unknown as { patuhMarker?: string }).patuhMarker)).toBe(
      "still the same page",
    );
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(oldBuildId);
    expect(await banner.banner.isVisible()).toBe(true);

    // Asked: reload into the new build, still logged in.
    await banner.reload();
    await page.waitForFunction((id) => document.documentElement.dataset.build === id, newBuildId, {
      timeout: 30_000,
    });
    expect(
      await page.evaluate(() => (window as unknown as { patuhMarker?: string }).patuhMarker),
    ).toBeUndefined();
    expect(await page.locator('meta[name="patuh-build"]').getAttribute("content")).toBe(newBuildId);
    await home.buildId.filter({ hasText: newBuildId }).waitFor();
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();
    expect(await banner.banner.count()).toBe(0);
  });
  it("an update with unsynced edits on the device loses nothing: they survive the reload and reach the server", async () => {
    await context?.close();
    context = await launchProfile(fx.profileDir("unsynced"));
    const page = await firstPage(context);
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    const home = new HomePage(page);
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: 60_000 });
    await waitForServiceWorkerControl(page);
    const session = await page.request.get(`${fx.server.url}/api/v1/session`);
    const dbName = `patuh-${((await session.json()) as { user: { id: string } }).user.id}`;

    // Edits made offline: queued on the device, not on the server.
    await context.setOffline(true);
    await home.units.first().getByRole("link").click();
    const sheet = new ChecklistPage(page);
    const assessmentId = await sheet.startVisit();
    await sheet.answer("IN.SP.01", "high");
    await sheet.answer("IN.SP.02", "zero");
    await sheet.waitSaved();
    const before = await readDevice(page, dbName, assessmentId);
    expect(before.outbox.length).toBeGreaterThanOrEqual(3);

    // A deployment arrives while the edits are still unsynced (the sync endpoints stay unreachable
    // through the update, so nothing can be pushed before the reload).
    const nextDir = join(fx.dir, "client-next-2");
    const nextId = `e2e-update-unsynced-${Date.now()}`;
    buildCopy(nextDir, nextId);
    const { port } = fx.server;
    await fx.server.stop();
    fx.server = await startServer({ dataDir: fx.dataDir, staticDir: nextDir, port });
    await context.route("**/api/v1/sync/**", (route) => route.abort("internetdisconnected"));
    await context.setOffline(false);
    const banner = new UpdateBanner(page);
    await banner.text.waitFor({ timeout: 30_000 });
    await banner.reload();
    await page.waitForFunction((id) => document.documentElement.dataset.build === id, nextId, {
      timeout: 30_000,
    });

    // After the update: the same queue, the same local answers.
    const after = await readDevice(page, dbName, assessmentId);
    expect(after.clientId).toBe(before.clientId);
    expect(after.outbox).toEqual(before.outbox);
    expect(after.assessment).toEqual(before.assessment);

    // The network heals: every edit reaches the server.
    await context.unroute("**/api/v1/sync/**");
    await page.reload();
    const supervisor = await ReviewApi.logIn(fx.server.url, "supervisor", DEMO_PASSWORD);
    const answers = (before.assessment?.answers ?? {}) as Record<string, unknown>;
    const onServer = await supervisor.waitFor(
      assessmentId,
      (a) => Object.keys(answers).every((k) => JSON.stringify(a.answers[k]) === JSON.stringify(answers[k])),
      60_000,
    );
    expect(Object.keys(onServer.answers).length).toBeGreaterThanOrEqual(2);
    const drained = await readDevice(page, dbName, assessmentId);
    expect(drained.outbox).toEqual([]);
  });
});
