// The issue-18 screens in the browser: the admin downloads a stored instrument as XLSX, uploads a
// broken copy (a formula) and sees the problem with its cell, uploads a good copy as a new version,
// sees the checklist preview and saves it (Simpan); opens a 2025 period with it; then on the
// period's "Data sekunder & tindak lanjut" screen enters one secondary value with its source and
// one oversight product with its follow-up state, both saved and read back, and an import whose
// bad row is listed with its sheet, row and column (nothing saved).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminDashboardPage, AdminInstrumentsPage, AdminPeriodsPage } from "./pages/admin-pages";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { ROOT } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const OFFICE = "Ombudsman RI Perwakilan Kalimantan Barat";
const PEMDA = "Kabupaten Bengkayang";
const PERIOD = "Periode Data Lokus 2025";
const INSTRUMENT = JSON.parse(
  readFileSync(join(ROOT, "assets", "instrument", "maladministrasi-2025.json"), "utf8"),
) as { id: string; version: number; title: { id: string } };
const NEXT = INSTRUMENT.version + 1;

/** The workbook with its version raised (a new instrument version), optionally with a formula. */
async function edited(bytes: Buffer, formula: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const meta = book.getWorksheet("Instrumen");
  if (!meta) throw new Error("no Instrumen sheet");
  meta.eachRow((row) => {
    if (String(row.getCell(1).value).trim().toLowerCase() === "versi") row.getCell(2).value = NEXT;
  });
  const groups = book.getWorksheet("Kelompok");
  if (formula && groups)
    groups.getCell("A2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("secondary data, follow-ups and instrument workbooks on screen", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    fx = await setUpE2e("locus-data-screens");
    context = await launchProfile(fx.profileDir("admin"));
    page = await firstPage(context);
  }, 200_000);

  explainFailures(
    "locus-data-screens",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("uploads an instrument workbook: the formula's cell is named, a good copy is previewed and saved", async () => {
    await new LoginPage(page).goto(fx.server.url);
    await new LoginPage(page).logIn("admin", DEMO_PASSWORD);
    const dashboard = new AdminDashboardPage(page);
    await dashboard.heading.waitFor();
    await dashboard.open("Instrumen");
    const instruments = new AdminInstrumentsPage(page);
    await instruments.upload("maladministrasi-2025.json", JSON.stringify(INSTRUMENT));
    await instruments.done.waitFor();

    const row = instruments.versionRow(INSTRUMENT.id, INSTRUMENT.version);
    const href = await row.getByRole("link", { name: "Unduh XLSX" }).getAttribute("href");
    expect(href).toBe(`/api/v1/instruments/${INSTRUMENT.id}/${INSTRUMENT.version}/xlsx`);
    const download = await page.request.get(`${fx.server.url}${href}`);
    expect(download.status()).toBe(200);
    const stored = Buffer.from(await download.body());

    const file = page.getByLabel("Berkas instrumen XLSX");
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    await file.setInputFiles({ name: "rusak.xlsx", mimeType: xlsx, buffer: await edited(stored, true) });
    await page.getByRole("button", { name: "Periksa (pratinjau)" }).first().click();
    await page.getByTestId("wb-outcome").filter({ hasText: "Berkas ditolak" }).waitFor();
    const problems = await page.getByTestId("wb-problems").locator("tbody tr").first().innerText();
    expect(problems).toContain("Kelompok");
    expect(problems).toMatch(/\b2\b/);
    expect(problems).toContain("A");
    expect(await page.getByTestId("wb-save").isDisabled()).toBe(true);

    await file.setInputFiles({ name: "baru.xlsx", mimeType: xlsx, buffer: await edited(stored, false) });
    await page.getByRole("button", { name: "Periksa (pratinjau)" }).first().click();
    await page
      .getByTestId("wb-outcome")
      .filter({ hasText: `versi ${NEXT}` })
      .waitFor();
    expect(await page.getByTestId("wb-preview").locator("li").count()).toBeGreaterThan(10);
    await page.getByTestId("wb-save").click();
    await page
      .getByTestId("wb-message")
      .filter({ hasText: `versi ${NEXT} disimpan` })
      .waitFor();
    await instruments.versionRow(INSTRUMENT.id, NEXT).waitFor();
  });

  it("enters secondary data and a follow-up per locus, and lists an import's bad cell", async () => {
    await page.getByRole("link", { name: "Kembali ke Administrasi" }).click();
    const dashboard = new AdminDashboardPage(page);
    await dashboard.open("Periode Penilaian");
    const periods = new AdminPeriodsPage(page);
    await periods.create({
      office: OFFICE,
      year: 2025,
      name: PERIOD,
      instrument: `${INSTRUMENT.title.id} (${INSTRUMENT.id} v${NEXT})`,
      scheme: "Opini Penilaian Maladministrasi (2025–) (opini-2025)",
    });
    await periods.row(PERIOD).getByText("Dibuka", { exact: true }).waitFor();

    await page.goto(`${fx.server.url}/perencanaan`);
    await page
      .getByTestId("planning-periods")
      .getByRole("link", { name: new RegExp(PERIOD) })
      .click();
    await page.getByRole("link", { name: "Data sekunder & tindak lanjut" }).click();
    await page.getByRole("heading", { level: 1, name: "Data sekunder & tindak lanjut" }).waitFor();

    const locus = () => page.getByTestId("ld-locus").filter({ hasText: PEMDA });
    await locus().locator("summary").click();
    const first = locus().getByTestId("ld-secondary").locator("fieldset").first();
    const select = first.locator("select");
    const value = await select.locator("option").nth(1).getAttribute("value");
    await select.selectOption(value ?? "");
    await first.getByLabel(/Sumber/).fill("BPS Kabupaten Bengkayang, Tabel 4.1, 2024");
    await locus().getByRole("button", { name: "Simpan data sekunder" }).click();
    await page.getByRole("status").filter({ hasText: "Tersimpan." }).waitFor();
    await locus()
      .locator("summary")
      .filter({ hasText: /1 dari \d+ indikator terisi/ })
      .waitFor();

    await locus().locator("summary").click();
    await locus().getByRole("button", { name: "Tambah produk" }).click();
    await locus().getByLabel(/Nomor/).fill("TK/0012/2025");
    await locus()
      .getByLabel(/Tanggal/)
      .fill("2025-03-14");
    await locus().getByLabel("Tindak lanjut", { exact: true }).selectOption("full");
    await locus().getByRole("button", { name: "Simpan tindak lanjut" }).click();
    await locus().locator("summary").filter({ hasText: "Tindak lanjut sudah dicatat" }).waitFor();

    const csv = Buffer.from(
      "Kode Lokus;Nama Lokus;Indikator;Nilai;Sumber;Catatan\r\n6102;Bengkayang;tidak-ada;1;BPS;\r\n",
      "utf8",
    );
    await page
      .getByLabel("Berkas CSV atau XLSX")
      .setInputFiles({ name: "lokus.csv", mimeType: "text/csv", buffer: csv });
    await page.getByRole("button", { name: "Periksa (pratinjau)" }).click();
    await page.getByTestId("ld-outcome").filter({ hasText: "Berkas ditolak" }).waitFor();
    const bad = await page.getByTestId("ld-problems").locator("tbody tr").first().innerText();
    expect(bad).toMatch(/\b2\b/);
    expect(await page.getByTestId("ld-apply").isDisabled()).toBe(true);
  });
});
