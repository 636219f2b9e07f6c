import type { Locator, Page } from "playwright-core";

/** The "new version" offer at the bottom of every screen. */
export class UpdateBanner {
  constructor(readonly page: Page) {}

  get banner(): Locator {
    return this.page.getByTestId("update-banner");
  }

  get text(): Locator {
    return this.page.getByText("Versi baru tersedia — muat ulang");
  }

  async reload(): Promise<void> {
    await this.banner.getByRole("button", { name: "Muat ulang" }).click();
  }
}
