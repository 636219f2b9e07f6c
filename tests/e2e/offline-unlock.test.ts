// Never locked out offline (issue #20): penilai1 fills part of a checklist with no signal and taps
// "Keluar" — the app warns that edits are unsent and offers to sync first; they log out anyway, log
// back in while STILL offline with their password (the device's verifier), find their work, and when
// the network returns the work reaches the server — even though the server session had been ended
// meanwhile (the unlock's password renews it at the next sync).
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecklistPage } from "./pages/checklist-page";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { ReviewApi } from "./pages/review-api";
import { firstPage, launchProfile, waitForServiceWorkerControl } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const SYNC_TIMEOUT_MS = 30_000;
const ANSWERED = 3;

describe("offline logout and unlock", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;
  let assessmentId = "";

  beforeAll(async () => {
    fx = await setUpE2e("offline-unlock");
    context = await launchProfile(fx.profileDir("penilai1"));
    page = await firstPage(context);
  });

  explainFailures(
    "offline-unlock",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("warns before logging out with unsent work, unlocks offline, and syncs when back online", async () => {
    const base = fx.server.url;
    const home = new HomePage(page);
    const sheet = new ChecklistPage(page);
    const login = new LoginPage(page);
    await login.goto(base);
    await login.logIn("penilai1", DEMO_PASSWORD);
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    await waitForServiceWorkerControl(page);

    // At the counter, no signal: start a visit and answer a few items.
    await context.setOffline(true);
    await home.units.first().getByRole("link").click();
    assessmentId = await sheet.startVisit();
    const instances = await sheet.instances();
    for (const instance of instances.slice(0, ANSWERED)) await sheet.answer(instance.key, "zero");
    await sheet.waitSaved();

    // "Keluar" with unsent edits: a warning naming them and a way to sync first.
    await page.goto(`${base}/`);
    await home.heading().waitFor();
    await home.logOut();
    const warning = page.getByTestId("logout-unsent");
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Ada \d+ perubahan yang belum terkirim/);
    await page.getByTestId("logout-sync-first").waitFor();
    await page.screenshot({ path: resultPath("e2e-logout-unsent-warning.png") });
    // Logging out anyway keeps the work on the device.
    await page.getByTestId("logout-confirm").click();
    await login.heading.waitFor();

    // Meanwhile the server session ends (expired, or revoked by an admin): the device cannot know.
    const cookies = await context.cookies(base);
    const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const ended = await fetch(`${base}/api/v1/session`, {
      method: "DELETE",
      headers: { Cookie: cookieHeader },
    });
    expect(ended.status).toBeLessThan(300);

    // Still offline: a wrong password is refused, the right one unlocks.
    await login.logIn("penilai1", "bukan-kata-sandinya");
    await page.getByTestId("login-error").filter({ hasText: "salah" }).waitFor();
    await login.logIn("penilai1", DEMO_PASSWORD);
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();
    await page.getByTestId("unlocked-offline").waitFor();

    // The work is there (navigating inside the app, as the assessor does).
    await home.units.first().getByRole("link").click();
    await sheet.root.waitFor();
    expect(await sheet.root.getAttribute("data-assessment")).toBe(assessmentId);
    expect(await sheet.answeredCount()).toBe(ANSWERED);
    await page.goBack();
    await home.heading().waitFor();

    // Back online: with no tap, the session is renewed with the unlock's password (held in memory
    // only) and the edits go up.
    await context.setOffline(false);
    const supervisor = await ReviewApi.logIn(base, "supervisor", DEMO_PASSWORD);
    const onServer = await supervisor.waitFor(
      assessmentId,
      (a) => Object.keys(a.answers).length >= ANSWERED,
      SYNC_TIMEOUT_MS,
    );
    expect(Object.keys(onServer.answers)).toHaveLength(ANSWERED);
    expect(await home.userName.textContent()).toBe("Andi Pratama");
    // The renewed session is a real one: the browser's cookie is accepted again.
    const status = await page.evaluate(async () => (await fetch("/api/v1/session")).status);
    expect(status).toBe(200);
  });
});
