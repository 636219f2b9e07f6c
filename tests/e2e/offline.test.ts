// (a) After one online login the app opens offline: on reload, on a deep link, and after the
// browser was closed and relaunched on the same profile with the server gone.
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import {
  collectCspViolations,
  firstPage,
  launchProfile,
  waitForServiceWorkerControl,
} from "./support/browser";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

describe("offline start", () => {
  let fx: E2eFixture;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    fx = await setUpE2e("offline");
  });

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("opens with the user known after reload, on a deep link and after a browser restart, all offline", async () => {
    const profile = fx.profileDir("a");
    const baseUrl = fx.server.url;
    context = await launchProfile(profile);
    let page = await firstPage(context);
    const csp = collectCspViolations(page);

    // A fresh profile: any route sends to login.
    await page.goto(`${baseUrl}/`);
    const login = new LoginPage(page);
    await login.heading.waitFor();
    // The login screen renders first; the URL is replaced by an effect right after.
    await page.waitForURL((url) => url.pathname === "/login", { timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe("/login");
    await login.logIn("penilai1", DEMO_PASSWORD);

    let home = new HomePage(page);
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();
    expect(await home.role.textContent()).toBe("Penilai");
    // The office by its name, not its code.
    expect(await home.office.textContent()).toBe("Ombudsman RI Perwakilan Kalimantan Barat");
    expect(await home.onlineStatus.textContent()).toContain("Daring");
    await waitForServiceWorkerControl(page);

    // Offline: a reload is served by the service worker and the profile comes from IndexedDB.
    await context.setOffline(true);
    await home.onlineStatus.filter({ hasText: "Luring" }).waitFor();
    await page.reload();
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();
    expect(await home.onlineStatus.textContent()).toContain("Luring");

    // A deep link, including a lazily loaded screen, still opens offline.
    await page.goto(`${baseUrl}/penilaian/abc`);
    await page.getByTestId("assessment-placeholder").waitFor();
    expect(await home.headerUser.textContent()).toBe("Andi Pratama");
    expect(await page.getByTestId("assessment-placeholder").textContent()).toContain("abc");

    // Browser closed, server gone, browser relaunched on the same profile while offline.
    await context.close();
    context = undefined;
    await fx.server.stop();
    context = await launchProfile(profile);
    await context.setOffline(true);
    page = await firstPage(context);
    const cspAfterRestart = collectCspViolations(page);
    await page.goto(`${baseUrl}/`);
    home = new HomePage(page);
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();
    expect(await home.onlineStatus.textContent()).toContain("Luring");
    await page.screenshot({ path: resultPath("e2e-offline-after-restart.png") });

    await page.goto(`${baseUrl}/penilaian/def`);
    await page.getByTestId("assessment-placeholder").waitFor();
    expect(await home.headerUser.textContent()).toBe("Andi Pratama");

    expect([...csp, ...cspAfterRestart]).toEqual([]);
  });
});
