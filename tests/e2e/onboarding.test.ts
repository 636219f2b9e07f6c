// A new office from an EMPTY database (issue #17): the first admin is created with the CLI before
// the server starts (no --demo); in the UI, on a 360 px phone, the admin follows the setup
// checklist, imports the 15 Kalimantan Barat pemda from an XLSX, a units CSV whose bad row the
// preview rejects (nothing written) until it is fixed, then users, whose one-time passwords come
// as a downloaded CSV; uploads the instrument, creates a period and draws a sample of Sambas's
// imported units and puts an imported assessor on a team. The checklist advances at each step
// until every step is done. Then the round runs: the imported assessor logs in on her phone with
// her one-time password, syncs, fills and submits the checklist of the imported unit; the imported
// supervisor approves it on the review screen; the results show the unit's and the pemda's score.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminDashboardPage, AdminInstrumentsPage, AdminPeriodsPage } from "./pages/admin-pages";
import { ChecklistPage } from "./pages/checklist-page";
import { FieldApi } from "./pages/field-api";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { PlanningPage } from "./pages/planning-page";
import { ReviewApi } from "./pages/review-api";
import { ReviewPage } from "./pages/review-page";
import {
  firstPage,
  launchProfile,
  seriousAxeViolations,
  waitForServiceWorkerControl,
} from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { ROOT, resultPath } from "./support/paths";
import { runCli } from "./support/server";

const ADMIN_PASSWORD = "Onboard-Admin-2026";
const INSTRUMENT = JSON.parse(
  readFileSync(join(ROOT, "assets", "instrument", "ori-kepatuhan-2023.json"), "utf8"),
) as { id: string; title: { id: string } };
const KALBAR = JSON.parse(readFileSync(join(ROOT, "assets", "demo", "kalbar.json"), "utf8")) as {
  office: { id: string; name: string };
  pemda: { code: string; name: string; kind: string }[];
};

