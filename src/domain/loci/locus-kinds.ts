/**
 * The kinds of locus the Ombudsman assesses, and the category each is ranked in.
 *
 * A locus is a pemda (provinsi, kabupaten, kota) or, from the 2025 round, a kementerian, a lembaga
 * or a vertical agency (Polres, Kantor Pertanahan, Kantor Imigrasi, Lapas/Rutan/Bapas). Results are
 * published and ranked per category; for pemda the category is the kind itself, vertical agencies
 * are ranked among their own kind. Kinds are stored as these codes (the `pemda.kind` column);
 * unit kinds, by contrast, are free data (see the master-data module), never a list in code.
 */

export const LOCUS_KINDS = [
  "provinsi",
  "kabupaten",
  "kota",
  "kementerian",
  "lembaga",
  "polres",
  "kantor_pertanahan",
  "kantor_imigrasi",
  "lapas_rutan_bapas",
] as const;

export type LocusKind = (typeof LOCUS_KINDS)[number];

/** Whether a locus of this kind is a pemda (its code is a Kemendagri code). */
export function isPemdaKind(kind: LocusKind): boolean {
  return kind === "provinsi" || kind === "kabupaten" || kind === "kota";
}

export function isLocusKind(value: unknown): value is LocusKind {
  return typeof value === "string" && (LOCUS_KINDS as readonly string[]).includes(value);
}

/**
 * Spreadsheet and UI words accepted for each kind (lower-cased, spaces collapsed), so an office's
 * own column ("Kabupaten", "Kab", "Pemerintah Kota", "Kantor Imigrasi") maps to the code.
 */
const ALIASES: Record<string, LocusKind> = {
  provinsi: "provinsi",
  prov: "provinsi",
  "pemerintah provinsi": "provinsi",
  pemprov: "provinsi",
  kabupaten: "kabupaten",
  kab: "kabupaten",
  "pemerintah kabupaten": "kabupaten",
  pemkab: "kabupaten",
  kota: "kota",
  "pemerintah kota": "kota",
  pemkot: "kota",
  kementerian: "kementerian",
  lembaga: "lembaga",
  polres: "polres",
  "kepolisian resor": "polres",
  "kantor pertanahan": "kantor_pertanahan",
  kantor_pertanahan: "kantor_pertanahan",
  kantah: "kantor_pertanahan",
  "kantor imigrasi": "kantor_imigrasi",
  kantor_imigrasi: "kantor_imigrasi",
  imigrasi: "kantor_imigrasi",
  lapas: "lapas_rutan_bapas",
  rutan: "lapas_rutan_bapas",
  bapas: "lapas_rutan_bapas",
  "lapas/rutan/bapas": "lapas_rutan_bapas",
  lapas_rutan_bapas: "lapas_rutan_bapas",
};

/** The kind a spreadsheet or form word names, or null when it names none. */
export function parseLocusKind(word: string): LocusKind | null {
  const key = word.trim().toLowerCase().replace(/\s+/g, " ");
  return ALIASES[key] ?? null;
}

/** The ranking category of a kind: results are ranked among loci of the same category. */
export function locusCategory(kind: LocusKind): LocusKind {
  return kind;
}

/** Indonesian names of the kinds, for exports and the CLI (the UI has its own dictionaries). */
export const LOCUS_KIND_NAMES_ID: Record<LocusKind, string> = {
  provinsi: "Provinsi",
  kabupaten: "Kabupaten",
  kota: "Kota",
  kementerian: "Kementerian",
  lembaga: "Lembaga",
  polres: "Polres",
  kantor_pertanahan: "Kantor Pertanahan",
  kantor_imigrasi: "Kantor Imigrasi",
  lapas_rutan_bapas: "Lapas/Rutan/Bapas",
};
