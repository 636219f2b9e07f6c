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

  /** One pemda's block in the assignment list, by its name. */
  pemda(name: string): Locator {
    return this.page.locator(`[data-testid="pemda-group"][data-pemda="${name}"]`);
  }

  get pemdaGroups(): Locator {
    return this.page.getByTestId("pemda-group");
  }

  get units(): Locator {
    return this.page.getByTestId("unit-item");
  }

  get readiness(): Locator {
    return this.page.getByTestId("offline-readiness");
  }

  get lastSync(): Locator {
    return this.page.getByTestId("last-sync");
  }

  get syncState(): Locator {
    return this.page.getByTestId("sync-state");
  }

  get syncError(): Locator {
    return this.page.getByTestId("sync-error");
  }

  get pendingCount(): Locator {
    return this.page.getByTestId("pending-count");
  }

  async syncNow(): Promise<void> {
    await this.page.getByTestId("sync-now").click();
  }

  get storagePanel(): Locator {
    return this.page.getByTestId("storage-panel");
  }

  get storageUsed(): Locator {
    return this.page.getByTestId("storage-used");
  }

  get storageFree(): Locator {
    return this.page.getByTestId("storage-free");
  }

  get storagePersisted(): Locator {
    return this.page.getByTestId("storage-persisted");
  }
}
