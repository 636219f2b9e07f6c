import type { Locator, Page } from "playwright-core";

/** The login screen ("Masuk"), in Indonesian unless `english` is set. */
export class LoginPage {
  constructor(
    readonly page: Page,
    readonly english = false,
  ) {}

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: this.english ? "Log in" : "Masuk" });
  }

  get error(): Locator {
    return this.page.getByTestId("login-error");
  }

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/login`);
    await this.heading.waitFor();
  }

  async logIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel(this.english ? "Username" : "Nama pengguna").fill(username);
    await this.page.getByLabel(this.english ? "Password" : "Kata sandi", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: this.english ? "Log in" : "Masuk", exact: true }).click();
  }
}
