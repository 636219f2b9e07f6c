// Issue #16: the "Log audit" screen in the browser. A failed and a successful login are there as
// rows; filtering by user and action narrows the table to them; the CSV link downloads the same
// selection (BOM, `;`, Indonesian headers); axe finds no serious violation, on a 360 px phone too.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, PHONE_VIEWPORT, seriousAxeViolations } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { DEMO_PASSWORD } from "./support/server";

describe("log audit screen", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    fx = await setUpE2e("audit-log");
    context = await launchProfile(fx.profileDir("admin"), { bypassCSP: true });
    page = await firstPage(context);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  explainFailures(
    "audit-log",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  const rows = () => page.locator("table.audit-table tbody tr");

  it("shows the rows, filters them and downloads the same selection as CSV", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("supervisor", "kata sandi yang salah");
    await login.error.waitFor();
    await login.logIn("admin", DEMO_PASSWORD);
    await page.getByTestId("header-user").waitFor();
    await page.goto(`${fx.server.url}/admin/log-audit`);
    await page.getByRole("heading", { level: 1, name: "Log audit" }).waitFor();
    await rows().first().waitFor();
    const actors = await page.locator("table.audit-table tbody td:nth-child(2)").allInnerTexts();
    expect(actors).toContain("admin");
    expect(actors).toContain("supervisor");

    await page.getByLabel("Nama pengguna").fill("supervisor");
    await page.getByLabel("Tindakan").fill("login");
    await page.getByRole("button", { name: "Terapkan filter" }).click();
    await page
      .locator("table.audit-table tbody td:nth-child(2)", { hasText: "admin" })
      .waitFor({ state: "detached" });
    expect(await rows().count()).toBeGreaterThan(0);
    for (const text of await rows().allInnerTexts()) {
      expect(text).toContain("supervisor");
      expect(text).toContain("Gagal");
    }

    const href = await page.getByRole("link", { name: "Unduh CSV" }).getAttribute("href");
    expect(href).toContain("username=supervisor");
    const csv = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: "same-origin" });
      return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
    }, href ?? "");
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain("Waktu (UTC);Pengguna;");
    expect(lines.length - 1).toBe(await rows().count());
    for (const line of lines.slice(1)) expect(line).toContain(";supervisor;");
  });

  it("has no serious accessibility violations, also on a phone", async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE_VIEWPORT);
    await page.reload();
    await rows().first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
