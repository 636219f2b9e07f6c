// (b) A new deployment is offered, never forced: the open page shows "Versi baru tersedia — muat
// ulang", keeps running (no reload by itself), and only reloads into the new build on the click.
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { UpdateBanner } from "./pages/update-banner";
import { firstPage, launchProfile, waitForServiceWorkerControl } from "./support/browser";
import { buildCopy } from "./support/build";
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
});
