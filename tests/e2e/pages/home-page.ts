import type { Locator, Page } from "playwright-core";

/** The home screen ("Beranda") shown after login. */
export class HomePage {
  constructor(readonly page: Page) {}

  heading(english = false): Locator {
    return this.page.getByRole("heading", { level: 1, name: english ? "Home" : "Beranda" });
  }

  get userName(): Locator {
    return this.page.getByTestId("user-name");
  }

  get role(): Locator {
    return this.page.getByTestId("user-role");
  }

  get office(): Locator {
    return this.page.getByTestId("user-office");
  }

  /** The name in the app header, present on every logged-in screen. */
  get headerUser(): Locator {
    return this.page.getByTestId("header-user");
  }

  get onlineStatus(): Locator {
    return this.page.getByTestId("online-status");
  }

  get buildId(): Locator {
    return this.page.getByTestId("build-id");
  }

  async switchLanguage(label: "Bahasa Indonesia" | "English"): Promise<void> {
    await this.page.getByRole("button", { name: label }).click();
  }

  async logOut(): Promise<void> {
    await this.page.getByTestId("logout").click();
  }
}
