// The 2025 method end to end in the browser (issue 18, acceptance "e2e"): the admin imports the
// three sampled units of Kabupaten Bengkayang (Dinas Pendidikan, Dinas Sosial, RSUD) through the
// master-data screen, uploads the shipped default 2025 instrument (maladministrasi-2025) and opens
// a 2025 period with the built-in opini-2025 scheme, all through the admin UI. The supervisor
// draws the 3-unit sample and puts penilai1 on the Dinas Pendidikan unit. penilai1, OFFLINE on a
// 360 × 740 phone, fills that checklist: the respondent groups by role with their own quotas, one
// service user interviewed by phone with the call time (no photo), every other item answered by
// clicking; back online the device syncs and submits; the supervisor approves on the review
// screen; the results screen shows Bengkayang's 2025 predicate ("Kualitas …") with no zone column.
// Then the supervisor enters Bengkayang's secondary data (every Output indicator, with its cited
// source) and one oversight product followed up in full on the "Data sekunder & tindak lanjut"
// screen, and sees the predicate WITH the qualifier "Tanpa Maladministrasi" in results, in the
// rapor and in the results XLSX (read with exceljs), the Output now counted from secondary data.
import ExcelJS from "exceljs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bandFor } from "../../src/domain/banding/band-for";
import { BUILTIN_SCHEMES } from "../../src/domain/banding/builtin";
import { AdminDashboardPage, AdminInstrumentsPage, AdminPeriodsPage } from "./pages/admin-pages";
import { ChecklistPage } from "./pages/checklist-page";
import { FieldApi } from "./pages/field-api";
import { HomePage } from "./pages/home-page";
import { LocusDataPage } from "./pages/locus-data-page";
import { LoginPage } from "./pages/login-page";
import { PlanningPage } from "./pages/planning-page";
import { ReviewPage } from "./pages/review-page";
import { firstPage, launchProfile, waitForServiceWorkerControl } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { shippedInstrument } from "./support/instruments";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const SYNC_TIMEOUT_MS = 60_000;
const OFFICE = "Ombudsman RI Perwakilan Kalimantan Barat";
const PEMDA = "Kabupaten Bengkayang";
const PERIOD = "Penilaian Maladministrasi 2025";
const SEED = "bengkayang-2025";
const DINDIK = "Dinas Pendidikan Kabupaten Bengkayang";
const CALL_AT = "2025-09-16T10:30";
const INSTRUMENT = shippedInstrument("maladministrasi-2025.json");

const UNITS_CSV = Buffer.from(
  `\uFEFF${[
    "kode_lokus;nama_unit;jenis_unit;alamat;produk",
    `6102;${DINDIK};Dinas Pendidikan;Jl. Pendidikan, Bengkayang;Legalisir ijazah|Mutasi siswa`,
    "6102;Dinas Sosial Kabupaten Bengkayang;Dinas Sosial;Jl. Sosial, Bengkayang;Rekomendasi bantuan sosial",
    "6102;RSUD Bengkayang;RSUD;Jl. Rumah Sakit, Bengkayang;Rawat jalan|Rawat inap",
  ].join("\r\n")}\r\n`,
  "utf8",
);

// The best option of each 2025 scale (scale_0_3, yes_partial_no, the trust questionnaire's scales),
// and its zero: an item that needs a photo when scored above 0 is answered 0 (no photo here).
const HIGH = ["3", "yes", "never", "cepat", "mudah", "sesuai"];
const ZERO = ["0", "no", "experienced", "lambat", "berbelit", "sulit", "pungli", "tidak_sesuai"];

interface ServerAssessment {
  status: string;
  score: { total: number | null; complete: boolean };
  respondents: { id: string; kind: string; profile: Record<string, unknown> }[];
  evidence: { key: string }[];
}

