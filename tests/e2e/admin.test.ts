// The admin at work (issue #7): uploads an instrument version through a real file input — a file
// that is not JSON and a file the domain parser refuses are both explained (the parser's issues
// with their JSON paths) — then a good one; creates a period with it and closes it after a
// confirmation that says closing is final; deactivates an assessor whose live session then gets 401.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdminDashboardPage,
  AdminInstrumentsPage,
  AdminPeriodsPage,
  AdminUsersPage,
} from "./pages/admin-pages";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, seriousAxeViolations } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { ROOT, resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const INSTRUMENT = JSON.parse(
  readFileSync(join(ROOT, "assets", "instrument", "ori-kepatuhan-2023.json"), "utf8"),
) as Record<string, unknown> & { id: string; title: { id: string } };

describe("administration", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    fx = await setUpE2e("admin");
    // bypassCSP only so axe-core can be injected in the last test; the other e2e files check the CSP.
    context = await launchProfile(fx.profileDir("admin"), { bypassCSP: true });
    page = await firstPage(context);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  explainFailures(
    "admin",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("the admin lands on the Administrasi dashboard", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("admin", DEMO_PASSWORD);
    await new AdminDashboardPage(page).heading.waitFor();
  });

  it("uploads an instrument version; bad files are explained with JSON paths", async () => {
    await new AdminDashboardPage(page).open("Instrumen");
    const instruments = new AdminInstrumentsPage(page);
    await instruments.versionRow(INSTRUMENT.id, 1).getByText("Dipakai", { exact: true }).waitFor();

    await instruments.upload("rusak.json", '{"id": "x", ');
    await instruments.errors.filter({ hasText: "bukan JSON yang sah" }).waitFor();
    // The summary takes focus so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "admin-errors",
    );

    const bad = { ...INSTRUMENT, version: 0, catatan: "salah", title: { en: "No Indonesian title" } };
    await instruments.upload("salah.json", JSON.stringify(bad));
    await instruments.errors.filter({ hasText: "Berkas ditolak" }).waitFor();
    const issues = await instruments.issues.innerText();
    expect(issues).toContain("$.version");
    expect(issues).toContain("$.catatan");
    expect(issues).toContain("$.title.id");
    const describedBy = await page.getByLabel("Berkas instrumen (JSON)").getAttribute("aria-describedby");
    expect(describedBy).toContain("instrument-file-issues");

    await instruments.upload("instrumen-v2.json", JSON.stringify({ ...INSTRUMENT, version: 2 }, null, 2));
    await instruments.done.filter({ hasText: `Instrumen ${INSTRUMENT.id} versi 2 tersimpan.` }).waitFor();
    await instruments.versionRow(INSTRUMENT.id, 2).getByText("Belum dipakai", { exact: true }).waitFor();
    expect(await instruments.issues.count()).toBe(0);
  });

  it("creates a period with the new version and closes it after a confirmation", async () => {
    await page.getByRole("link", { name: "Kembali ke Administrasi" }).click();
    await new AdminDashboardPage(page).open("Periode Penilaian");
    const periods = new AdminPeriodsPage(page);
    await periods.create({
      office: "Ombudsman RI Perwakilan Kalimantan Barat",
      year: 2027,
      name: "Penilaian Kepatuhan 2027",
      instrument: `${INSTRUMENT.title.id} (${INSTRUMENT.id} v2)`,
      scheme: "Opini Kepatuhan (2022–2024) (opini-2022)",
    });
    const row = periods.row("Penilaian Kepatuhan 2027");
    await row.getByText("Dibuka", { exact: true }).waitFor();
    expect(await row.innerText()).toContain(`${INSTRUMENT.id} v2`);

    // No assessment yet: its scheme may still change.
    await row.getByRole("button", { name: "Ubah" }).click();
    await row.getByLabel("Skema pita").selectOption({ label: "Zona Kepatuhan (s.d. 2021) (zona-2021)" });
    await row.getByRole("button", { name: "Simpan" }).click();
    await row.getByText("skema zona-2021").waitFor();

    await row.getByRole("button", { name: "Tutup periode" }).click();
    const confirm = row.getByRole("alertdialog");
    expect(await confirm.innerText()).toContain("menghentikan semua perubahan dan membuat hasilnya final");
    await confirm.getByRole("button", { name: "Ya, tutup periode" }).click();
    await row.getByText("Ditutup", { exact: true }).waitFor();
    expect(await row.getByRole("button", { name: "Tutup periode" }).count()).toBe(0);

    // The version is now used by a period: the instrument list says so.
    await page.getByRole("link", { name: "Kembali ke Administrasi" }).click();
    await new AdminDashboardPage(page).open("Instrumen");
    await new AdminInstrumentsPage(page)
      .versionRow(INSTRUMENT.id, 2)
      .getByText("Dipakai", { exact: true })
      .waitFor();
  });

  it("deactivates an assessor whose session then gets 401", async () => {
    // penilai2 is logged in elsewhere (a real session cookie from the real server).
    const login = await fetch(`${fx.server.url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "penilai2", password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const whoAmI = () => fetch(`${fx.server.url}/api/v1/session`, { headers: { cookie } });
    expect((await whoAmI()).status).toBe(200);

    await page.getByRole("link", { name: "Kembali ke Administrasi" }).click();
    await new AdminDashboardPage(page).open("Pengguna");
    const users = new AdminUsersPage(page);
    const row = users.row("penilai2");
    await row.getByRole("button", { name: "Nonaktifkan" }).click();
    await row.getByRole("alertdialog").getByRole("button", { name: "Nonaktifkan" }).click();
    await row.getByText("Nonaktif", { exact: true }).waitFor();
    await row.getByRole("button", { name: "Aktifkan" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Dewi Lestari dinonaktifkan" }).waitFor();

    const after = await whoAmI();
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    // The admin's own account offers no way to lock themself out.
    expect(await users.row("admin").getByRole("button", { name: "Nonaktifkan" }).count()).toBe(0);
  });

  it("works at 360×740 too (no horizontal scrolling on the periods screen)", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole("link", { name: "Kembali ke Administrasi" }).click();
    await new AdminDashboardPage(page).open("Periode Penilaian");
    await new AdminPeriodsPage(page).row("Penilaian Kepatuhan 2027").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("every admin screen has no serious axe violations at 360×740", async () => {
    const screens = [
      ["/", "Administrasi"],
      ["/admin/kantor", "Kantor Perwakilan"],
      ["/admin/pengguna", "Pengguna"],
      ["/admin/instrumen", "Instrumen"],
      ["/admin/skema", "Skema Pita (Banding)"],
      ["/admin/periode", "Periode Penilaian"],
      ["/admin/data-induk", "Data induk"],
    ] as const;
    for (const [path, heading] of screens) {
      await page.goto(`${fx.server.url}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await page.waitForFunction(() => document.querySelector(".loading") === null);
      await page.screenshot({ path: resultPath(`admin${path.replaceAll("/", "-")}.png`), fullPage: true });
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  });
});
