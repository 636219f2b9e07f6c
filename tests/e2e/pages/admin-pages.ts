// The admin screens as a test sees them (Indonesian): the dashboard, Instrumen (JSON file upload
// with the server's issues), Periode (create, close with confirmation) and Pengguna (deactivate).
import type { Locator, Page } from "playwright-core";

export class AdminDashboardPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Administrasi" });
  }

  async open(
    link: "Kantor Perwakilan" | "Pengguna" | "Instrumen" | "Skema Pita (Banding)" | "Periode Penilaian",
  ) {
    // The dashboard's own link (the staff navigation above it has one of the same name).
    await this.page.locator("#main").getByRole("link", { name: link, exact: true }).click();
    await this.page
      .getByRole("heading", { level: 1 })
      .filter({ hasText: link.split(" (")[0] ?? link })
      .waitFor();
  }
}

export class AdminInstrumentsPage {
  constructor(readonly page: Page) {}

  get errors(): Locator {
    return this.page.getByTestId("admin-errors");
  }

  get issues(): Locator {
    return this.page.getByTestId("admin-issues");
  }

  get done(): Locator {
    return this.page.getByTestId("admin-upload-done");
  }

  /** Chooses a file through the real <input type=file> and submits the form. */
  async upload(name: string, text: string): Promise<void> {
    await this.page
      .getByLabel("Berkas instrumen (JSON)")
      .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
    await this.page.getByRole("button", { name: "Unggah", exact: true }).click();
  }

  versionRow(id: string, version: number): Locator {
    return this.page
      .getByTestId("instrument-list")
      .getByRole("listitem")
      .filter({ hasText: `Versi ${version}` })
      .filter({ hasText: id });
  }
}

export class AdminPeriodsPage {
  constructor(readonly page: Page) {}

  row(name: string): Locator {
    return this.page.getByTestId(`period-${name}`);
  }

  async create(p: { office: string; year: number; name: string; instrument: string; scheme: string }) {
    await this.page.getByLabel("Kantor Perwakilan", { exact: true }).selectOption({ label: p.office });
    await this.page.getByLabel("Tahun", { exact: true }).fill(String(p.year));
    await this.page.getByLabel("Nama periode", { exact: true }).fill(p.name);
    await this.page.getByLabel("Instrumen", { exact: true }).selectOption({ label: p.instrument });
    await this.page.getByLabel("Skema pita", { exact: true }).selectOption({ label: p.scheme });
    await this.page.getByRole("button", { name: "Buat periode" }).click();
  }
}

export class AdminUsersPage {
  constructor(readonly page: Page) {}

  row(username: string): Locator {
    return this.page.getByTestId(`user-${username}`);
  }
}
