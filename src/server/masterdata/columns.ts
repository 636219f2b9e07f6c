/**
 * The documented column sets of master-data files (docs/api-admin.md § Master data): the first
 * header of each column is the one exports write; the others are accepted on import.
 */
import type { ColumnSpec } from "../spreadsheet";

export type Entity = "loci" | "units" | "users";
export const ENTITIES: readonly Entity[] = ["loci", "units", "users"];

export const LOCI_COLUMNS = [
  { key: "code", headers: ["kode", "code", "kode lokus", "kode pemda", "kode wilayah"], required: true },
  { key: "name", headers: ["nama", "name", "nama lokus", "nama pemda"], required: true },
  { key: "kind", headers: ["jenis", "kind", "jenis lokus", "tipe"], required: true },
] as const satisfies readonly ColumnSpec[];

export const UNIT_COLUMNS = [
  { key: "locus", headers: ["kode_lokus", "locus_code", "kode pemda", "kode"], required: true },
  { key: "name", headers: ["nama_unit", "unit_name", "nama", "unit"], required: true },
  { key: "kind", headers: ["jenis_unit", "unit_kind", "jenis"], required: true },
  { key: "address", headers: ["alamat", "address"] },
  { key: "products", headers: ["produk", "products", "produk layanan"] },
] as const satisfies readonly ColumnSpec[];

export const USER_COLUMNS = [
  { key: "username", headers: ["username", "nama_pengguna", "pengguna", "user"], required: true },
  { key: "name", headers: ["nama", "name", "nama lengkap"], required: true },
  { key: "role", headers: ["peran", "role", "jabatan"], required: true },
] as const satisfies readonly ColumnSpec[];

/** Sheet names looked for in a workbook before falling back to its first sheet with rows. */
export const SHEET_NAMES: Record<Entity, readonly string[]> = {
  loci: ["lokus", "loci", "pemda"],
  units: ["unit", "units", "unit layanan"],
  users: ["pengguna", "users", "akun"],
};

export type LocusKey = (typeof LOCI_COLUMNS)[number]["key"];
export type UnitKey = (typeof UNIT_COLUMNS)[number]["key"];
export type UserKey = (typeof USER_COLUMNS)[number]["key"];

/** Products in one cell: separated by ";", "|" or line breaks. Exports join them with "; ". */
export function splitProducts(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[;|\r\n]+/)) {
    const p = raw.trim().replace(/\s+/g, " ");
    if (p !== "" && !seen.has(p.toLowerCase())) {
      seen.add(p.toLowerCase());
      out.push(p);
    }
  }
  return out;
}

export const PRODUCT_SEPARATOR = "; ";
