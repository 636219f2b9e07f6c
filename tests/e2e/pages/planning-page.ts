import type { Locator, Page } from "playwright-core";

/** The supervisor's planning screens (/perencanaan, /perencanaan/:periodId), in Indonesian. */
export class PlanningPage {
  constructor(readonly page: Page) {}

  /** From the staff home: the "Perencanaan" link, then the (first) period. */
  async openFirstPeriod(): Promise<void> {
    await this.page.getByRole("link", { name: "Perencanaan" }).click();
    await this.page.getByRole("heading", { level: 1, name: "Perencanaan" }).waitFor();
    await this.openPeriod();
  }

  /**
   * On the list of periods: opens the period whose link matches `name` (the first when not given)
   * and waits for its plan to load (the pemda select), so the next click lands on a settled screen.
   */
  async openPeriod(name?: string): Promise<void> {
    const periods = this.page.getByTestId("planning-periods");
    await (name === undefined
      ? periods.getByRole("link").first()
      : periods.getByRole("link", { name: new RegExp(name) })
    ).click();
    await this.page.getByTestId("pemda-select").waitFor();
  }

  async choosePemda(name: string): Promise<void> {
    const select = this.page.getByTestId("pemda-select");
    const value = await select.locator("option", { hasText: name }).getAttribute("value");
    if (!value) throw new Error(`no pemda ${name}`);
    await select.selectOption(value);
    await this.page.getByTestId("sample-panel").waitFor();
  }

  /** Sets every kind's count (kinds not named get 0), the seed, and draws. */
  async drawSample(counts: Record<string, number>, seed: string): Promise<void> {
    const inputs = this.page.locator("input[data-kind]");
    for (let i = 0; i < (await inputs.count()); i++) {
      const input = inputs.nth(i);
      const kind = (await input.getAttribute("data-kind")) ?? "";
      await input.fill(String(counts[kind] ?? 0));
    }
    await this.page.getByTestId("seed-input").fill(seed);
    await this.page.getByRole("button", { name: "Tarik sampel" }).click();
    await this.sampleSeed(seed).waitFor();
  }

  sampleSeed(seed: string): Locator {
    return this.page.locator(`[data-testid="sample-seed"][data-seed="${seed}"]`);
  }

  get cards(): Locator {
    return this.page.getByTestId("assignment-card");
  }

  card(unitId: string): Locator {
    return this.page.locator(`[data-testid="assignment-card"][data-unit="${unitId}"]`);
  }

  /** Ticks the assessors, sets the date and products, saves; waits until the team shows `expect`. */
  async assign(
    unitId: string,
    a: { assessors: string[]; date: string; products: string[]; expect: string },
  ): Promise<void> {
    const card = this.card(unitId);
    for (const username of a.assessors) await card.locator(`input[data-assessor="${username}"]`).check();
    await card.getByTestId("planned-date").fill(a.date);
    await card.getByTestId("suggested-products").fill(a.products.join("\n"));
    await card.getByRole("button", { name: "Simpan penugasan" }).click();
    await card.getByTestId("assignment-status").filter({ hasText: a.expect }).waitFor();
  }

  async removeMember(unitId: string, name: string): Promise<void> {
    const card = this.card(unitId);
    await card.getByRole("button", { name: `Keluarkan ${name} dari tim` }).click();
    await card.getByRole("button", { name: `Keluarkan ${name} dari tim` }).waitFor({ state: "detached" });
  }
}
