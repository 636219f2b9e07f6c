// The period's "Data sekunder & tindak lanjut" screen (/perencanaan/:periodId/data-lokus) as a test
// sees it, in Indonesian: one collapsible card per locus with its secondary values and its
// oversight follow-ups, and the CSV/XLSX import panel (check first, import after). Driven through
// the screen's labels, roles, visible text and data-testids only.
import type { Locator, Page } from "playwright-core";

/** A file as `setInputFiles` takes it. */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class LocusDataPage {
  static readonly TITLE = "Data sekunder & tindak lanjut";

  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: LocusDataPage.TITLE });
  }

  /** Follows a link to the screen (from planning or results) and waits for its heading. */
  async openVia(link: Locator): Promise<void> {
    await link.click();
    await this.heading.waitFor();
  }

  /** The note a closed period shows instead of editable inputs. */
  get closedNote(): Locator {
    return this.page.getByTestId("ld-closed");
  }

  locus(pemda: string): Locator {
    return this.page.getByTestId("ld-locus").filter({ hasText: pemda });
  }

  /**
   * Opens (or closes) the locus's card. A save re-draws every card closed, so a test opens the card
   * again before its next edit.
   */
  async toggle(pemda: string): Promise<void> {
    await this.locus(pemda).locator("summary").click();
  }

  /** One fieldset per secondary indicator of the open card. */
  secondaryFields(pemda: string): Locator {
    return this.locus(pemda).getByTestId("ld-secondary").locator("fieldset");
  }

  /** The values an indicator's select offers, in order, without its empty "not filled" option. */
  async valuesOf(field: Locator): Promise<string[]> {
    return field
      .locator("select option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ""));
  }

  async fillSecondary(field: Locator, value: string, source: string): Promise<void> {
    await field.locator("select").selectOption(value);
    await field.getByLabel(/Sumber/).fill(source);
  }

  /**
   * Saves the card's secondary values: waits for "Tersimpan." and for the card's summary to count
   * `filled` of `total` indicators (any total when not given).
   */
  async saveSecondary(pemda: string, count: { filled: number; total?: number }): Promise<void> {
    await this.locus(pemda).getByRole("button", { name: "Simpan data sekunder" }).click();
    await this.page.getByRole("status").filter({ hasText: "Tersimpan." }).waitFor();
    const total = count.total === undefined ? "\\d+" : String(count.total);
    await this.locus(pemda)
      .locator("summary")
      .filter({ hasText: new RegExp(`${count.filled} dari ${total} indikator terisi`) })
      .waitFor();
  }

  /** Adds one oversight product to the open card, saves, and waits until the card says it is recorded. */
  async addFollowUp(
    pemda: string,
    product: { number: string; date: string; state: "full" | "partial" | "none" },
  ): Promise<void> {
    const locus = this.locus(pemda);
    await locus.getByRole("button", { name: "Tambah produk" }).click();
    await locus.getByLabel(/Nomor/).fill(product.number);
    await locus.getByLabel(/Tanggal/).fill(product.date);
    await locus.getByLabel("Tindak lanjut", { exact: true }).selectOption(product.state);
    await locus.getByRole("button", { name: "Simpan tindak lanjut" }).click();
    await locus.locator("summary").filter({ hasText: "Tindak lanjut sudah dicatat" }).waitFor();
  }

  /** Chooses the file in the import panel and asks for the check (a dry run: nothing saved). */
  async check(file: UploadFile): Promise<void> {
    await this.page.getByLabel("Berkas CSV atau XLSX").setInputFiles(file);
    await this.page.getByRole("button", { name: "Periksa (pratinjau)" }).click();
  }

  /** The check's (or the import's) outcome line. */
  get outcome(): Locator {
    return this.page.getByTestId("ld-outcome");
  }

  /** The first listed problem's row (sheet, row, column, message) as text. */
  async firstProblem(): Promise<string> {
    return this.page.getByTestId("ld-problems").locator("tbody tr").first().innerText();
  }

  /** "Impor": enabled only after a check that found no problem. */
  get importButton(): Locator {
    return this.page.getByTestId("ld-apply");
  }
}
