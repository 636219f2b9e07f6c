/**
 * The locus-data workbook (docs/api-review.md § Secondary data and follow-ups): one sheet of
 * secondary values and one of oversight follow-ups. Indonesian headers first (written on export),
 * English accepted. A CSV holds one of the two sheets, recognised by its columns.
 */
import type { ColumnSpec } from "../spreadsheet";

export const SECONDARY_SHEET = ["Data Sekunder", "Secondary data", "secondary"];
export const OVERSIGHT_SHEET = ["Tindak Lanjut", "Follow-ups", "oversight", "Produk Pengawasan"];

export type SecondaryKey = "locus" | "locusName" | "indicator" | "value" | "source" | "note";
export const SECONDARY_COLUMNS: readonly ColumnSpec<SecondaryKey>[] = [
  { key: "locus", headers: ["Kode Lokus", "Locus code", "Kode Pemda"], required: true },
  { key: "locusName", headers: ["Nama Lokus", "Locus name"] },
  { key: "indicator", headers: ["Indikator", "Indicator", "Kode Indikator"], required: true },
  { key: "value", headers: ["Nilai", "Value"], required: true },
  { key: "source", headers: ["Sumber", "Source", "Sumber Data"], required: true },
  { key: "note", headers: ["Catatan", "Note"] },
];

export type OversightKey = "locus" | "locusName" | "kind" | "number" | "date" | "state" | "evidence" | "note";
export const OVERSIGHT_COLUMNS: readonly ColumnSpec<OversightKey>[] = [
  { key: "locus", headers: ["Kode Lokus", "Locus code", "Kode Pemda"], required: true },
  { key: "locusName", headers: ["Nama Lokus", "Locus name"] },
  { key: "kind", headers: ["Jenis Produk", "Jenis", "Kind"], required: true },
  { key: "number", headers: ["Nomor", "Number"], required: true },
  { key: "date", headers: ["Tanggal", "Date"], required: true },
  { key: "state", headers: ["Tindak Lanjut", "Status Tindak Lanjut", "Follow-up", "State"], required: true },
  { key: "evidence", headers: ["Bukti", "Evidence"] },
  { key: "note", headers: ["Catatan", "Note"] },
];

/** The words written on export (and read back): kind and follow-up state in Indonesian. */
export const KIND_LABEL = {
  tindakan_korektif: "Tindakan Korektif",
  saran: "Saran",
  rekomendasi: "Rekomendasi",
};
export const STATE_LABEL = { full: "Tuntas", partial: "Sebagian", none: "Belum" };
/** A follow-up row with this kind records "no oversight product issued" for the locus. */
export const NONE_ISSUED = ["tidak ada", "tidakada", "none", "-"];
