// The supervisor's screens in the browser: queue, review screen (items, photos, comments, decision)
// and results.
import type { Locator, Page } from "playwright-core";

export class ReviewPage {
  constructor(readonly page: Page) {}

  async gotoQueue(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/tinjauan`);
    await this.page.getByTestId("queue-screen").waitFor();
  }

  queueItem(unitName: string): Locator {
    return this.page.locator(`[data-testid="queue-item"][data-unit="${unitName}"]`);
  }

  get screen(): Locator {
    return this.page.getByTestId("review-screen");
  }

  async open(baseUrl: string, assessmentId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/tinjauan/${assessmentId}`);
    await this.screen.waitFor();
  }

  instance(key: string): Locator {
    return this.page.locator(`[data-testid="review-instance"][data-key="${key}"]`);
  }

  get status(): Locator {
    return this.page.getByTestId("review-status");
  }

  async comment(key: string, text: string): Promise<void> {
    await this.instance(key).getByTestId("item-comment").fill(text);
  }

  async generalComment(text: string): Promise<void> {
    await this.page.getByTestId("general-comment").fill(text);
  }

  async decide(decision: "approve" | "return"): Promise<void> {
    await this.page.getByRole("button", { name: decision === "approve" ? "Setujui" : "Kembalikan" }).click();
    // Every decision is confirmed first (issue #20).
    await this.page.getByTestId("confirm-dialog").getByRole("button", { name: "Ya, lanjutkan" }).click();
  }

  get outcome(): Locator {
    return this.page.getByTestId("review-outcome");
  }

  get error(): Locator {
    return this.page.getByTestId("review-error");
  }

  get viewer(): Locator {
    return this.page.getByTestId("photo-viewer");
  }

  async gotoResults(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/hasil`);
    await this.page.getByTestId("results-table").waitFor();
  }

  resultRow(pemda: string): Locator {
    return this.page.locator(`[data-testid="results-pemda"][data-pemda="${pemda}"]`);
  }
}
