// The issue-18 screens in the browser: the admin downloads a stored instrument as XLSX, uploads a
// broken copy (a formula) and sees the problem with its cell, uploads a good copy as a new version,
// sees the checklist preview (the assessor's own sections, questions and answer options, disabled)
// and saves it (Simpan), then opens the stored version's Pratinjau; opens a 2025 period with it; then on the
// period's "Data sekunder & tindak lanjut" screen enters one secondary value with its source and
// one oversight product with its follow-up state, both saved and read back, and an import whose
// bad row is listed with its sheet, row and column (nothing saved).
import ExcelJS from "exceljs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminDashboardPage, AdminInstrumentsPage, AdminPeriodsPage } from "./pages/admin-pages";
import { LocusDataPage } from "./pages/locus-data-page";
import { LoginPage } from "./pages/login-page";
import { PlanningPage } from "./pages/planning-page";
import { firstPage, launchProfile, PHONE_VIEWPORT } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { shippedInstrument } from "./support/instruments";
import { DEMO_PASSWORD } from "./support/server";

const OFFICE = "Ombudsman RI Perwakilan Kalimantan Barat";
const PEMDA = "Kabupaten Bengkayang";
const PERIOD = "Periode Data Lokus 2025";
const INSTRUMENT = shippedInstrument<{
  groups: JsonGroup[];
  scales: Record<string, { options: { value: number | null; label: { id: string } }[] }>;
}>("maladministrasi-2025.json");
const NEXT = INSTRUMENT.version + 1;

interface JsonGroup {
  name: { id: string };
  groups?: JsonGroup[];
  indicators?: { id: string; question: { id: string }; answer: string }[];
}

/** The instrument's first indicator in tree order (the first section opens on it) with its options. */
function firstIndicator(): { question: string; options: string[] } {
  const find = (groups: JsonGroup[]): NonNullable<JsonGroup["indicators"]>[number] | undefined => {
    for (const g of groups) {
      const hit = g.indicators?.[0] ?? find(g.groups ?? []);
      if (hit) return hit;
    }
    return undefined;
  };
  const indicator = find(INSTRUMENT.groups);
  if (!indicator) throw new Error("the instrument has no indicator");
  const scale = INSTRUMENT.scales[indicator.answer];
  if (!scale) throw new Error(`no scale ${indicator.answer}`);
  return { question: indicator.question.id, options: scale.options.map((o) => o.label.id) };
}

/** The preview shows the checklist as an assessor sees it, every input disabled. */
async function expectPreview(preview: Locator): Promise<void> {
  await preview.getByTestId("preview-sheet").waitFor();
  const toggles = preview.getByTestId("section-toggle");
  expect(await toggles.count()).toBeGreaterThanOrEqual(4);
  expect(await toggles.allInnerTexts()).toEqual(
    expect.arrayContaining([
      expect.stringContaining("Dimensi Input"),
      expect.stringContaining("Kepercayaan Masyarakat"),
    ]),
  );
  const { question, options } = firstIndicator();
  const item = preview.locator("article.indicator").filter({ hasText: question });
  await item.waitFor();
  // textContent: the sheet's items use content-visibility (checklist.css), so an item scrolled out
  // of view has no rendered text (innerText "") while its DOM is all there.
  const itemText = (await item.textContent()) ?? "";
  for (const label of options) expect(itemText).toContain(label);
  expect(await item.locator("input[type=radio]").count()).toBeGreaterThanOrEqual(options.length);
  const inputs = preview.locator("input, textarea, select");
  expect(await inputs.count()).toBeGreaterThan(0);
  expect(await inputs.evaluateAll((els) => els.filter((e) => !e.matches(":disabled")).length)).toBe(0);
  // Roles with their quotas and modes; inferred weights marked.
  const roles = await preview.getByTestId("preview-roles").innerText();
  expect(roles).toContain("Pengguna layanan");
  expect(roles).toMatch(/\b30\b/);
  expect(roles).toContain("telepon");
  expect(await preview.getByTestId("weight-inferred").count()).toBeGreaterThan(0);
  // Other sections open as on the device: secondary data and phone interviews are marked.
  await toggles.filter({ hasText: "Dimensi Output" }).click();
  await preview.getByTestId("preview-secondary").first().waitFor();
  expect(await preview.getByTestId("preview-secondary").first().textContent()).toContain(
    "Diisi dari data sekunder",
  );
  await toggles.filter({ hasText: "Kepercayaan Masyarakat" }).click();
  await preview.getByTestId("preview-phone").first().waitFor();
}

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
    await expectPreview(page.getByTestId("instrument-workbook").getByTestId("instrument-preview"));
    await page.getByTestId("wb-save").click();
    await page
      .getByTestId("wb-message")
      .filter({ hasText: `versi ${NEXT} disimpan` })
      .waitFor();
    const saved = instruments.versionRow(INSTRUMENT.id, NEXT);
    await saved.waitFor();
    // The stored version's Pratinjau opens the same preview.
    await saved.getByRole("button", { name: `Pratinjau ${INSTRUMENT.id} versi ${NEXT}` }).click();
    await expectPreview(saved.getByTestId("instrument-preview"));
    expect(await page.getByTestId("instrument-preview").count()).toBe(1);
    // At a phone's 360 px and a laptop's 1366 px the page does not scroll sideways.
    for (const viewport of [{ width: 1366, height: 768 }, PHONE_VIEWPORT]) {
      await page.setViewportSize(viewport);
      await saved.getByTestId("preview-sheet").waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${viewport.width} px`).toBeLessThanOrEqual(0);
    }
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
    // The plan loaded first: a click while it loads can land on a moving link (it raced under load).
    await new PlanningPage(page).openPeriod(PERIOD);
    const ld = new LocusDataPage(page);
    await ld.openVia(page.getByRole("link", { name: LocusDataPage.TITLE }));

    await ld.toggle(PEMDA);
    const first = ld.secondaryFields(PEMDA).first();
    const [value] = await ld.valuesOf(first);
    await ld.fillSecondary(first, value ?? "", "BPS Kabupaten Bengkayang, Tabel 4.1, 2024");
    await ld.saveSecondary(PEMDA, { filled: 1 });

    await ld.toggle(PEMDA);
    await ld.addFollowUp(PEMDA, { number: "TK/0012/2025", date: "2025-03-14", state: "full" });

    const csv = Buffer.from(
      "Kode Lokus;Nama Lokus;Indikator;Nilai;Sumber;Catatan\r\n6102;Bengkayang;tidak-ada;1;BPS;\r\n",
      "utf8",
    );
    await ld.check({ name: "lokus.csv", mimeType: "text/csv", buffer: csv });
    await ld.outcome.filter({ hasText: "Berkas ditolak" }).waitFor();
    expect(await ld.firstProblem()).toMatch(/\b2\b/);
    expect(await ld.importButton.isDisabled()).toBe(true);
  });
});