/** Answers every fieldset of one instance block by clicking, waiting until the device stores it. */
async function answerInstance(page: Page, block: Locator, wanted: string[]): Promise<void> {
  const plan = await block
    .locator("fieldset.answer")
    .evaluateAll(
      (sets, wanted) =>
        sets.map((set) =>
          [...set.querySelectorAll<HTMLInputElement>("input[type=radio]")]
            .map((r) => r.value)
            .find((v) => wanted.includes(v)),
        ),
      wanted,
    );
  for (const [i, value] of plan.entries()) {
    if (value === undefined) throw new Error(`no option among ${wanted.join(", ")}`);
    const fieldset = block.locator("fieldset.answer").nth(i);
    await fieldset.locator(`label:has(input[value="${value}"])`).click();
    await fieldset.and(page.locator(`[data-stored="${value}"]`)).waitFor({ state: "attached" });
  }
}

describe("the 2025 method: plan, fill offline with a phone interview, approve, see the predicate", () => {
  let fx: E2eFixture;
  let staffContext: BrowserContext;
  let devContext: BrowserContext;
  let staff: Page;
  let dev: Page;
  let unitId = "";
  let assessmentId = "";
  let phoneRespondent = "";

  beforeAll(async () => {
    fx = await setUpE2e("method-2025");
    staffContext = await launchProfile(fx.profileDir("staff"));
    devContext = await launchProfile(fx.profileDir("penilai1"));
    staff = await firstPage(staffContext);
    dev = await firstPage(devContext);
  }, 200_000);

  explainFailures(
    "method-2025",
    () => dev,
    () => fx,
  );

  afterAll(async () => {
    await staffContext?.close();
    await devContext?.close();
    await fx?.cleanup();
  });

  it("the admin imports the 3 units, uploads the 2025 instrument and opens a 2025 period with opini-2025", async () => {
    const login = new LoginPage(staff);
    await login.goto(fx.server.url);
    await login.logIn("admin", DEMO_PASSWORD);
    const dashboard = new AdminDashboardPage(staff);
    await dashboard.heading.waitFor();

    await staff.locator("#main").getByRole("link", { name: "Data induk (impor/ekspor)" }).click();
    await staff.getByRole("heading", { level: 1, name: "Data induk" }).waitFor();
    await staff.getByRole("radio", { name: "Unit layanan" }).check();
    await staff
      .getByLabel("Berkas CSV atau XLSX")
      .setInputFiles({ name: "unit-bengkayang.csv", mimeType: "text/csv", buffer: UNITS_CSV });
    await staff.getByRole("button", { name: "Periksa (pratinjau)" }).click();
    await staff.getByTestId("md-outcome").waitFor();
    expect(await staff.getByTestId("md-summary").textContent()).toContain("3 baris: 3 baru");
    await staff.getByRole("button", { name: "Impor", exact: true }).click();
    await staff.getByTestId("md-outcome").filter({ hasText: "Impor selesai" }).waitFor();

    await staff.getByRole("link", { name: "Kembali ke Administrasi" }).click();
    await dashboard.open("Instrumen");
    const instruments = new AdminInstrumentsPage(staff);
    await instruments.upload("maladministrasi-2025.json", JSON.stringify(INSTRUMENT));
    await instruments.done
      .filter({ hasText: `Instrumen ${INSTRUMENT.id} versi ${INSTRUMENT.version} tersimpan.` })
      .waitFor();

    await staff.getByRole("link", { name: "Kembali ke Administrasi" }).click();
    await dashboard.open("Periode Penilaian");
    const periods = new AdminPeriodsPage(staff);
    await periods.create({
      office: OFFICE,
      year: 2025,
      name: PERIOD,
      instrument: `${INSTRUMENT.title.id} (${INSTRUMENT.id} v${INSTRUMENT.version})`,
      scheme: "Opini Penilaian Maladministrasi (2025–) (opini-2025)",
    });
    const row = periods.row(PERIOD);
    await row.getByText("Dibuka", { exact: true }).waitFor();
    expect(await row.innerText()).toContain(`${INSTRUMENT.id} v${INSTRUMENT.version}`);
    // The supervisor takes over this browser next.
    await staffContext.clearCookies();
  });

  it("the supervisor draws the 3-unit sample of Bengkayang and forms the teams (penilai1 on Dinas Pendidikan)", async () => {
    const login = new LoginPage(staff);
    await login.goto(fx.server.url);
    await login.logIn("supervisor", DEMO_PASSWORD);
    await staff.getByRole("link", { name: "Perencanaan" }).click();
    await staff.getByRole("heading", { level: 1, name: "Perencanaan" }).waitFor();
    const planning = new PlanningPage(staff);
    await planning.openPeriod(PERIOD);
    await planning.choosePemda(PEMDA);
    // The imported kinds are the strata: one unit of each.
    const kinds = await staff
      .locator("input[data-kind]")
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute("data-kind") ?? ""));
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    await planning.drawSample(Object.fromEntries(kinds.map((k) => [k, 1])), SEED);
    await expect.poll(() => planning.cards.count()).toBe(3);
    const names = await planning.cards.getByRole("heading").allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(
      [DINDIK, "Dinas Sosial Kabupaten Bengkayang", "RSUD Bengkayang"].sort(),
    );
    const card = planning.cards.filter({ has: staff.getByRole("heading", { name: DINDIK }) });
    unitId = (await card.getAttribute("data-unit")) ?? "";
    expect(unitId).not.toBe("");
    await planning.assign(unitId, {
      assessors: ["penilai1"],
      date: "2025-09-16",
      products: ["Legalisir ijazah"],
      expect: "Andi Pratama",
    });
    // The other two sampled units get their team too (penilai2); they stay unvisited here, which
    // keeps Bengkayang's result provisional.
    for (const other of ["Dinas Sosial Kabupaten Bengkayang", "RSUD Bengkayang"]) {
      const id = await planning.cards
        .filter({ has: staff.getByRole("heading", { name: other }) })
        .getAttribute("data-unit");
      await planning.assign(id ?? "", {
        assessors: ["penilai2"],
        date: "2025-09-17",
        products: [],
        expect: "Dewi Lestari",
      });
    }
  });

  it("penilai1 fills the checklist offline at 360×740 with a phone interview, then syncs and submits", async () => {
    const home = new HomePage(dev);
    const login = new LoginPage(dev);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    await waitForServiceWorkerControl(dev);
    const row = home.pemda(PEMDA).locator(`[data-testid="unit-item"][data-unit="${DINDIK}"]`);
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    while ((await row.count()) === 0) {
      if (Date.now() > deadline) throw new Error("the Bengkayang unit never reached penilai1's home");
      await home.syncNow().catch(() => undefined);
      await dev.waitForTimeout(500);
    }
    expect(dev.viewportSize()).toEqual({ width: 360, height: 740 });

    await devContext.setOffline(true);
    await row.getByRole("link").click();
    const sheet = new ChecklistPage(dev);
    assessmentId = await sheet.startVisit();

    // Respondent groups by role, each with its own quota: 4 officials, 2 complaint officials, and
    // 1 of the locus's 30 service users here.
    for (const [role, count] of [
      ["pejabat", 4],
      ["petugas_pengaduan", 2],
      ["pengguna", 1],
    ] as const) {
      const group = dev.getByTestId(`respondents-role-${role}`);
      const list = group.locator("li.respondent");
      for (let i = 0; i < count; i++) {
        await dev.locator(`[data-add-role="${role}"]`).click();
        await list.nth(i).waitFor();
      }
    }
    const users = dev.getByTestId("respondents-role-pengguna");
    expect(await users.getByTestId("role-quota-pengguna").getAttribute("data-still")).not.toBe("");
    // The service user was interviewed by phone: the call time instead of a photo.
    const user = users.locator("li.respondent").first();
    await user.getByRole("radio", { name: "Lewat telepon" }).check();
    const phone = user.locator('.phone-interview[data-mode="phone"]');
    await phone.waitFor();
    await phone.locator('input[type="datetime-local"]').fill(CALL_AT);
    await phone.locator('input[type="number"]').fill("12");
    await sheet.waitSaved();

    // Every instance answered by clicking: best option, except a photo-required one (0, no photo).
    for (const instance of await sheet.instances()) {
      // The sheet draws one section at a time: open the one holding this instance.
      await sheet.show(instance.key);
      const block = sheet.instance(instance.key);
      await block.scrollIntoViewIfNeeded();
      await answerInstance(dev, block, instance.evidence === "photo_required" ? ZERO : HIGH);
    }
    await sheet.waitSaved();
    await expect.poll(() => sheet.missing.count()).toBe(0);
    await sheet.scorePanel.waitFor();
    // The live composite (70 % four dimensions + 30 % trust) on the device.
    await dev.getByTestId("score-composite").waitFor({ state: "attached" });
    const deviceScore = await sheet.score();
    expect(deviceScore).toBeGreaterThan(0);
    await dev.screenshot({ path: resultPath("method-2025-offline-360.png"), fullPage: true });

    // Back online: sync, then submit.
    await devContext.setOffline(false);
    await dev.goto(`${fx.server.url}/`);
    await home.heading().waitFor();
    const field = await FieldApi.logIn(fx.server.url, "penilai1", DEMO_PASSWORD);
    const onServer = async () => {
      const res = await field.raw(`/assessments/${assessmentId}`);
      return res.status === 200 ? ((await res.json()) as ServerAssessment) : undefined;
    };
    const syncUntil = async (ready: (a: ServerAssessment | undefined) => boolean, what: string) => {
      const until = Date.now() + SYNC_TIMEOUT_MS;
      while (!ready(await onServer())) {
        if (Date.now() > until) throw new Error(`never on the server after syncing: ${what}`);
        await home.syncNow().catch(() => undefined);
        await dev.waitForTimeout(1_000);
      }
    };
    await syncUntil((a) => (a?.respondents.length ?? 0) === 7, "the synced draft");
    const synced = await onServer();
    // The device's number is the server's, to the cent.
    expect(synced?.score.complete).toBe(true);
    expect(synced?.score.total).toBe(deviceScore);
    const byPhone = synced?.respondents.find((r) => r.profile.mode === "phone");
    expect(byPhone?.kind).toBe("user");
    expect(String(byPhone?.profile.callAt)).toContain(CALL_AT);
    phoneRespondent = byPhone?.id ?? "";
    expect(synced?.evidence.some((e) => e.key.includes(phoneRespondent))).toBe(false);

    await dev.goto(`${fx.server.url}/penilaian/${assessmentId}`);
    await sheet.root.waitFor();
    await sheet.submit();
    await dev.locator('[data-testid="assessment-status"][data-status="submitted"]').waitFor();
    await dev.goto(`${fx.server.url}/`);
    await home.heading().waitFor();
    await syncUntil((a) => a?.status === "submitted", "the submission");
  }, 240_000);

  it("the supervisor approves; results show Bengkayang's 2025 predicate and no zone column", async () => {
    const review = new ReviewPage(staff);
    await review.open(fx.server.url, assessmentId);
    expect(await review.status.getAttribute("data-status")).toBe("submitted");
    await review.decide("approve");
    await review.outcome.waitFor();
    expect(await review.outcome.getAttribute("data-decision")).toBe("approve");

    await staff.goto(`${fx.server.url}/hasil`);
    await staff.getByTestId("results-screen").waitFor();
    await staff.getByLabel("Periode Penilaian", { exact: true }).selectOption({ label: PERIOD });
    const row = review.resultRow(PEMDA);
    await row.waitFor();
    const score = (await row.getByTestId("pemda-score").textContent()) ?? "";
    expect(score).toMatch(/^\d+([,.]\d+)?$/);
    // The predicate is opini-2025's band of that score; 1 of 3 sampled units approved: provisional.
    const scheme = BUILTIN_SCHEMES["opini-2025"];
    if (!scheme) throw new Error("no built-in opini-2025");
    const band = bandFor(Number(score.replace(",", ".")), scheme);
    expect(band?.label.id).toMatch(/^Kualitas /);
    expect(await row.innerText()).toContain(band?.label.id ?? "no band");
    expect(await row.getByTestId("pemda-final").textContent()).toBe("Sementara");
    // Column names without the sort buttons' arrows (↕ ↑ ↓).
    const headers = (await staff.getByTestId("results-table").locator("thead th").allTextContents()).map(
      (h) => h.replace(/[↕↑↓]/g, "").trim(),
    );
    expect(headers).toContain("Predikat");
    expect(headers).not.toContain("Zona");
    expect(await staff.locator('[data-testid="results-pemda"]').evaluateAll((rows) => rows.length)).toBe(1);
    // Wide tables scroll inside their region; the page itself stays 360 px wide.
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await staff.screenshot({ path: resultPath("method-2025-results-360.png"), fullPage: true });
  });

  it("the supervisor enters secondary data and a full follow-up on screen; the predicate carries the qualifier in results, rapor and XLSX", async () => {
    // From the results of this 2025 period, its link to the secondary data & follow-ups screen.
    const before = Number(((await resultScore()) ?? "").replace(",", "."));
    const ld = new LocusDataPage(staff);
    await ld.openVia(staff.getByTestId("results-locus-data").getByRole("link"));
    const periodId = /\/perencanaan\/([0-9a-f-]{36})\/data-lokus/.exec(staff.url())?.[1] ?? "";
    expect(periodId).not.toBe("");
    expect(await ld.closedNote.count()).toBe(0);
    await ld.toggle(PEMDA);
    // Every secondary indicator of the Output: its best value, with the cited source.
    const fields = ld.secondaryFields(PEMDA);
    const count = await fields.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      const values = await ld.valuesOf(field);
      await ld.fillSecondary(
        field,
        values[values.length - 1] ?? "",
        "KemenPANRB, Indeks Pelayanan Publik 2025",
      );
    }
    await ld.saveSecondary(PEMDA, { filled: count, total: count });
    await ld.toggle(PEMDA);
    await ld.addFollowUp(PEMDA, { number: "0012/LAPH/2025", date: "2025-03-14", state: "full" });

    // Results: the same band, now with the qualifier; the Output adds to the score, never removes.
    const review = new ReviewPage(staff);
    const score = Number(((await resultScore()) ?? "").replace(",", "."));
    expect(score).toBeGreaterThan(before);
    const scheme = BUILTIN_SCHEMES["opini-2025"];
    const label = scheme ? bandFor(score, scheme)?.label.id : undefined;
    expect(label).toMatch(/^Kualitas /);
    const predicate = `${label} Tanpa Maladministrasi`;
    const row = review.resultRow(PEMDA);
    expect(await row.getByTestId("pemda-predicate").textContent()).toBe(predicate);
    expect(await row.getByTestId("pemda-final").textContent()).toBe("Sementara");

    // The rapor of Bengkayang.
    await row.getByRole("link", { name: /Rapor/ }).click();
    await staff.getByTestId("rapor-predicate").filter({ hasText: predicate }).waitFor();

    // The results XLSX, read as a spreadsheet program would.
    const xlsx = await staff.request.get(`${fx.server.url}/api/v1/exports/results.xlsx?periodId=${periodId}`);
    expect(xlsx.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((r) => {
        r.eachCell((c) => {
          cells.push(String(c.value));
        });
      });
    expect(cells).toContain(predicate);
    expect(cells).toContain(PEMDA);
  });

  /** Bengkayang's pemda score on the results screen of the 2025 period. */
  async function resultScore(): Promise<string | null> {
    await staff.goto(`${fx.server.url}/hasil`);
    await staff.getByTestId("results-screen").waitFor();
    await staff.getByLabel("Periode Penilaian", { exact: true }).selectOption({ label: PERIOD });
    const row = new ReviewPage(staff).resultRow(PEMDA);
    await row.waitFor();
    return row.getByTestId("pemda-score").textContent();
  }
});
