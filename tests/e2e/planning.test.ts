// Supervisor planning and its after-effects on a device (issue #7): the supervisor plans Kota
// Pontianak through the UI — a seeded sample of one Puskesmas, the team penilai2 with a date and
// suggested products; penilai2 sees the new assignment after syncing and, offline, starts the visit
// and adds the supervisor's suggested product with one tap; the supervisor then takes penilai2 off
// the team; on the next sync the assignment leaves penilai2's list, but the unsynced draft stays on
// the device with a clear message, and the server refuses the queued edits as assignment_removed.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecklistPage } from "./pages/checklist-page";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { PlanningPage } from "./pages/planning-page";
import { firstPage, launchProfile, waitForServiceWorkerControl } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const SYNC_TIMEOUT_MS = 30_000;
const PONTIANAK = "Kota Pontianak";
const SEED = "kalbar-e2e-2026";
const PENILAI2 = "Dewi Lestari";

interface Plan {
  period: { id: string };
  pemda: {
    name: string;
    sample: { seed: string; unitIds: string[] } | null;
    units: { id: string; name: string; kind: string }[];
  }[];
  assignments: { id: string; unitId: string; team: string[] }[];
}

describe("supervisor planning reaches the assessor's device, and a removal keeps the draft", () => {
  let fx: E2eFixture;
  let supContext: BrowserContext;
  let devContext: BrowserContext;
  let sup: Page;
  let dev: Page;
  let planning: PlanningPage;
  let home: HomePage;
  let unitId = "";
  let unitName = "";
  let assessmentId = "";

  beforeAll(async () => {
    fx = await setUpE2e("planning");
    supContext = await launchProfile(fx.profileDir("supervisor"));
    devContext = await launchProfile(fx.profileDir("penilai2"));
    sup = await firstPage(supContext);
    dev = await firstPage(devContext);
    planning = new PlanningPage(sup);
    home = new HomePage(dev);
  });

  explainFailures(
    "planning",
    () => dev,
    () => fx,
  );

  afterAll(async () => {
    await supContext?.close();
    await devContext?.close();
    await fx?.cleanup();
  });

  const unitRow = () => home.pemda(PONTIANAK).locator(`[data-testid="unit-item"][data-unit="${unitName}"]`);

  /** "Sinkronkan sekarang" until `ready()` holds (a run may already be in flight). */
  const syncUntil = async (ready: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    while (!(await ready())) {
      if (Date.now() > deadline) throw new Error(`never happened after syncing: ${what}`);
      await home.syncNow().catch(() => undefined);
      await dev.waitForTimeout(500);
    }
  };

  const readPlan = async (): Promise<Plan> => {
    const periods = (await (await sup.request.get(`${fx.server.url}/api/v1/planning/periods`)).json()) as {
      periods: { id: string }[];
    };
    const res = await sup.request.get(`${fx.server.url}/api/v1/planning/periods/${periods.periods[0]?.id}`);
    return (await res.json()) as Plan;
  };

  it("penilai2 is ready offline and has no Pontianak unit yet", async () => {
    const login = new LoginPage(dev);
    await login.goto(fx.server.url);
    await login.logIn("penilai2", DEMO_PASSWORD);
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    await waitForServiceWorkerControl(dev);
    expect(await home.pemda(PONTIANAK).count()).toBe(0);
  });

  it("the supervisor draws a seeded sample and assigns penilai2, through the UI", async () => {
    const login = new LoginPage(sup);
    await login.goto(fx.server.url);
    await login.logIn("supervisor", DEMO_PASSWORD);
    await planning.openFirstPeriod();
    await planning.choosePemda(PONTIANAK);
    await planning.drawSample({ puskesmas: 1 }, SEED);
    expect(await sup.getByTestId("sample-seed").textContent()).toContain(SEED);
    expect(await planning.cards.count()).toBe(1);
    unitId = (await planning.cards.first().getAttribute("data-unit")) ?? "";
    unitName = (await planning.cards.first().getByRole("heading").textContent()) ?? "";
    expect(unitName).toMatch(/Puskesmas/i);

    // The server holds exactly that: the seed shown, one Puskesmas of Pontianak.
    const drawn = (await readPlan()).pemda.find((p) => p.name === PONTIANAK);
    expect(drawn?.sample).toMatchObject({ seed: SEED, unitIds: [unitId] });
    expect(drawn?.units.find((u) => u.id === unitId)?.kind).toBe("puskesmas");

    await planning.assign(unitId, {
      assessors: ["penilai2"],
      date: "2026-09-15",
      products: ["Imunisasi", "Surat Keterangan Sehat"],
      expect: PENILAI2,
    });
    await sup.screenshot({ path: resultPath("planning-assignment-360.png") });
  });

  it("penilai2 sees the new assignment after syncing, and starts it offline with a suggested product", async () => {
    await syncUntil(async () => (await unitRow().count()) > 0, "the Pontianak unit on penilai2's home");
    await devContext.setOffline(true);
    await unitRow().getByRole("link").click();
    const sheet = new ChecklistPage(dev);
    assessmentId = await sheet.startVisit();
    // The supervisor's suggestion comes first, as a one-tap add.
    const first = dev.locator(".suggested button").first();
    expect(await first.textContent()).toContain("Imunisasi");
    await first.click();
    await sheet.products.filter({ hasText: "Imunisasi" }).waitFor();
    await sheet.waitSaved();
  });

  it("the supervisor removes penilai2; the device drops the assignment but keeps the draft and says so", async () => {
    await planning.removeMember(unitId, PENILAI2);
    const plan = await readPlan();
    expect(plan.assignments.find((a) => a.unitId === unitId)?.team).not.toContain(
      (await (await dev.request.get(`${fx.server.url}/api/v1/session`)).json()).user?.id,
    );

    await dev.goto(`${fx.server.url}/`);
    await home.heading().waitFor();
    await devContext.setOffline(false);
    const kept = dev.getByTestId("removed-assignments");
    await syncUntil(
      async () => (await kept.count()) > 0 && (await unitRow().count()) === 0,
      "the kept draft",
    );
    const item = kept.locator(`[data-testid="removed-work"][data-assessment="${assessmentId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain(unitName);
    expect(await kept.textContent()).toContain("tetap disimpan di perangkat ini");
    expect(await kept.textContent()).toContain("server tidak akan menerima perubahan lagi");
    await item.getByText("Lihat isi").click();
    expect(await item.locator("pre").textContent()).toContain("Imunisasi");
    // The queued edits were refused with the clear code, in words.
    const rejections = dev.getByTestId("rejections");
    await rejections
      .filter({ hasText: "dikeluarkan dari penugasan ini" })
      .waitFor({ timeout: SYNC_TIMEOUT_MS });
    await dev.screenshot({ path: resultPath("planning-removed-360.png"), fullPage: true });
    // Nothing of it reached the server.
    const onServer = await sup.request.get(`${fx.server.url}/api/v1/assessments/${assessmentId}`);
    expect(onServer.status()).toBe(404);
  });
});