async function lociXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Lokus");
  sheet.addRow(["No", "Kode", "Nama", "Jenis"]);
  KALBAR.pemda.forEach((p, i) => {
    // Kemendagri codes as an office types them (61.01); the server stores them without dots.
    const code = p.code.length > 2 ? `${p.code.slice(0, 2)}.${p.code.slice(2)}` : p.code;
    sheet.addRow([i + 1, code, p.name, p.kind]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function unitsCsv(badLocus: string): Buffer {
  const lines = [
    "kode_lokus;nama_unit;jenis_unit;alamat;produk",
    "6101;Dinas Pendidikan Kabupaten Sambas;Dinas Pendidikan;Jl. Pembangunan, Sambas;Izin pendirian satuan pendidikan|Legalisir ijazah",
    "6101;RSUD Sambas;RSUD;Jl. Rumah Sakit, Sambas;Rawat jalan|Rawat inap",
    `${badLocus};Dinas Sosial Kota Singkawang;Dinas Sosial;;Rekomendasi bantuan sosial`,
  ];
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

const USERS_CSV = Buffer.from(
  "username,nama,peran\nrina,Rina Penilai,penilai\nagus,Agus Penilai,penilai\nsari,Sari Supervisor,supervisor\n",
  "utf8",
);

describe("onboarding from an empty database", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;
  /** One-time passwords of the imported accounts, from the downloaded CSV. */
  const passwords = new Map<string, string>();
  let assignedUnit = "";
  let assessmentId = "";

  beforeAll(async () => {
    fx = await setUpE2e("onboarding", {
      demo: false,
      beforeStart: (dataDir) => {
        const out = runCli(
          dataDir,
          [
            "user",
            "add",
            "--username",
            "admin",
            "--name",
            "Admin Kalbar",
            "--role",
            "admin",
            "--office",
            KALBAR.office.id,
            "--office-name",
            KALBAR.office.name,
            "--password-stdin",
          ],
          `${ADMIN_PASSWORD}\n`,
        );
        expect(out).toContain("created");
      },
    });
    // bypassCSP only so axe-core can be injected on the rejected preview.
    context = await launchProfile(fx.profileDir("admin"), { bypassCSP: true });
    page = await firstPage(context);
    await page.setViewportSize({ width: 360, height: 780 });
  }, 240_000);

  explainFailures(
    "onboarding",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  const step = (name: string) => page.getByTestId("setup-checklist").locator(`[data-step="${name}"]`);
  const fileInput = () => page.getByLabel("Berkas CSV atau XLSX");
  const outcome = () => page.getByTestId("md-outcome");

  async function backHome(): Promise<void> {
    await page.getByRole("link", { name: "Kembali ke Administrasi" }).click();
    await new AdminDashboardPage(page).heading.waitFor();
  }

  async function openMasterData(): Promise<void> {
    await page.locator("#main").getByRole("link", { name: "Data induk (impor/ekspor)" }).click();
    await page.getByRole("heading", { level: 1, name: "Data induk" }).waitFor();
  }

  /** Chooses the entity and file, previews (dry run) and waits for the report. */
  async function preview(entity: string, name: string, buffer: Buffer, mimeType: string): Promise<void> {
    await page.getByRole("radio", { name: entity }).check();
    await fileInput().setInputFiles({ name, mimeType, buffer });
    await page.getByRole("button", { name: "Periksa (pratinjau)" }).click();
    await outcome().waitFor();
  }

  async function confirmImport(): Promise<void> {
    await page.getByRole("button", { name: "Impor", exact: true }).click();
    await outcome().filter({ hasText: "Impor selesai" }).waitFor();
  }

  it("the first admin (made by the CLI) logs in; the checklist says loci are next", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("admin", ADMIN_PASSWORD);
    await new AdminDashboardPage(page).heading.waitFor();
    await expect.poll(() => step("office").getAttribute("data-state")).toBe("done");
    expect(await step("loci").getAttribute("data-state")).toBe("next");
    expect(await step("units").getAttribute("data-state")).toBe("todo");
    expect(await step("loci").getByRole("link").getAttribute("href")).toBe("/admin/data-induk");
  });

  it("imports the 15 Kalimantan Barat pemda from an XLSX after a preview", async () => {
    await openMasterData();
    await preview("Lokus", "lokus-kalbar.xlsx", await lociXlsx(), "application/octet-stream");
    expect(await outcome().textContent()).toContain("Berkas valid");
    expect(await page.getByTestId("md-summary").textContent()).toContain(
      "15 baris: 15 baru, 0 berubah, 0 tetap",
    );
    expect(await page.getByTestId("md-changes").locator("tbody tr").count()).toBe(15);
    await confirmImport();
    expect(await page.getByTestId("md-summary").textContent()).toContain("15 baru");
    // The preview table never makes a 360 px page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The same file again changes nothing (idempotent).
    await preview("Lokus", "lokus-kalbar.xlsx", await lociXlsx(), "application/octet-stream");
    expect(await outcome().textContent()).toContain("Tidak ada perubahan");
    expect(await page.getByTestId("md-summary").textContent()).toContain("0 baru, 0 berubah, 15 tetap");
  });

  it("a units CSV with a row of an unknown locus is rejected with its row; fixed, it imports", async () => {
    await preview("Unit layanan", "unit.csv", unitsCsv("6199"), "text/csv");
    expect(await outcome().textContent()).toContain("Berkas ditolak");
    const problems = page.getByTestId("md-problems").locator("tbody tr");
    expect(await problems.count()).toBe(1);
    const cells = await problems.first().locator("td").allTextContents();
    expect(cells[1]).toBe("4");
    expect(cells[2]).toBe("A");
    expect(cells[3]).toContain("Kode lokus tidak dikenal di kantor ini");
    expect(cells[3]).toContain("6199");
    expect(await page.getByRole("button", { name: "Impor", exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: resultPath("onboarding-units-rejected.png"), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await backHome();
    await expect.poll(() => step("loci").getAttribute("data-state")).toBe("done");
    expect(await step("units").getAttribute("data-state")).toBe("next");

    await openMasterData();
    await preview("Unit layanan", "unit.csv", unitsCsv("6172"), "text/csv");
    expect(await page.getByTestId("md-summary").textContent()).toContain("3 baris: 3 baru");
    await confirmImport();
  });

  it("imports users; their one-time passwords download as a CSV, and the checklist advances", async () => {
    await preview("Pengguna", "pengguna.csv", USERS_CSV, "text/csv");
    expect(await page.getByTestId("md-summary").textContent()).toContain("3 baris: 3 baru");
    await confirmImport();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh kata sandi (CSV)" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
    const rows = csv.trim().split(/\r?\n/);
    expect(rows[0]).toBe("username,nama,peran,kata_sandi_sementara");
    expect(
      rows
        .map((r) => r.split(",")[0])
        .slice(1)
        .sort(),
    ).toEqual(["agus", "rina", "sari"]);
    for (const r of rows.slice(1)) passwords.set(r.split(",")[0] ?? "", r.split(",")[3] ?? "");
    const rinaPassword = passwords.get("rina") ?? "";
    expect(rinaPassword.length).toBeGreaterThanOrEqual(10);
    // The password was never written into the server's log.
    expect(fx.server.log()).not.toContain(rinaPassword);

    await backHome();
    await expect.poll(() => step("units").getAttribute("data-state")).toBe("done");
    expect(await step("users").getAttribute("data-state")).toBe("done");
    expect(await step("users").textContent()).toContain("(2)");

    // An imported assessor can log in with the one-time password.
    const response = await fetch(`${fx.server.url}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ username: "rina", password: rinaPassword }),
    });
    expect(response.status).toBe(200);
  });

  it("uploads the instrument, creates a period, draws a sample of the imported units, forms a team", async () => {
    // Built-in banding schemes make the scheme step done from the start.
    expect(await step("scheme").getAttribute("data-state")).toBe("done");
    expect(await step("instrument").getAttribute("data-state")).toBe("next");
    await new AdminDashboardPage(page).open("Instrumen");
    const instruments = new AdminInstrumentsPage(page);
    await instruments.upload("instrumen.json", JSON.stringify(INSTRUMENT));
    await instruments.done.waitFor();

    await backHome();
    await expect.poll(() => step("instrument").getAttribute("data-state")).toBe("done");
    expect(await step("period").getAttribute("data-state")).toBe("next");
    await new AdminDashboardPage(page).open("Periode Penilaian");
    const periods = new AdminPeriodsPage(page);
    await periods.create({
      office: KALBAR.office.name,
      year: 2026,
      name: "Penilaian Kepatuhan 2026",
      instrument: `${INSTRUMENT.title.id} (${INSTRUMENT.id} v1)`,
      scheme: "Opini Kepatuhan (2022–2024) (opini-2022)",
    });
    await periods.row("Penilaian Kepatuhan 2026").getByText("Dibuka", { exact: true }).waitFor();

    await backHome();
    await expect.poll(() => step("period").getAttribute("data-state")).toBe("done");
    expect(await step("sample").getAttribute("data-state")).toBe("next");
    // The checklist's link leads to the planning screen that draws the sample.
    await step("sample").getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Perencanaan" }).waitFor();
    const planning = new PlanningPage(page);
    await planning.openPeriod();
    await planning.choosePemda("Kabupaten Sambas");
    // The imported unit kinds are the sampling strata: one unit of each.
    const kinds = await page
      .locator("input[data-kind]")
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute("data-kind") ?? ""));
    expect(kinds).toHaveLength(2);
    await planning.drawSample(Object.fromEntries(kinds.map((k) => [k, 1])), "onboarding-2026");
    await expect.poll(() => planning.cards.count()).toBe(2);
    // A team: the imported assessor Rina on the first sampled unit.
    const unitId = (await planning.cards.first().getAttribute("data-unit")) ?? "";
    assignedUnit = unitId;
    await planning.assign(unitId, {
      assessors: ["rina"],
      date: "2026-09-15",
      products: ["Legalisir ijazah"],
      expect: "Rina Penilai",
    });

    await page.goto(`${fx.server.url}/`);
    await new AdminDashboardPage(page).heading.waitFor();
    await expect.poll(() => step("sample").getAttribute("data-state")).toBe("done");
    expect(await step("teams").getAttribute("data-state")).toBe("done");
    await page.getByText("Semua langkah persiapan selesai.").waitFor();
  });

  it("the imported assessor syncs on her phone, fills and submits the imported unit's checklist", async () => {
    const SYNC_TIMEOUT_MS = 60_000;
    const phoneContext = await launchProfile(fx.profileDir("rina"));
    try {
      const phone = await firstPage(phoneContext);
      await phone.setViewportSize({ width: 360, height: 780 });
      const login = new LoginPage(phone);
      await login.goto(fx.server.url);
      await login.logIn("rina", passwords.get("rina") ?? "");
      const home = new HomePage(phone);
      await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
      await waitForServiceWorkerControl(phone);
      const row = home.pemda("Kabupaten Sambas").getByTestId("unit-item");
      expect(await row.count()).toBe(1);
      await row.getByRole("link").click();
      const sheet = new ChecklistPage(phone);
      assessmentId = await sheet.startVisit();
      await sheet.addProducts(2);
      await sheet.addRespondents("official", 4);
      await sheet.addRespondents("user", 5);
      for (const instance of await sheet.instances()) {
        await sheet.answer(instance.key, instance.evidence === "photo_required" ? "zero" : "high");
      }
      await sheet.waitSaved();
      expect(await sheet.missing.count()).toBe(0);
      await sheet.submit();
      await phone.locator('[data-testid="assessment-status"][data-status="submitted"]').waitFor();
      // Synced: the server holds it submitted (the home's sync runs on its own; press it too).
      const sari = await ReviewApi.logIn(fx.server.url, "sari", passwords.get("sari") ?? "");
      await phone.goto(`${fx.server.url}/`);
      await home.heading().waitFor();
      await home.syncNow();
      const onServer = await sari.waitFor(assessmentId, (a) => a.status === "submitted", SYNC_TIMEOUT_MS);
      expect(onServer.status).toBe("submitted");
    } finally {
      await phoneContext.close();
    }
  }, 240_000);

  it("the imported supervisor approves it; the results show the unit's and the pemda's score", async () => {
    const deskContext = await launchProfile(fx.profileDir("sari"));
    try {
      const desk = await firstPage(deskContext);
      const login = new LoginPage(desk);
      await login.goto(fx.server.url);
      await login.logIn("sari", passwords.get("sari") ?? "");
      // The supervisor's home is the progress overview: logged in before going on.
      await desk.getByTestId("progress-screen").waitFor({ timeout: 60_000 });
      const review = new ReviewPage(desk);
      await review.open(fx.server.url, assessmentId);
      expect(await review.status.getAttribute("data-status")).toBe("submitted");
      await review.decide("approve");
      await review.outcome.waitFor();
      expect(await review.outcome.getAttribute("data-decision")).toBe("approve");

      await review.gotoResults(fx.server.url);
      const row = review.resultRow("Kabupaten Sambas");
      const shown = (await row.getByTestId("pemda-score").textContent()) ?? "";
      expect(shown).not.toBe("Belum ada nilai");
      // The same numbers over the API: one approved unit, so the pemda's score is that unit's.
      const sari = await FieldApi.logIn(fx.server.url, "sari", passwords.get("sari") ?? "");
      const { periods } = await sari.get<{ periods: { id: string }[] }>("/periods");
      const results = await sari.get<{
        pemda: { name: string; score: number | null; units: { unitId: string; score: number | null }[] }[];
      }>(`/results?periodId=${periods[0]?.id ?? ""}`);
      const sambas = results.pemda.find((p) => p.name === "Kabupaten Sambas");
      const unit = sambas?.units.find((u) => u.unitId === assignedUnit);
      expect(unit?.score).toBeGreaterThan(0);
      expect(sambas?.score).toBe(unit?.score);
      expect(shown).toBe(
        (sambas?.score ?? 0).toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      );
    } finally {
      await deskContext.close();
    }
  }, 180_000);
});
