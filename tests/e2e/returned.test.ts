// A returned checklist comes back with comments, is fixed and re-submitted (product.md journey 4):
// penilai1 fills and submits a Pontianak unit; the supervisor returns it over real HTTP with a
// general comment and a comment on IN.SP.05; after a sync the device shows "Dikembalikan", the
// banner and the comment next to the item, and the sheet is editable again; the assessor changes
// that answer, adds a photo and re-submits; the server has it `submitted` at a higher revision with
// both values in the history; the supervisor approves and the device shows "Disetujui", read-only.
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecklistPage } from "./pages/checklist-page";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { ReviewApi } from "./pages/review-api";
import { firstPage, launchProfile, waitForServiceWorkerControl } from "./support/browser";
import { readDevice } from "./support/device-db";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { ROOT, resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const SYNC_TIMEOUT_MS = 30_000;
const PONTIANAK = "Kota Pontianak";
const ITEM = "IN.SP.05"; // unit level, photo_required: answered 0 first, 3 with a photo after the return
const GENERAL_COMMENT = "Foto loket kurang jelas";
const ITEM_COMMENT = "Mohon foto ulang papan informasi";
const PHOTO = join(ROOT, "tests", "fixtures", "photos", "papan-informasi.jpg");

describe("a returned checklist", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;
  let home: HomePage;
  let sheet: ChecklistPage;
  let supervisor: ReviewApi;
  let dbName = "";
  let unitName = "";
  let assessmentId = "";
  let submittedRevision = 0;
  let returnedRevision = 0;

  beforeAll(async () => {
    fx = await setUpE2e("returned");
    context = await launchProfile(fx.profileDir("penilai1"));
    page = await firstPage(context);
    home = new HomePage(page);
    sheet = new ChecklistPage(page);
  });

  explainFailures(
    "returned",
    () => page,
    () => fx,
  );

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  /** The Pontianak unit's row on the home screen. */
  const unitRow = (state = "") =>
    home
      .pemda(PONTIANAK)
      .locator(`[data-testid="unit-item"][data-unit="${unitName}"]${state ? `[data-state="${state}"]` : ""}`);

  /** Home, "Sinkronkan sekarang", until the unit shows `state` (retrying: a run may be in flight). */
  const syncUntilUnitState = async (state: string, words: string) => {
    await page.goto(`${fx.server.url}/`);
    await home.heading().waitFor();
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    while ((await unitRow().getAttribute("data-state")) !== state) {
      if (Date.now() > deadline) throw new Error(`the unit never showed ${state} after syncing`);
      await home.syncNow();
      await unitRow(state)
        .waitFor({ timeout: 3_000 })
        .catch(() => undefined);
    }
    expect(await unitRow().getByTestId("unit-state").textContent()).toContain(words);
  };

  const openUnit = async () => {
    await unitRow().getByRole("link").click();
    await sheet.root.waitFor();
    expect(await sheet.root.getAttribute("data-assessment")).toBe(assessmentId);
  };

  it("is filled completely and submitted by the assessor", async () => {
    const base = fx.server.url;
    const login = new LoginPage(page);
    await login.goto(base);
    await login.logIn("penilai1", DEMO_PASSWORD);
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    await waitForServiceWorkerControl(page);
    const session = await page.request.get(`${base}/api/v1/session`);
    dbName = `patuh-${((await session.json()) as { user: { id: string } }).user.id}`;

    // Filled offline, as at the counter; synced when back online.
    await context.setOffline(true);
    const row = home.pemda(PONTIANAK).getByTestId("unit-item").first();
    unitName = (await row.getAttribute("data-unit")) ?? "";
    expect(unitName).not.toBe("");
    await row.getByRole("link").click();
    assessmentId = await sheet.startVisit();

    await sheet.addProducts(2);
    await sheet.addRespondents("official", 4);
    await sheet.addRespondents("user", 5);
    // Kept short: photo_required items get 0 (no photo needed), everything else the best answer.
    const instances = await sheet.instances();
    expect(instances.map((i) => i.key)).toContain(ITEM);
    for (const instance of instances) {
      await sheet.answer(instance.key, instance.evidence === "photo_required" ? "zero" : "high");
    }
    await sheet.waitSaved();
    expect(await sheet.missing.count()).toBe(0);
    await sheet.submit();
    await page.locator('[data-testid="assessment-status"][data-status="submitted"]').waitFor();
    await page.getByTestId("read-only").waitFor();

    await context.setOffline(false);
    await syncUntilUnitState("submitted", "Diajukan");
    supervisor = await ReviewApi.logIn(base, "supervisor", DEMO_PASSWORD);
    const onServer = await supervisor.waitFor(assessmentId, (a) => a.status === "submitted", SYNC_TIMEOUT_MS);
    expect(onServer.answers[ITEM]).toBe(0);
    expect(onServer.evidence).toEqual([]);
    submittedRevision = onServer.revision;
  }, 240_000); // ~85 instances answered by clicking on two shared cores

  it("comes back to the device with the supervisor's comments and is editable again", async () => {
    const current = await supervisor.assessment(assessmentId);
    expect(current.revision).toBe(submittedRevision);
    const decision = await supervisor.review(assessmentId, {
      decision: "return",
      comment: GENERAL_COMMENT,
      itemComments: [{ key: ITEM, text: ITEM_COMMENT }],
      revision: current.revision,
    });
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({ id: assessmentId, status: "returned" });
    returnedRevision = (decision.body as { revision: number }).revision;
    expect(returnedRevision).toBeGreaterThan(submittedRevision);

    await syncUntilUnitState("returned", "Dikembalikan");
    await openUnit();
    expect(await sheet.status.getAttribute("data-status")).toBe("returned");

    // The general comment in the banner; the item comment next to its item, and only there.
    const banner = page.getByTestId("returned-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain(GENERAL_COMMENT);
    // The banner lists the commented item by its question, with the comment, as a jump to it.
    const listed = banner.getByTestId("returned-items").getByRole("button");
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toContain("jaminan keamanan dan keselamatan pelayanan");
    expect(await banner.getByTestId("returned-items").textContent()).toContain(ITEM_COMMENT);
    // The jump opens the item's section and brings the item on screen.
    await listed.click();
    const itemComment = sheet.instance(ITEM).getByTestId("review-comment");
    await itemComment.waitFor();
    expect(await itemComment.textContent()).toContain(ITEM_COMMENT);
    expect(await page.getByTestId("review-comment").count()).toBe(1);
    // Once, though a unit item's only answer slot has the instance's own key.
    expect(await itemComment.locator("p", { hasText: ITEM_COMMENT }).count()).toBe(1);
    await itemComment.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resultPath("returned-item-comment-360.png") });

    // Editable again: no read-only notice, enabled answers, "Ajukan" offered (nothing missing).
    expect(await page.getByTestId("read-only").count()).toBe(0);
    expect(await page.locator("fieldset.sheet").evaluate((el: HTMLFieldSetElement) => el.disabled)).toBe(
      false,
    );
    expect(await sheet.instance(ITEM).locator("fieldset.answer input").first().isDisabled()).toBe(false);
    expect(await sheet.submitButton.isDisabled()).toBe(false);
  });

  it("is fixed, re-submitted and reaches the server with both values in the history", async () => {
    await sheet.answer(ITEM, "high");
    // 3 on a photo_required item needs a photo: "Ajukan" waits for it.
    expect(await sheet.submitButton.isDisabled()).toBe(true);
    await sheet.attachPhoto(ITEM, PHOTO);
    await sheet.waitSaved();
    expect(await sheet.missing.count()).toBe(0);
    const device = await readDevice(page, dbName, assessmentId);
    expect(
      device.outbox
        .filter((row) => row.mutation.name === "assessment.setAnswer")
        .map((row) => row.mutation.args),
    ).toEqual([{ assessmentId, key: ITEM, value: 3, previous: 0 }]);

    await sheet.submit();
    await page.locator('[data-testid="assessment-status"][data-status="submitted"]').waitFor();
    await page.getByTestId("read-only").waitFor();

    await syncUntilUnitState("submitted", "Diajukan");
    const onServer = await supervisor.waitFor(
      assessmentId,
      (a) => a.status === "submitted" && a.revision > returnedRevision,
      SYNC_TIMEOUT_MS,
    );
    expect(onServer.answers[ITEM]).toBe(3);
    expect(onServer.evidence.map((e) => e.key)).toEqual([ITEM]);
    const itemHistory = onServer.history
      .filter((h) => h.key === `answer:${ITEM}`)
      .map((h) => ({ old: h.old, new: h.new }));
    expect(itemHistory).toContainEqual({ old: null, new: 0 });
    expect(itemHistory).toContainEqual({ old: 0, new: 3 });
    const actions = onServer.history.map((h) => h.action);
    expect(actions).toContain("review.return");
    expect(actions.filter((a) => a === "assessment.submit").length).toBeGreaterThanOrEqual(2);
    expect(onServer.reviews).toMatchObject([
      {
        decision: "return",
        revision: submittedRevision,
        comment: GENERAL_COMMENT,
        itemComments: [{ key: ITEM, text: ITEM_COMMENT }],
      },
    ]);
  });

  it("is approved by the supervisor and then read-only on the device", async () => {
    const current = await supervisor.assessment(assessmentId);
    const decision = await supervisor.review(assessmentId, {
      decision: "approve",
      revision: current.revision,
    });
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({ id: assessmentId, status: "approved" });

    await syncUntilUnitState("approved", "Disetujui");
    await openUnit();
    expect(await sheet.status.getAttribute("data-status")).toBe("approved");
    expect(await sheet.status.textContent()).toContain("Disetujui");
    await page.getByTestId("read-only").waitFor();
    expect(await page.getByTestId("returned-banner").count()).toBe(0);
    expect(await page.locator("fieldset.sheet").evaluate((el: HTMLFieldSetElement) => el.disabled)).toBe(
      true,
    );
    await sheet.show(ITEM); // a read-only sheet still opens its sections
    expect(await sheet.instance(ITEM).locator("fieldset.answer input").first().isDisabled()).toBe(true);
    expect(await sheet.submitButton.count()).toBe(0);
    const device = await readDevice(page, dbName, assessmentId);
    expect(device.assessment?.status).toBe("approved");
    expect(device.outbox).toEqual([]);
  });
});
