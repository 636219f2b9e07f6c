import type { Locator, Page } from "playwright-core";

/** How to answer one instance: "high" = best option, "zero" = scored 0 (no photo needed). */
export type AnswerChoice = "high" | "zero";

const HIGH = ["3", "yes", "never"];
const ZERO = ["0", "no", "experienced"];

/** The start-visit screen (/penugasan/:id) and the lembar penilaian (/penilaian/:id). */
export class ChecklistPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId("checklist");
  }

  async startVisit(): Promise<string> {
    await this.page.getByTestId("start-visit").click();
    await this.root.waitFor();
    const id = await this.root.getAttribute("data-assessment");
    if (!id) throw new Error("no assessment id on the checklist");
    return id;
  }

  get saveStatus(): Locator {
    return this.page.getByTestId("save-status");
  }

  get status(): Locator {
    return this.page.getByTestId("assessment-status");
  }

  get scorePanel(): Locator {
    return this.page.getByTestId("score-panel");
  }

  async score(): Promise<number> {
    return Number(await this.page.getByTestId("score-total").getAttribute("data-score"));
  }

  get products(): Locator {
    return this.page.getByTestId("products").locator("li");
  }

  /** Adds the first `count` suggested products (falling back to typed names). */
  async addProducts(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const before = await this.products.count();
      const suggested = this.page.locator(".suggested button").first();
      if (await suggested.isVisible()) await suggested.click();
      else {
        await this.page.locator("#product-name").fill(`Produk uji ${i + 1}`);
        await this.page.getByRole("button", { name: "Tambah produk" }).click();
      }
      await this.products.nth(before).waitFor();
    }
  }

  async addRespondents(kind: "official" | "user", count: number): Promise<void> {
    const list = this.page.getByTestId(`respondents-${kind}`).locator("li.respondent");
    for (let i = 0; i < count; i++) {
      const before = await list.count();
      await this.page.locator(`[data-add-respondent="${kind}"]`).click();
      await list.nth(before).waitFor();
    }
  }

  instance(baseKey: string): Locator {
    return this.page.locator(`.instance[data-anchor="${baseKey}"]`);
  }

  /** The section headers (the sheet renders one section at a time; a header opens its section). */
  get sectionToggles(): Locator {
    return this.page.getByTestId("section-toggle");
  }

  /** Opens section `i` (0-based) unless it is open. */
  async openSection(i: number): Promise<void> {
    const toggle = this.sectionToggles.nth(i);
    const body = this.page.locator(`#${(await toggle.getAttribute("aria-controls")) ?? ""}`);
    // The sheet may still be restoring the place it was left at (it opens that section a moment
    // after loading): a tap read as "closed" may then close it again, so look once more.
    for (let tries = 0; tries < 3; tries++) {
      if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
      if (
        await body.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        )
      )
        return;
    }
    await body.waitFor();
  }

  /** Brings an instance block on the sheet, opening the sections in turn until it is there. */
  async show(baseKey: string): Promise<void> {
    if ((await this.instance(baseKey).count()) > 0) return;
    const sections = await this.sectionToggles.count();
    for (let i = 0; i < sections; i++) {
      await this.openSection(i);
      if ((await this.instance(baseKey).count()) > 0) return;
    }
    throw new Error(`no instance ${baseKey} in any section`);
  }

  /** Runs `look` on each section in turn (opened one after the other) and joins the results. */
  private async acrossSections<T>(look: () => Promise<T[]>): Promise<T[]> {
    const out: T[] = [];
    const sections = await this.sectionToggles.count();
    for (let i = 0; i < sections; i++) {
      await this.openSection(i);
      out.push(...(await look()));
    }
    return out;
  }

  /** Base keys of every instance block on the sheet, in order, with their evidence rule. */
  async instances(): Promise<{ key: string; evidence: string }[]> {
    return this.acrossSections(() =>
      this.page.locator(".instance[data-anchor]").evaluateAll((els) =>
        els.map((el) => ({
          key: el.getAttribute("data-anchor") ?? "",
          evidence: el.getAttribute("data-evidence") ?? "",
        })),
      ),
    );
  }

  /** Answers every slot of one instance by clicking, like an assessor would. */
  async answer(baseKey: string, choice: AnswerChoice): Promise<void> {
    await this.show(baseKey);
    const block = this.instance(baseKey);
    const wanted = choice === "high" ? HIGH : ZERO;
    // One look at the block says what to click in each of its fieldsets (few round trips: fast).
    const plan = await block.locator("fieldset.answer").evaluateAll(
      (sets, wanted) =>
        sets.map((set) => {
          const radios = [...set.querySelectorAll<HTMLInputElement>("input[type=radio]")].map((r) => r.value);
          return radios.length > 0 ? (radios.find((v) => wanted.includes(v)) ?? null) : "checklist";
        }),
      wanted,
    );
    for (const [i, value] of plan.entries()) {
      const fieldset = block.locator("fieldset.answer").nth(i);
      if (value === null) throw new Error(`no ${choice} option for ${baseKey}`);
      if (value !== "checklist") {
        // click, then wait for the device to hold it (data-stored), not just for the radio to show
        // it: what depends on the stored answer (score, what is missing, "Ajukan") follows it.
        await fieldset.locator(`label:has(input[value="${value}"])`).click();
        await fieldset
          .and(this.page.locator(`[data-stored="${value}"]`))
          .waitFor({ state: "attached", timeout: 10_000 })
          .catch(async (error: unknown) => {
            const html = await fieldset.evaluate((el) => el.outerHTML);
            const status = await this.page.getByTestId("save-status").textContent();
            throw new Error(`${String(error)}\nfieldset: ${html}\nstatus: ${status}`);
          });
      } else if (choice === "zero") {
        await fieldset.locator('button[data-action="none"]').click();
        await fieldset.and(this.page.locator('[data-answered="true"]')).waitFor();
      } else {
        const boxes = await fieldset.locator("input[type=checkbox]").all();
        for (const box of boxes) await box.check();
        const all = await fieldset
          .locator("input[type=checkbox]")
          .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value).join(" "));
        await fieldset.and(this.page.locator(`[data-stored="${all}"]`)).waitFor();
      }
    }
  }

  async attachPhoto(baseKey: string, file: string): Promise<void> {
    await this.show(baseKey);
    const block = this.instance(baseKey);
    const before = await block.locator(".photos__item").count();
    await block.locator('input[data-photo-input="gallery"]').setInputFiles(file);
    await block.locator(".photos__item img").nth(before).waitFor();
  }

  async waitSaved(): Promise<void> {
    await this.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  }

  async answeredCount(): Promise<number> {
    const counts = await this.acrossSections(async () => [
      await this.page
        .locator("fieldset.answer[data-key]")
        .evaluateAll((els) => els.filter((el) => el.getAttribute("data-answered") === "true").length),
    ]);
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Photos listed on the sheet, over every section (their thumbnails load a moment later). */
  async photosShown(): Promise<number> {
    const counts = await this.acrossSections(async () => [await this.page.locator(".photos__item").count()]);
    return counts.reduce((a, b) => a + b, 0);
  }

  get missing(): Locator {
    return this.page.getByTestId("missing-list").locator("li");
  }

  get submitButton(): Locator {
    return this.page.getByTestId("submit");
  }

  /** "Ajukan", then "Ya, ajukan" in the confirmation that says what is sent. */
  async submit(): Promise<void> {
    await this.submitButton.click();
    await this.page.getByTestId("submit-confirm-yes").click();
  }
}
