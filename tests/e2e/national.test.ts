// The national round in the UI (issue #19), in Chromium against the real server: two Kantor
// Perwakilan (Kalimantan Barat, the demo, and Kalimantan Timur) with approved assessments
// (tests/e2e/support/national-seed.ts). The Kantor Pusat admin names the central office, defines
// the 2026 round and joins both offices' periods; national results are provisional until both
// periods close, and the Kalimantan Barat supervisor sees only their own loci without ranks until
// the round is published. The admin imports Kalimantan Barat's published 2021/2022 results (a bad
// file first: nothing written); the supervisor then opens Kota Pontianak's locus page with its
// multi-year trend and national rank, and the rapor with the trend and rank.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, seriousAxeViolations } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { ROOT } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page
    .locator(".loading")
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => undefined);
}

async function logIn(page: Page, base: string, username: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto(base);
  await login.logIn(username, DEMO_PASSWORD);
  await page.locator("nav.staff-nav").waitFor({ timeout: 60_000 });
}

/** Rows of the national ranking as shown: locus, rank cell text, score text, category. */
async function rankingRows(page: Page) {
  return page.getByTestId("national-locus").evaluateAll((rows) =>
    rows.map((r) => ({
      locus: r.getAttribute("data-locus") ?? "",
      rank: r.getAttribute("data-rank") ?? "",
      rankText: r.querySelector("[data-testid=national-rank]")?.textContent?.trim() ?? "",
      score: Number((r.querySelector("[data-testid=national-score]")?.textContent ?? "").replace(",", ".")),
      category: r.closest("[data-testid=national-category]")?.getAttribute("data-category") ?? "",
    })),
  );
}

/** Standard competition ranks ("1, 2, 2, 4") of scores, best first. */
function competitionRanks(scores: number[]): number[] {
  return scores.map((s) => 1 + scores.filter((x) => x > s).length);
}

