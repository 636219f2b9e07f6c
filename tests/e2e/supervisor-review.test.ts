// The supervisor's review in the browser (issue #6 acceptance): penilai1's Kota Pontianak units are
// completed with photos and submitted over real HTTP (FieldApi), so the e2e time goes to the
// screens under test. The supervisor opens the queue, looks at an item's photo full size, returns
// one checklist with a general and an item comment; penilai1's device shows it returned with the
// comment beside the item, and re-submits it from the device; the supervisor approves it; with every
// other Pontianak unit approved, the pemda result turns from provisional to final. On the way: a
// stale decision answers 409 in words with a reload, the progress, review, results and rapor screens
// pass axe at 360 × 740, and the rapor prints without the app's chrome.
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecklistPage } from "./pages/checklist-page";
import { FieldApi } from "./pages/field-api";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { ReviewApi } from "./pages/review-api";
import { ReviewPage } from "./pages/review-page";
import { firstPage, launchProfile, seriousAxeViolations } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { ROOT, resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const SYNC_TIMEOUT_MS = 30_000;
const PONTIANAK = "Kota Pontianak";
const ITEM = "IN.SP.05"; // unit level, photo_required: carries the photo
const GENERAL_COMMENT = "Foto loket kurang jelas";
const ITEM_COMMENT = "Mohon foto ulang papan informasi";
const PHOTO = join(ROOT, "tests", "fixtures", "photos", "papan-informasi.jpg");

interface ProgressBody {
  pemda: { name: string; units: { name: string; assignmentId: string; unitId: string }[] }[];
}

describe("supervisor review", () => {
  let fx: E2eFixture;
  let staff: BrowserContext;
  let device: BrowserContext;
  let sup: Page;
  let phone: Page;
  let review: ReviewPage;
  let admin: ReviewApi;
  const ids: { unit: string; id: string }[] = [];

  beforeAll(async () => {
    fx = await setUpE2e("supervisor-review");
    // bypassCSP only so axe-core can be injected into the supervisor's pages.
    staff = await launchProfile(fx.profileDir("supervisor"), { bypassCSP: true });
    sup = await firstPage(staff);
    review = new ReviewPage(sup);
    const base = fx.server.url;
    const field = await FieldApi.logIn(base, "penilai1", DEMO_PASSWORD);
    const office = await FieldApi.logIn(base, "supervisor", DEMO_PASSWORD);
    admin = await ReviewApi.logIn(base, "admin", DEMO_PASSWORD);
    const { periods } = await office.get<{
      periods: { id: string; instrumentId: string; instrumentVersion: number }[];
    }>("/periods");
    const period = periods[0];
    if (!period) throw new Error("no period");
    const progress = await office.get<ProgressBody>(`/progress?periodId=${period.id}`);
    const units = progress.pemda.find((p) => p.name === PONTIANAK)?.units ?? [];
    expect(units.length).toBeGreaterThan(1);
    const photo = await field.uploadPhoto(PHOTO);
    for (const unit of units) {
      const id = await field.submitComplete(
        unit,
        { id: period.instrumentId, version: period.instrumentVersion },
        photo,
      );
      ids.push({ unit: unit.name, id });
    }
  }, 120_000);

  explainFailures(
    "supervisor-review",
    () => sup,
    () => fx,
  );

  afterAll(async () => {
    await device?.close();
    await staff?.close();
    await fx?.cleanup();
  });

  const first = () => {
    const x = ids[0];
    if (!x) throw new Error("no assessment");
    return x;
  };

  it("queues the submitted checklists; the review shows answers, the photo full size, and passes axe", async () => {
    const login = new LoginPage(sup);
    await login.goto(fx.server.url);
    await login.logIn("supervisor", DEMO_PASSWORD);
    // The supervisor's home is the progress overview.
    await sup.getByTestId("progress-screen").waitFor();
    const pontianak = sup.locator(`[data-testid="progress-pemda"][data-pemda="${PONTIANAK}"]`);
    expect(await pontianak.locator('[data-count="submitted"] dd').textContent()).toBe(String(ids.length));
    expect(await seriousAxeViolations(sup)).toEqual([]);

    await review.gotoQueue(fx.server.url);
    await review.queueItem(first().unit).waitFor();
    await review.queueItem(first().unit).getByRole("link").click();
    await review.screen.waitFor();
    expect(await review.screen.getAttribute("data-assessment")).toBe(first().id);
    expect(await review.status.getAttribute("data-status")).toBe("submitted");

    const photo = review.instance(ITEM).getByRole("button", { name: /Perbesar foto 1/ });
    await photo.scrollIntoViewIfNeeded();
    await photo.click();
    await review.viewer.locator("img").waitFor();
    expect(
      await review.viewer.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    await sup.keyboard.press("Escape");
    await review.viewer.waitFor({ state: "hidden" });

    await sup.screenshot({ path: resultPath("supervisor-review-360.png") });
    expect(await seriousAxeViolations(sup)).toEqual([]);
  });

  it("returns the checklist with an item comment; the assessor's device shows it and re-submits", async () => {
    await review.comment(ITEM, ITEM_COMMENT);
    await review.generalComment(GENERAL_COMMENT);
    await review.decide("return");
    await review.outcome.waitFor();
    expect(await review.outcome.getAttribute("data-decision")).toBe("return");
    await review.outcome.getByRole("button").click();
    await sup.locator('[data-testid="review-status"][data-status="returned"]').waitFor();
    // The audit names the supervisor and keeps the item comment.
    const trail = sup.getByTestId("review-decision");
    expect(await trail.textContent()).toContain(ITEM_COMMENT);
    expect(await trail.textContent()).toMatch(/oleh .*(Supervisor|supervisor|\w)/);
    expect(await trail.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);

    device = await launchProfile(fx.profileDir("penilai1"));
    phone = await firstPage(device);
    const home = new HomePage(phone);
    const sheet = new ChecklistPage(phone);
    const login = new LoginPage(phone);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    const row = home.pemda(PONTIANAK).locator(`[data-testid="unit-item"][data-unit="${first().unit}"]`);
    const syncUntil = async (state: string) => {
      const deadline = Date.now() + SYNC_TIMEOUT_MS;
      while ((await row.getAttribute("data-state").catch(() => null)) !== state) {
        if (Date.now() > deadline) throw new Error(`the unit never showed ${state}`);
        await home.syncNow().catch(() => undefined);
        await phone.waitForTimeout(1_000);
      }
    };
    await row.waitFor({ timeout: SYNC_TIMEOUT_MS });
    await syncUntil("returned");
    await row.getByRole("link").click();
    await sheet.root.waitFor();
    const comment = sheet.instance(ITEM).getByTestId("review-comment");
    await comment.waitFor();
    expect(await comment.textContent()).toContain(ITEM_COMMENT);
    expect(await phone.getByTestId("returned-banner").textContent()).toContain(GENERAL_COMMENT);

    await sheet.submit();
    await phone.locator('[data-testid="assessment-status"][data-status="submitted"]').waitFor();
    await phone.goto(`${fx.server.url}/`);
    await home.heading().waitFor();
    await syncUntil("submitted");
  }, 120_000);

  it("says a stale decision in words, then approves; the pemda result turns final", async () => {
    await review.gotoResults(fx.server.url);
    expect(await review.resultRow(PONTIANAK).getAttribute("data-final")).toBe("false");
    expect(await seriousAxeViolations(sup)).toEqual([]);
    await sup.screenshot({ path: resultPath("supervisor-results-360.png"), fullPage: true });

    // Another reviewer decides on the second unit while this screen shows the old revision.
    const other = ids[1];
    if (!other) throw new Error("no second assessment");
    await review.open(fx.server.url, other.id);
    const seen = await admin.assessment(other.id);
    expect((await admin.review(other.id, { decision: "approve", revision: seen.revision })).status).toBe(200);
    await review.decide("approve");
    await review.error.waitFor();
    expect(await review.error.getAttribute("data-code")).toBe("stale_revision");
    expect(await review.error.textContent()).toContain("sudah berubah");
    await review.error.getByRole("button", { name: "Muat ulang" }).click();
    await sup.locator('[data-testid="review-status"][data-status="approved"]').waitFor();

    // Every other Pontianak unit approved over HTTP; the re-submitted one through the screen.
    for (const x of ids.slice(2)) {
      const a = await admin.assessment(x.id);
      expect((await admin.review(x.id, { decision: "approve", revision: a.revision })).status).toBe(200);
    }
    await admin.waitFor(first().id, (a) => a.status === "submitted", SYNC_TIMEOUT_MS);
    await review.open(fx.server.url, first().id);
    expect(await review.status.getAttribute("data-status")).toBe("submitted");
    await review.decide("approve");
    await review.outcome.waitFor();
    expect(await review.outcome.getAttribute("data-decision")).toBe("approve");

    await review.gotoResults(fx.server.url);
    const row = review.resultRow(PONTIANAK);
    expect(await row.getAttribute("data-final")).toBe("true");
    expect(await row.getByTestId("pemda-final").textContent()).toBe("Final");
    expect(await row.getByTestId("pemda-score").textContent()).not.toBe("Belum ada nilai");
  }, 120_000);

  it("prints a rapor per pemda listing every unit", async () => {
    await review.gotoResults(fx.server.url);
    await review.resultRow(PONTIANAK).getByRole("link").click();
    await sup.getByTestId("rapor-unit").first().waitFor();
    expect(await sup.getByTestId("rapor-unit").count()).toBe(ids.length);
    expect(await sup.getByRole("heading", { level: 1 }).textContent()).toContain(PONTIANAK);
    expect(await seriousAxeViolations(sup)).toEqual([]);
    // The print stylesheet drops the app's chrome and the buttons.
    await sup.emulateMedia({ media: "print" });
    expect(await sup.locator(".staff-nav").isVisible()).toBe(false);
    expect(await sup.getByRole("button", { name: "Cetak" }).isVisible()).toBe(false);
    await sup.emulateMedia({ media: "screen" });
    expect(await sup.getByRole("button", { name: "Cetak" }).isVisible()).toBe(true);
  });
});
