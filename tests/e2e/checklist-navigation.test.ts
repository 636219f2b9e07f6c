// One hand, one phone (360×740): the demo unit's checklist completed with the outline and "next
// unanswered", as an assessor would, every tap counted (photos excluded; scrolling is not a tap).
// On the way it checks what the navigation promises: one section rendered at a time, the scale shown
// once above a question's respondents, a by-respondent view in interview order, "0/0" never shown
// for a group whose products/respondents are not there yet, and missing items named by their
// question with a jump that opens the right section. Screenshots go to test-results/.
import { writeFileSync } from "node:fs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecklistPage } from "./pages/checklist-page";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, waitForServiceWorkerControl } from "./support/browser";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const TAP_TARGET = 150;
const HIGH = ["3", "yes", "never"];
const ZERO = ["0", "no", "experienced"];

describe("checklist navigation at 360×740", () => {
  let fx: E2eFixture;
  let context: BrowserContext | undefined;
  let page: Page;
  let taps = 0;
  const tapLog: string[] = [];

  beforeAll(async () => {
    fx = await setUpE2e("checklist-navigation");
  });

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  /** A tap the assessor makes (Playwright scrolls the target into view first: a swipe, not a tap). */
  const tap = async (target: Locator, why: string) => {
    await target.click();
    taps++;
    tapLog.push(why);
  };

  const shot = (name: string) => page.screenshot({ path: resultPath(`checklist-navigation-${name}.png`) });

  /** Answers every answer slot rendered now, in page order: one tap each (a checklist item: "none"). */
  const answerRendered = async (scope: Locator, why: string) => {
    const plan = await scope.locator("fieldset.answer[data-key]").evaluateAll(
      (sets, { high, zero }) =>
        sets
          .filter((set) => set.getAttribute("data-answered") !== "true")
          .map((set) => {
            const key = set.getAttribute("data-key") ?? "";
            const evidence = set.closest(".instance")?.getAttribute("data-evidence");
            const radios = [...set.querySelectorAll<HTMLInputElement>("input[type=radio]")].map(
              (r) => r.value,
            );
            if (radios.length === 0) return { key, value: null };
            // Photo-required items are scored 0 (no photo needed): photos are not what is counted.
            const wanted = evidence === "photo_required" ? zero : high;
            return { key, value: radios.find((v) => wanted.includes(v)) ?? radios[0] ?? null };
          }),
      { high: HIGH, zero: ZERO },
    );
    for (const { key, value } of plan) {
      const set = page.locator(`fieldset.answer[data-key="${key}"]`);
      if (value === null) {
        await tap(set.locator('button[data-action="none"]'), `${why}: ${key} none`);
        await set.and(page.locator('[data-answered="true"]')).waitFor();
      } else {
        await tap(set.locator(`label:has(input[value="${value}"])`), `${why}: ${key}=${value}`);
        await set.and(page.locator(`[data-stored="${value}"]`)).waitFor({ state: "attached" });
      }
    }
    return plan.length;
  };

  const openFromOutline = async (sectionId: string) => {
    await tap(page.getByTestId("outline-toggle"), "outline");
    await page.getByTestId("outline").waitFor();
    await tap(page.locator(`[data-outline-section="${sectionId}"]`), `outline → ${sectionId}`);
    await page.locator(`#dim-body-${sectionId}`).waitFor();
  };

  it("completes the demo unit with the outline and next-unanswered in at most 150 taps", async () => {
    context = await launchProfile(fx.profileDir("penilai1"));
    page = await firstPage(context);
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    const home = new HomePage(page);
    await home.readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: 30_000 });
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);

    // From the home: the unit, then "Mulai kunjungan".
    await tap(home.units.first().getByRole("link"), "unit");
    await page.getByTestId("start-visit").waitFor();
    await tap(page.getByTestId("start-visit"), "start visit");
    const sheet = new ChecklistPage(page);
    await sheet.root.waitFor();

    // One section rendered at a time, the first with something to answer open.
    const sections = await sheet.sectionToggles.count();
    expect(sections).toBe(4);
    expect(await page.locator(".dimension__body").count()).toBe(1);
    // Before respondents exist, their group says what to do, not "0/0 terjawab".
    const empty = page.locator('#var-IN\\.KP [data-testid="progress"]');
    expect(await empty.getAttribute("data-total")).toBe("0");
    expect(await empty.textContent()).not.toContain("0/0");

    // Missing items are named by their question, and the jump opens the item's section.
    const firstMissing = sheet.missing.filter({ has: page.locator('[data-key="IN.SP.01"]') });
    const missingText = (await firstMissing.textContent()) ?? "";
    expect(missingText).not.toContain("Indikator IN.SP.01");
    expect(missingText).toContain("belum dijawab");
    const question =
      (await page.locator("#q-IN\\.SP\\.01").textContent())?.replace("IN.SP.01", "").trim() ?? "";
    expect(question.length).toBeGreaterThan(10);
    expect(missingText).toContain(question);
    await page.locator('[data-testid="section-toggle"][aria-controls="dim-body-PGD"]').click(); // not counted: a check
    expect(await sheet.instance("IN.SP.01").count()).toBe(0);
    await firstMissing.getByRole("button").click();
    await sheet.instance("IN.SP.01").waitFor();
    await expect
      .poll(() => sheet.instance("IN.SP.01").evaluate((el) => el.getBoundingClientRect().top))
      .toBeLessThan(200);

    // Setup: two suggested products, four officials, five users.
    await page.locator("#section-products").scrollIntoViewIfNeeded();
    for (let i = 0; i < 2; i++) {
      const before = await sheet.products.count();
      await tap(page.locator(".suggested button").first(), "product");
      await sheet.products.nth(before).waitFor();
    }
    for (const [kind, count] of [
      ["official", 4],
      ["user", 5],
    ] as const) {
      const list = page.getByTestId(`respondents-${kind}`).locator("li.respondent");
      for (let i = 0; i < count; i++) {
        await tap(page.locator(`[data-add-respondent="${kind}"]`), `add ${kind}`);
        await list.nth(i).waitFor();
      }
    }

    // Dimensi Input from the outline. The officials' questions: the scale once, a row per official.
    await openFromOutline("IN");
    const official = page.locator('article.indicator[aria-labelledby="q-IN.KP.01"]');
    expect(await official.locator(".rubric").count()).toBe(1);
    expect(await official.locator("fieldset.answer--compact").count()).toBe(4);
    await official.scrollIntoViewIfNeeded();
    await page.getByTestId("outline-toggle").click(); // the screenshot shows the outline; closed again below
    taps++;
    tapLog.push("outline (look)");
    await shot("outline");
    await tap(page.getByTestId("outline-toggle"), "outline closed");
    await shot("compact-officials");
    await answerRendered(page.locator("#dim-body-IN"), "IN");
    expect(await page.locator('[data-outline-section="IN"]').count()).toBe(0); // outline closed

    // Pelaksanaan from the outline: two products, each seen on site and on the website.
    await openFromOutline("PR");
    expect(await page.locator(".dimension__body").count()).toBe(1);
    await answerRendered(page.locator("#dim-body-PR"), "PR");

    // The users are interviewed one at a time: the by-respondent view, "next" between people.
    await tap(page.locator('[data-view="respondent"]'), "by respondent");
    const view = page.getByTestId("respondent-view");
    await view.waitFor();
    await tap(view.locator("[data-respondent]").nth(4), "first user"); // after the 4 officials
    expect(await view.locator("article.indicator").count()).toBe(5);
    await shot("by-respondent");
    for (let user = 0; user < 5; user++) {
      if (user > 0) {
        await tap(page.getByTestId("next-unanswered"), "next → next user");
        await expect
          .poll(() => view.locator(".chip--current").getAttribute("data-respondent"))
          .toBe(
            await view
              .locator("[data-respondent]")
              .nth(4 + user)
              .getAttribute("data-respondent"),
          );
      }
      await answerRendered(view.locator("#respondent-items"), `user ${user + 1}`);
    }

    // The rest with "next unanswered" alone: it goes to the by-question view and opens Pengaduan.
    await tap(page.getByTestId("next-unanswered"), "next → PGD");
    await page.locator("#dim-body-PGD").waitFor();
    expect(await page.locator('[data-view="question"]').getAttribute("aria-pressed")).toBe("true");
    await answerRendered(page.locator("#dim-body-PGD"), "PGD");
    await tap(page.getByTestId("next-unanswered"), "next → all answered");
    await page.getByText("Semua butir sudah dijawab.").waitFor();
    await shot("all-answered");

    // Nothing missing; "Ajukan" and its confirmation.
    expect(await sheet.missing.count()).toBe(0);
    await tap(sheet.submitButton, "submit");
    await tap(page.getByTestId("submit-confirm-yes"), "confirm");
    await expect.poll(() => sheet.status.getAttribute("data-status")).toBe("submitted");
    await shot("submitted");

    const report = `checklist-navigation: ${taps} taps to complete the demo unit (target ≤ ${TAP_TARGET}, photos excluded)`;
    console.log(report);
    writeFileSync(resultPath("checklist-navigation-taps.txt"), `${report}\n${tapLog.join("\n")}\n`);
    expect(taps).toBeLessThanOrEqual(TAP_TARGET);
  });
});