describe("the national round and the years", () => {
  let fx: E2eFixture;
  let central: BrowserContext;
  let office: BrowserContext;
  let admin: Page;
  let sup: Page;
  let roundUrl = "";
  const periodIds: Record<string, string> = {};

  beforeAll(async () => {
    fx = await setUpE2e("national", {
      demo: false,
      beforeStart: (dataDir) => {
        const out = execFileSync(
          process.execPath,
          [
            join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
            join(ROOT, "tests", "e2e", "support", "national-seed.ts"),
            dataDir,
            DEMO_PASSWORD,
          ],
          { cwd: ROOT, encoding: "utf8", timeout: 180_000 },
        );
        expect(out).toContain("national seed: done");
      },
    });
    // bypassCSP only so axe-core can be injected.
    central = await launchProfile(fx.profileDir("pusat"), { bypassCSP: true });
    admin = await firstPage(central);
    await admin.setViewportSize(LAPTOP);
    office = await launchProfile(fx.profileDir("kalbar"), { bypassCSP: true });
    sup = await firstPage(office);
    await sup.setViewportSize(LAPTOP);
    await logIn(admin, fx.server.url, "pusat");
    await logIn(sup, fx.server.url, "supervisor");
    const periods = (await (await admin.request.get(`${fx.server.url}/api/v1/admin/periods`)).json()) as {
      periods: { id: string; officeId: string; year: number }[];
    };
    for (const p of periods.periods) if (p.year === 2026) periodIds[p.officeId] = p.id;
    expect(Object.keys(periodIds).sort()).toEqual(["kalbar", "kaltim"]);
  }, 400_000);

  explainFailures(
    "national",
    () => admin,
    () => fx,
  );

  afterAll(async () => {
    await central?.close();
    await office?.close();
    await fx?.cleanup();
  });

  it("lets the Kantor Pusat define the 2026 round and join both offices' periods", async () => {
    await admin.locator("nav").getByRole("link", { name: "Nasional" }).first().click();
    await admin.getByRole("heading", { level: 1, name: "Penilaian nasional" }).waitFor();
    await settle(admin);
    await admin.getByRole("button", { name: "Tandai kantor saya sebagai Kantor Pusat" }).click();
    const form = admin.getByTestId("round-form");
    await form.waitFor();
    await form.getByLabel("Tahun").fill("2026");
    await form.getByLabel("Nama putaran").fill("Penilaian Kepatuhan 2026");
    await form.getByLabel("Skema predikat").selectOption("opini-2022");
    await form.getByLabel("Pengumuman").fill("2026-12-10");
    await form.getByRole("button", { name: "Tetapkan putaran" }).click();
    const row = admin.locator('[data-testid=round-row][data-year="2026"]');
    await row.waitFor();
    await expect(row.getByTestId("round-state").innerText()).resolves.toBe("Belum ada periode");

    await row.getByRole("link", { name: "Kemajuan" }).click();
    await admin.getByTestId("round-screen").getByRole("heading", { level: 1 }).waitFor();
    await settle(admin);
    roundUrl = new URL(admin.url()).pathname;
    for (const [officeId, period] of [
      ["kalbar", "Penilaian Kepatuhan 2026"],
      ["kaltim", "Penilaian Kepatuhan 2026 Kaltim"],
    ] as const) {
      const join = admin.locator(`[data-testid=join-office][data-office=${officeId}]`);
      await join.getByRole("button", { name: new RegExp(`Gabungkan periode «${period}»`) }).click();
      await join.waitFor({ state: "detached" });
    }
    const states = await admin
      .getByTestId("round-office")
      .evaluateAll((rows) =>
        rows.map(
          (r) =>
            `${r.getAttribute("data-office")}:${r.querySelector("[data-testid=office-period-state]")?.textContent}`,
        ),
      );
    expect(states.sort()).toEqual(["kalbar:Terbuka", "kaltim:Terbuka"]);
    await expect(admin.getByTestId("publish-wait").innerText()).resolves.toContain("0 dari 2 ditutup");
  }, 120_000);

  it("ranks every locus per category across both offices, provisional while periods are open", async () => {
    await admin.getByRole("link", { name: "Hasil nasional" }).first().click();
    await admin.getByTestId("national-results-screen").waitFor();
    await settle(admin);
    await expect(admin.getByTestId("national-provisional").getAttribute("data-provisional")).resolves.toBe(
      "true",
    );
    const rows = await rankingRows(admin);
    expect(rows.map((r) => r.locus).sort()).toEqual([
      "Kabupaten Kutai Kartanegara",
      "Kabupaten Sambas",
      "Kota Balikpapan",
      "Kota Pontianak",
      "Kota Samarinda",
      "Kota Singkawang",
    ]);
    for (const category of ["kota", "kabupaten"]) {
      const inCategory = rows.filter((r) => r.category === category);
      expect(inCategory.map((r) => Number(r.rank))).toEqual(competitionRanks(inCategory.map((r) => r.score)));
    }
    // Balikpapan was answered as Singkawang: one score, one shared rank, written as a tie.
    const balikpapan = rows.find((r) => r.locus === "Kota Balikpapan");
    const singkawang = rows.find((r) => r.locus === "Kota Singkawang");
    expect(balikpapan?.score).toBe(singkawang?.score);
    expect(balikpapan?.rankText).toBe(`${singkawang?.rank}=`);
    await expect(admin.getByTestId("national-categories").innerText()).resolves.toMatch(/Kota: 4 lokus/);
    await admin.getByTestId("chart-national").waitFor();
    await admin.getByTestId("chart-bands").waitFor();
    const xlsx = admin.getByTestId("national-xlsx");
    const download = await admin.request.get(
      new URL((await xlsx.getAttribute("href")) ?? "", fx.server.url).href,
    );
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 2).toString()).toBe("PK");
    expect(await seriousAxeViolations(admin)).toEqual([]);
  }, 120_000);

  it("shows an office only its own loci, without ranks, until the round is published", async () => {
    await sup.goto(`${fx.server.url}${roundUrl}/hasil`);
    await sup.getByTestId("national-results-screen").waitFor();
    await settle(sup);
    await sup.getByTestId("national-scoped").waitFor();
    const rows = await rankingRows(sup);
    expect(rows.map((r) => r.locus).sort()).toEqual([
      "Kabupaten Sambas",
      "Kota Pontianak",
      "Kota Singkawang",
    ]);
    expect(rows.every((r) => r.rank === "" && r.rankText === "setelah diumumkan")).toBe(true);
  }, 60_000);

  it("is final once both periods are closed; publication then shows the office its national ranks", async () => {
    const close = (id: string) =>
      admin.request.patch(`${fx.server.url}/api/v1/periods/${id}`, { data: { status: "closed" } });
    expect((await close(periodIds.kalbar ?? "")).status()).toBe(200);
    await admin.reload();
    await settle(admin);
    await expect(admin.getByTestId("national-provisional").getAttribute("data-provisional")).resolves.toBe(
      "true",
    );
    expect((await close(periodIds.kaltim ?? "")).status()).toBe(200);
    await admin.reload();
    await settle(admin);
    await expect(admin.getByTestId("national-provisional").getAttribute("data-provisional")).resolves.toBe(
      "false",
    );
    await expect(admin.getByTestId("national-published").getAttribute("data-published")).resolves.toBe(
      "false",
    );

    await admin.goto(`${fx.server.url}${roundUrl}`);
    await settle(admin);
    await admin.getByRole("button", { name: "Umumkan hasil" }).click();
    await admin.getByRole("button", { name: "Ya, umumkan" }).click();
    await admin.getByTestId("round-published").waitFor();

    await sup.reload();
    await settle(sup);
    await expect(sup.getByTestId("national-published").getAttribute("data-published")).resolves.toBe("true");
    expect(await sup.getByTestId("national-scoped").count()).toBe(0);
    const rows = await rankingRows(sup);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.rank !== "")).toBe(true);
  }, 120_000);

  it("imports published history all or nothing, reporting a disagreeing category", async () => {
    await admin.goto(`${fx.server.url}/admin/riwayat`);
    await admin.getByTestId("history-screen").waitFor();
    await settle(admin);
    await admin.getByLabel("Kantor", { exact: true }).selectOption("kalbar");
    const header = "tahun;kode_lokus;nama;nilai;skema;kategori_terbit;peringkat";
    const upload = async (lines: string[], button: string) => {
      await admin.getByLabel("Berkas CSV atau XLSX").setInputFiles({
        name: "riwayat.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${[header, ...lines].join("\n")}\n`, "utf8"),
      });
      await admin.getByRole("button", { name: button, exact: true }).click();
      await admin.getByTestId("history-outcome").waitFor();
    };
    await upload(
      ["2021;6172;Kota Singkawang;68,34;zona-2021;Kuning;", "2020;6172;Kota Singkawang;60;zona-2019;;"],
      "Impor",
    );
    await expect(admin.getByTestId("history-outcome").innerText()).resolves.toMatch(
      /Tidak ada yang disimpan/,
    );
    await expect(admin.getByTestId("history-errors").innerText()).resolves.toMatch(/CSV!E3/);

    const good = [
      "2021;6172;Kota Singkawang;68,34;zona-2021;Kuning;",
      "2022;6172;Kota Singkawang;75,78;opini-2022;C;",
      "2021;6171;Kota Pontianak;98,78;zona-2021;Hijau;2",
      "2022;6171;Kota Pontianak;80,10;opini-2022;A;",
    ];
    await upload(good, "Periksa");
    await expect(admin.getByTestId("history-outcome").innerText()).resolves.toMatch(/4 baris dapat diimpor/);
    await upload(good, "Impor");
    await expect(admin.getByTestId("history-outcome").innerText()).resolves.toMatch(/4 dari 4 baris diimpor/);
    // 80.10 under opini-2022 is B; the file says A: reported, kept as published.
    await expect(admin.getByTestId("history-warnings").innerText()).resolves.toMatch(/CSV!F5/);
  }, 120_000);

  it("shows the supervisor Kota Pontianak's years: trend chart, own schemes, national rank, unit changes", async () => {
    await sup.getByRole("link", { name: "Kota Pontianak" }).click();
    await sup.getByTestId("locus-screen").waitFor();
    await settle(sup);
    await sup.getByRole("heading", { level: 1, name: "Kota Pontianak" }).waitFor();
    const points = await sup
      .getByTestId("trend-point")
      .evaluateAll((ps) => ps.map((p) => p.getAttribute("data-year")));
    expect(points).toEqual(["2021", "2022", "2025", "2026"]);
    // 2021 was scored under zona-2021, 2022 onwards under opini-2022: one break, never a delta across it.
    expect(await sup.getByTestId("trend-break").count()).toBe(1);
    const year = (y: number) => sup.locator(`[data-testid=locus-year][data-year="${y}"]`);
    await expect(year(2021).getByTestId("locus-predicate").innerText()).resolves.toMatch(/Zona Hijau/);
    await expect(year(2022).getByTestId("locus-change").innerText()).resolves.toBe(
      "metode berbeda, tidak dibandingkan",
    );
    await expect(year(2022).innerText()).resolves.toMatch(/kategori terbit «A» berbeda/);
    await expect(year(2025).getByTestId("locus-change").innerText()).resolves.toMatch(/^[+−]?\d/);
    await expect(year(2026).getByTestId("locus-rank").innerText()).resolves.toMatch(/^\d dari 4$/);
    await sup
      .locator('[data-testid=locus-units][data-year="2026"]')
      .getByTestId("locus-best-worst")
      .waitFor();
    await expect(sup.getByTestId("locus-unit-changes").innerText()).resolves.toMatch(/2025: .* → 2026: /);

    await sup.setViewportSize(PHONE);
    const sideways = await sup.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(sup)).toEqual([]);
    await sup.setViewportSize(LAPTOP);
  }, 120_000);

  it("shows the trend and the national rank on the rapor", async () => {
    const pemdaId = new URL(sup.url()).pathname.split("/").pop() ?? "";
    await sup.goto(`${fx.server.url}/hasil/rapor/${pemdaId}`);
    await sup.getByTestId("rapor-screen").waitFor();
    await settle(sup);
    const period = sup.getByLabel("Periode Penilaian");
    if ((await period.count()) > 0) await period.selectOption(periodIds.kalbar ?? "");
    await sup.getByTestId("rapor-history").waitFor();
    await expect(sup.getByTestId("rapor-national-rank").innerText()).resolves.toMatch(
      /Peringkat nasional: \d dari 4 lokus kategori Kota/,
    );
    await expect(sup.getByTestId("rapor-trend").innerText()).resolves.toMatch(
      /2021[\s\S]*2022[\s\S]*2025[\s\S]*2026/,
    );
  }, 60_000);
});
