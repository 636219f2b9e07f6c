// Issue #16: two-step verification in the browser, on a 360 px phone. The supervisor turns it on
// from "Akun saya" by reading the key off the page (the test computes the codes as an authenticator
// app would), sees the ten recovery codes once, logs out, logs in with a code, then with a recovery
// code; the admin resets it from the Users screen and the password alone logs in again.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/server/auth/totp";
import { AdminDashboardPage, AdminUsersPage } from "./pages/admin-pages";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, PHONE_VIEWPORT, seriousAxeViolations } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { DEMO_PASSWORD } from "./support/server";

describe("two-step verification", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;
  let secret = "";
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    fx = await setUpE2e("second-factor");
    // bypassCSP only so axe-core can be injected; the QR code is a data: image the CSP allows.
    context = await launchProfile(fx.profileDir("sup"), { bypassCSP: true });
    page = await firstPage(context);
    await page.setViewportSize(PHONE_VIEWPORT);
  });

  explainFailures(
    "second-factor",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  const codeHeading = () => page.getByRole("heading", { level: 1, name: "Verifikasi dua langkah" });
  const logOut = async () => {
    await page.goto(`${fx.server.url}/akun`);
    await page.getByTestId("logout").click();
    await new LoginPage(page).heading.waitFor();
  };

  it("the supervisor turns it on from their account with the key shown on the page", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("supervisor", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Akun saya" }).click();
    await page.getByRole("heading", { level: 1, name: "Akun saya" }).waitFor();
    await page.getByTestId("sf-status").filter({ hasText: "Belum aktif." }).waitFor();
    await page.getByRole("button", { name: "Aktifkan verifikasi dua langkah" }).click();

    const qr = page.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    secret = (await page.getByTestId("sf-secret").innerText()).replaceAll(" ", "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByLabel("Kode autentikator").fill("000000");
    await page.getByRole("button", { name: "Konfirmasi dan aktifkan" }).click();
    await page.getByTestId("sf-error").filter({ hasText: "Kode salah" }).waitFor();
    await page.getByLabel("Kode autentikator").fill(totpCodeAt(secret, new Date()));
    await page.getByRole("button", { name: "Konfirmasi dan aktifkan" }).click();

    const list = page.getByTestId("sf-recovery-codes");
    await list.waitFor();
    recoveryCodes = (await list.locator("li").allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    const download = page.getByRole("link", { name: "Unduh (.txt)" });
    expect(await download.getAttribute("download")).toBe("patuh-kode-pemulihan-supervisor.txt");
    expect(decodeURIComponent((await download.getAttribute("href")) ?? "")).toContain(recoveryCodes[0]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Saya sudah menyimpannya" }).click();
    await page.getByTestId("sf-status").filter({ hasText: "Sisa kode pemulihan: 10" }).waitFor();
  });

  it("logs in with the password and a code from the app", async () => {
    await logOut();
    const login = new LoginPage(page);
    await login.logIn("supervisor", DEMO_PASSWORD);
    await codeHeading().waitFor();
    // The heading takes the focus so screen readers announce the new step.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The next 30-second step's code: the confirming code's step was already used (replay).
    await page.getByLabel("Kode autentikator").fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByTestId("header-user").waitFor();
  });

  it("logs in with a recovery code, which then is used up", async () => {
    await logOut();
    const login = new LoginPage(page);
    await login.logIn("supervisor", DEMO_PASSWORD);
    await codeHeading().waitFor();
    await page.getByRole("button", { name: "Gunakan kode pemulihan" }).click();
    await page.getByLabel("Kode pemulihan").fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByTestId("header-user").waitFor();
    await page.goto(`${fx.server.url}/akun`);
    await page.getByTestId("sf-status").filter({ hasText: "Sisa kode pemulihan: 9" }).waitFor();

    await logOut();
    await login.logIn("supervisor", DEMO_PASSWORD);
    await codeHeading().waitFor();
    await page.getByRole("button", { name: "Gunakan kode pemulihan" }).click();
    await page.getByLabel("Kode pemulihan").fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await login.error.filter({ hasText: "Kode salah atau sudah pernah dipakai" }).waitFor();
  });

  it("the admin resets it; the supervisor then logs in with the password alone", async () => {
    const adminContext = await launchProfile(fx.profileDir("admin"));
    try {
      const admin = await firstPage(adminContext);
      await admin.setViewportSize(PHONE_VIEWPORT);
      const login = new LoginPage(admin);
      await login.goto(fx.server.url);
      await login.logIn("admin", DEMO_PASSWORD);
      await new AdminDashboardPage(admin).open("Pengguna");
      const row = new AdminUsersPage(admin).row("supervisor");
      await row.getByText("Verifikasi dua langkah aktif").waitFor();
      await row.getByRole("button", { name: "Reset verifikasi dua langkah" }).click();
      await row.getByRole("button", { name: "Reset verifikasi dua langkah" }).click(); // the confirmation
      await admin
        .getByText(/^Verifikasi dua langkah .+ direset\.$/)
        .first()
        .waitFor();
      await row.getByText("Verifikasi dua langkah aktif").waitFor({ state: "detached" });
    } finally {
      await adminContext.close();
    }

    await page.getByRole("button", { name: "Kembali ke kata sandi" }).click();
    const login = new LoginPage(page);
    await login.heading.waitFor();
    await login.logIn("supervisor", DEMO_PASSWORD);
    await page.getByTestId("header-user").waitFor();
  });
});
