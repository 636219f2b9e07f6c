// Loci and units edited in forms (issue #17), on a 360 px phone: the admin opens Kota Singkawang from
// "Lokus & unit layanan"; an empty name is refused with the message under the field and in the
// summary while the form says it has unsaved changes; the rename saves and shows in the history;
// a new unit of the office's own kind "RSUD" is added with its products and shown in words.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminDashboardPage } from "./pages/admin-pages";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, seriousAxeViolations } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { DEMO_PASSWORD } from "./support/server";

describe("loci and units in forms", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    fx = await setUpE2e("master-forms");
    // bypassCSP only so axe-core can be injected.
    context = await launchProfile(fx.profileDir("admin"), { bypassCSP: true });
    page = await firstPage(context);
    await page.setViewportSize({ width: 360, height: 780 });
  }, 240_000);

  explainFailures(
    "master-forms",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("renames a locus through the form kit: a field error first, then the change in its history", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("admin", DEMO_PASSWORD);
    await new AdminDashboardPage(page).heading.waitFor();
    // The staff navigation links the screen; it is opened by its address here.
    await page.goto(`${fx.server.url}/data-induk/lokus`);
    await page.getByTestId("loci-table").waitFor();
    await page.getByTestId("loci-table").getByRole("link", { name: "Kota Singkawang" }).click();
    await page.locator("#locus-name").waitFor();

    await page.locator("#locus-name").fill("   ");
    await page.getByTestId("form-dirty").waitFor();
    await page.locator("#locus").getByRole("button", { name: "Simpan" }).click();
    await page.locator("#locus-name-error").waitFor();
    expect(await page.locator("#locus-name-error").textContent()).toBe("Wajib diisi.");
    expect(await page.locator("#locus-name").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#locus [role=alert]").textContent()).toContain("Nama: Wajib diisi.");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator("#locus-name").fill("Pemerintah Kota Singkawang");
    await page.locator("#locus").getByRole("button", { name: "Simpan" }).click();
    await page.getByText("Lokus tersimpan.").waitFor();
    await page.getByRole("heading", { level: 2, name: "Pemerintah Kota Singkawang" }).waitFor();
    const history = page.getByTestId("history").first();
    await history.getByText("name: Kota Singkawang → Pemerintah Kota Singkawang").waitFor();
    expect(await history.textContent()).toContain("oleh");
    expect(await page.getByTestId("form-dirty").count()).toBe(0);
  });

  it("adds a unit of the office's own kind with its products", async () => {
    await page.locator("#new-unit-name").fill("RSUD Abdul Aziz");
    await page.locator("#new-unit-kind").fill("RSUD");
    await page.locator("#new-unit-products").fill("Rawat jalan\nRawat inap\n");
    await page.locator("#new-unit").getByRole("button", { name: "Simpan" }).click();
    await page.getByText("Unit RSUD Abdul Aziz ditambahkan.").waitFor();
    const card = page.getByTestId("unit-RSUD Abdul Aziz");
    await card.waitFor();
    expect(await card.textContent()).toContain("Rumah Sakit Umum Daerah");
    expect(await card.textContent()).toContain("Rawat jalan; Rawat inap");
    // The add form is empty again.
    expect(await page.locator("#new-unit-name").inputValue()).toBe("");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
