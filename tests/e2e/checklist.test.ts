// The assessor's field workflow (product.md journey 2–3): offline, start a visit, products and
// respondents, every item answered by clicking, three photos, the live score; the browser killed
// mid-checklist and relaunched offline with nothing lost; submit, sync, and the server holding the
// same answers, the same score and byte-identical photos. Plus two tabs on one checklist.
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInstrument, scoreAssessment } from "../../src/domain";
import type { AssessmentState, PullResponse } from "../../src/domain/sync/protocol";
import { type AnswerChoice, ChecklistPage } from "./pages/checklist-page";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import {
  firstPage,
  launchProfile,
  seriousAxeViolations,
  waitForServiceWorkerControl,
} from "./support/browser";
import { readDevice, readEvidenceBase64 } from "./support/device-db";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { ROOT, resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const SYNC_TIMEOUT_MS = 30_000;
const PHOTOS = ["papan-informasi.jpg", "maklumat.jpg", "kanal-pengaduan.jpg"].map((name) =>
  join(ROOT, "tests", "fixtures", "photos", name),
);

describe("lembar penilaian (checklist)", () => {
  let fx: E2eFixture;
  let context: BrowserContext | undefined;
  let page: Page;
  let profile: string;
  let dbName: string;
  let assessmentId = "";

  beforeAll(async () => {
    fx = await setUpE2e("checklist");
    profile = fx.profileDir("penilai1");
  });

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  const open = async () => {
    // bypassCSP only so axe-core can be injected (see accessibility.test.ts).
    context = await launchProfile(profile, { bypassCSP: true });
    page = await firstPage(context);
    return new ChecklistPage(page);
  };

  /** Online login and first sync, then the service worker in control (ready to go offline). */
  const logIn = async (): Promise<HomePage> => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    const home = new HomePage(page);
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    await waitForServiceWorkerControl(page);
    const session = await page.request.get(`${fx.server.url}/api/v1/session`);
    dbName = `patuh-${((await session.json()) as { user: { id: string } }).user.id}`;
    return home;
  };

  /**
   * Logged in (when a test runs on its own with -t, after the first test the browser is reused),
   * online or offline, on the home: opens the next unit not started yet and starts its visit.
   */
  const startNextVisit = async (online: boolean): Promise<{ sheet: ChecklistPage; id: string }> => {
    if (!context) {
      await open();
      await logIn();
    }
    await context!.setOffline(!online);
    await page.goto(`${fx.server.url}/`);
    const home = new HomePage(page);
    await home.units.first().waitFor();
    const next = home.units.filter({ has: page.locator('a[href^="/penugasan/"]') }).first();
    await next.getByRole("link").click();
    const sheet = new ChecklistPage(page);
    return { sheet, id: await sheet.startVisit() };
  };

  it("works offline end to end, survives a browser kill, and syncs the same answers, score and photos", async () => {
    let sheet = await open();
    const base = fx.server.url;
    const home = await logIn();

    await context!.setOffline(true);
    await home.units.first().getByRole("link").click();
    assessmentId = await sheet.startVisit();
    expect(page.url()).toBe(`${base}/penilaian/${assessmentId}`);
    expect(await sheet.status.getAttribute("data-status")).toBe("draft");

    await sheet.addProducts(2);
    await sheet.addRespondents("official", 4);
    await sheet.addRespondents("user", 5);
    await page
      .locator('[data-testid="respondents-official"] li.respondent input[type=text]')
      .first()
      .fill("Budi Santoso");
    await page
      .locator('[data-testid="respondents-official"] li.respondent select')
      .first()
      .selectOption("head");
    expect(await sheet.products.count()).toBe(2);

    // Three instances get a photo and the best answer; other photo_required ones are scored 0
    // (no photo needed), everything else gets the best answer.
    const instances = await sheet.instances();
    const firstProduct = instances.find((i) => i.key.startsWith("PR.01@product:"))?.key ?? "";
    const photographed = ["IN.SP.05", firstProduct, "PGD.01"];
    const choiceFor = (i: { key: string; evidence: string }): AnswerChoice =>
      i.evidence === "photo_required" && !photographed.includes(i.key) ? "zero" : "high";
    expect(instances.length).toBeGreaterThan(60);

    const scoreAtStart = await sheet.score();
    const half = Math.floor(instances.length / 2);
    for (const instance of instances.slice(0, half)) await sheet.answer(instance.key, choiceFor(instance));
    await sheet.attachPhoto("IN.SP.05", PHOTOS[0]!);
    await sheet.attachPhoto(firstProduct, PHOTOS[1]!);
    // Resized off the main thread: the photo worker's script was loaded.
    expect(
      await page.evaluate(() =>
        performance.getEntriesByType("resource").some((e) => e.name.includes("photo-worker")),
      ),
    ).toBe(true);
    await sheet.waitSaved();
    const scoreMidway = await sheet.score();
    expect(scoreMidway).toBeGreaterThan(scoreAtStart);
    const answeredBeforeKill = await sheet.answeredCount();
    const deviceBeforeKill = await readDevice(page, dbName, assessmentId);
    await sheet.show(instances[half - 1]!.key);
    await page.locator(`.instance[data-anchor="${instances[half - 1]!.key}"]`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(600); // the remembered place is written at most every 400 ms

    // Kill the browser mid-checklist and relaunch it offline.
    await context!.close();
    context = undefined;
    sheet = await open();
    await context!.setOffline(true);
    await page.goto(`${base}/penilaian/${assessmentId}`);
    await sheet.root.waitFor();
    expect(await sheet.answeredCount()).toBe(answeredBeforeKill);
    expect(await sheet.products.count()).toBe(2);
    expect(await page.locator("li.respondent").count()).toBe(9);
    expect(await sheet.photosShown()).toBe(2);
    expect(await sheet.score()).toBe(scoreMidway);
    expect((await readDevice(page, dbName, assessmentId)).assessment).toEqual(deviceBeforeKill.assessment);
    await page.waitForFunction(() => window.scrollY > 200); // reopened where the assessor was

    for (const instance of instances.slice(half)) await sheet.answer(instance.key, choiceFor(instance));
    expect(await sheet.submitButton.isDisabled()).toBe(true); // PGD.01 still lacks its photo
    await sheet.attachPhoto("PGD.01", PHOTOS[2]!);
    await sheet.waitSaved();
    expect(await sheet.missing.count()).toBe(0);
    await page
      .locator('article:has([data-anchor="PGD.01"])')
      .screenshot({ path: resultPath("checklist-item-360.png") });
    const deviceScore = await sheet.score();
    expect(deviceScore).toBeGreaterThan(scoreMidway);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resultPath("checklist-360.png") });
    await sheet.scorePanel.locator("summary").click();
    await page.screenshot({ path: resultPath("checklist-score-panel-360.png") });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await sheet.submit();
    await page.locator('[data-testid="assessment-status"][data-status="submitted"]').waitFor();
    await page.getByTestId("read-only").waitFor();
    expect(await page.locator("fieldset.answer input").first().isDisabled()).toBe(true);

    const device = await readDevice(page, dbName, assessmentId);
    const deviceState = device.assessment as unknown as AssessmentState;
    expect(deviceState.evidence).toHaveLength(3);

    // Online: the engine syncs by itself (the `online` event); poll the server until it has it.
    await context!.setOffline(false);
    let server: AssessmentState | undefined;
    let pull: PullResponse | undefined;
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const response = await page.request.get(`${base}/api/v1/sync/pull?clientId=${device.clientId}`);
      pull = (await response.json()) as PullResponse;
      const op = pull.patch.find(
        (p) => p.op === "put" && p.type === "assessment" && p.value.id === assessmentId,
      );
      server = op?.op === "put" && op.type === "assessment" ? (op.value as AssessmentState) : undefined;
      if (server?.status === "submitted") break;
      await page.waitForTimeout(500);
    }
    expect(server?.status).toBe("submitted");
    expect(server!.answers).toEqual(deviceState.answers);
    expect(server!.products).toEqual(deviceState.products);
    expect(server!.respondents).toEqual(deviceState.respondents);

    const record = pull!.patch.find((p) => p.op === "put" && p.type === "instrument");
    if (record?.op !== "put" || record.type !== "instrument") throw new Error("no instrument in the pull");
    const parsed = parseInstrument(record.value.definition);
    if (!parsed.ok) throw new Error("instrument does not parse");
    const serverScore = scoreAssessment(parsed.instrument, server!);
    expect(serverScore.complete).toBe(true);
    expect(serverScore.total).toBe(deviceScore);

    for (const evidence of server!.evidence) {
      const response = await page.request.get(`${base}/api/v1/evidence/${evidence.sha256}`);
      expect(response.status()).toBe(200);
      const onServer = (await response.body()).toString("base64");
      expect(onServer).toBe(await readEvidenceBase64(page, dbName, evidence.sha256));
    }
    expect(new Set(server!.evidence.map((e) => e.key))).toEqual(new Set(photographed));
    // The 2400 × 1800 photo was resized to the 1600 px limit and re-encoded as JPEG.
    const large = server!.evidence.find((e) => e.key === "IN.SP.05");
    expect([large?.mime, large?.width, large?.height]).toEqual(["image/jpeg", 1600, 1200]);
  }, 240_000); // ~90 items answered by clicking, a browser restart and a sync on two shared cores

  it("keeps every edit of two tabs on the same checklist", async () => {
    const base = fx.server.url;
    const { sheet: tabA, id } = await startNextVisit(false);
    const pageB = await context!.newPage();
    const tabB = new ChecklistPage(pageB);
    await pageB.goto(`${base}/penilaian/${id}`);
    await tabB.root.waitFor();

    await tabA.addProducts(1);
    await tabB.products.first().waitFor(); // A's product appears in B without a reload
    await tabA.answer("IN.SP.01", "high");
    await tabB.answer("IN.SP.02", "high");
    await tabB.instance("IN.SP.01").locator('input[value="3"]:checked').waitFor({ state: "attached" });
    await tabB.answer("IN.SP.01", "zero"); // B saw A's answer: its edit names it as `previous`
    await tabA.instance("IN.SP.02").locator('input[value="3"]:checked').waitFor({ state: "attached" });
    await tabA.instance("IN.SP.01").locator('input[value="0"]:checked').waitFor({ state: "attached" });
    await tabA.waitSaved();
    await tabB.waitSaved();

    // A note typed in A (saved on blur) and a photo added in A and removed in B reach the other tab.
    await tabA.instance("IN.SP.03").locator("[data-note-add]").click();
    await tabA.instance("IN.SP.03").locator("textarea").fill("SOP belum ditetapkan");
    await tabA.instance("IN.SP.03").locator("textarea").blur();
    await tabB.instance("IN.SP.03").locator("textarea").waitFor();
    expect(await tabB.instance("IN.SP.03").locator("textarea").inputValue()).toBe("SOP belum ditetapkan");
    await tabA.attachPhoto("IN.SP.05", PHOTOS[1]!);
    await tabB.instance("IN.SP.05").locator(".photos__item img").waitFor();
    await tabB.instance("IN.SP.05").locator(".photos__remove").click();
    await tabA.instance("IN.SP.05").locator(".photos__item").waitFor({ state: "detached" });

    // "Yang belum lengkap" jumps to the item and puts focus in it.
    await page.locator('[data-testid="missing-list"] button[data-code="missing_answer"]').first().click();
    expect(await page.evaluate(() => document.activeElement?.closest(".instance") !== null)).toBe(true);

    const device = await readDevice(page, dbName, id);
    const edits = device.outbox
      .filter((row) => row.mutation.name === "assessment.setAnswer")
      .map((row) => row.mutation.args);
    expect(edits).toEqual([
      { assessmentId: id, key: "IN.SP.01", value: 3, previous: null },
      { assessmentId: id, key: "IN.SP.02", value: 3, previous: null },
      { assessmentId: id, key: "IN.SP.01", value: 0, previous: 3 },
    ]);
    const answers = (device.assessment as unknown as AssessmentState).answers;
    expect(answers).toEqual({ "IN.SP.01": 0, "IN.SP.02": 3 });
    const mine = device.assessment as unknown as AssessmentState;
    expect(mine.notes).toEqual({ "IN.SP.03": "SOP belum ditetapkan" });
    expect(mine.evidence).toEqual([]);
    await pageB.close();
  });

  /** Polls the device until none of the assessment's edits waits for the server any more. */
  const waitSynced = async (on: Page, id: string): Promise<void> => {
    const until = Date.now() + SYNC_TIMEOUT_MS;
    while ((await readDevice(on, dbName, id)).outbox.length > 0) {
      if (Date.now() > until) throw new Error(`edits of ${id} still pending after ${SYNC_TIMEOUT_MS} ms`);
      await on.waitForTimeout(250);
    }
  };

  it("shows another device's conflicting answer next to the item and resolves it by choosing a value", async () => {
    const base = fx.server.url;
    // Device A starts a visit online and answers IN.SP.01 = 3; it reaches the server.
    const { sheet: deviceA, id } = await startNextVisit(true);
    await deviceA.answer("IN.SP.01", "high");
    await waitSynced(page, id);

    // Device B (another browser profile, same assessor) sees 3 and changes it to 0.
    const contextB = await launchProfile(fx.profileDir("penilai1-tablet"));
    try {
      const pageB = await firstPage(contextB);
      const login = new LoginPage(pageB);
      await login.goto(base);
      await login.logIn("penilai1", DEMO_PASSWORD);
      await new HomePage(pageB).readiness
        .filter({ hasText: "Siap luring" })
        .waitFor({ timeout: SYNC_TIMEOUT_MS });
      await pageB.goto(`${base}/penilaian/${id}`);
      const deviceB = new ChecklistPage(pageB);
      await deviceB.instance("IN.SP.01").locator('input[value="3"]:checked').waitFor({ state: "attached" });
      await deviceB.answer("IN.SP.01", "zero");
      await waitSynced(pageB, id);
    } finally {
      await contextB.close();
    }

    // Meanwhile device A, offline, changed the same answer to 2 without seeing B's 0.
    await context!.setOffline(true);
    const slot = deviceA.instance("IN.SP.01").locator("fieldset.answer").first();
    await slot.locator('label:has(input[value="2"])').click();
    await slot.locator('input[value="2"]:checked').waitFor({ state: "attached" });
    await context!.setOffline(false); // back online: the engine syncs; the server records the conflict
    const conflict = deviceA.instance("IN.SP.01").getByTestId("conflict");
    await conflict.waitFor({ timeout: SYNC_TIMEOUT_MS });
    expect(await conflict.getAttribute("data-key")).toBe("IN.SP.01");
    const values = conflict.getByTestId("conflict-value");
    expect(await values.count()).toBe(2);
    expect(await values.nth(0).textContent()).toContain("0 —");
    expect(await values.nth(1).textContent()).toContain("2 —");
    expect(await values.nth(1).getAttribute("data-current")).toBe("true");
    expect(await conflict.textContent()).toMatch(/Dua jawaban berbeda/);

    // Choosing B's value is an ordinary edit naming the current value (2) as previous: resolved.
    await values.nth(0).getByRole("button", { name: "Pakai nilai ini" }).click();
    await conflict.waitFor({ state: "detached" });
    await slot.locator('input[value="0"]:checked').waitFor({ state: "attached" });
    const device = await readDevice(page, dbName, id);
    expect(device.outbox.map((row) => row.mutation.args).at(-1)).toEqual({
      assessmentId: id,
      key: "IN.SP.01",
      value: 0,
      previous: 2,
    });
    await waitSynced(page, id);
    const after = (await readDevice(page, dbName, id)).assessment as unknown as AssessmentState;
    expect([after.answers["IN.SP.01"], after.conflicts]).toEqual([0, []]);
  }, 180_000);

  it("says plainly when the device is full and keeps nothing of the refused edit", async () => {
    const { sheet, id } = await startNextVisit(false);
    const before = await readDevice(page, dbName, id);
    expect(before.assessment?.status).toBe("draft");

    // The browser refuses the outbox append as a full disk does: QuotaExceededError inside the edit's
    // transaction, after the local view was already written in it. (Chromium's CDP quota override,
    // Storage.overrideQuotaForOrigin, does not take effect in Debian's build: checked.)
    const refuseAppends = (on: boolean) =>
      page.evaluate((on) => {
        const proto = IDBObjectStore.prototype as IDBObjectStore & { __patuhAdd?: IDBObjectStore["add"] };
        proto.__patuhAdd ??= proto.add;
        const original = proto.__patuhAdd;
        proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["add"]>) {
          if (on && this.name === "outbox")
            throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          return original.apply(this, args);
        };
      }, on);
    await refuseAppends(true);
    try {
      const slot = sheet.instance("IN.SP.04").locator("fieldset.answer").first();
      await slot.locator('label:has(input[value="1"])').click();
      const alert = page.locator('[data-testid="save-status"][data-state="full"]');
      await alert.waitFor();
      expect(await alert.getAttribute("role")).toBe("alert");
      expect(await alert.textContent()).toMatch(/penyimpanan perangkat penuh/i);
      // The tapped option falls back to what is stored (nothing), and the device holds nothing new.
      await slot.locator("input:checked").waitFor({ state: "detached" });
    } finally {
      await refuseAppends(false);
    }
    const after = await readDevice(page, dbName, id);
    expect(after.outbox).toEqual(before.outbox);
    expect(after.assessment).toEqual(before.assessment);

    // With space again, the same tap is saved.
    await sheet.answer("IN.SP.04", "zero");
    await sheet.waitSaved();
    expect((await readDevice(page, dbName, id)).outbox.length).toBe(before.outbox.length + 1);
  });
});
