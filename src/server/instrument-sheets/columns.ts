/**
 * The instrument workbook (docs/instrument-xlsx.md), as the Ombudsman's staff author an instrument
 * (like XLSForm for ODK): one sheet per part, Indonesian headers first (written on export), English
 * accepted. Every sheet and column here is both what export writes and what import reads.
 */
import type { ColumnSpec } from "../spreadsheet";

export const SHEETS = {
  instrument: ["Instrumen", "Instrument", "Settings"],
  levels: ["Tingkat", "Levels"],
  groups: ["Kelompok", "Groups"],
  indicators: ["Indikator", "Indicators"],
  options: ["Pilihan Jawaban", "Answer options", "Choices", "Scales"],
  roles: ["Peran Responden", "Respondent roles", "Roles"],
  subitems: ["Subitem", "Subitems"],
} as const;

export type InstrumentKey = "key" | "value";
export const INSTRUMENT_COLUMNS: readonly ColumnSpec<InstrumentKey>[] = [
  { key: "key", headers: ["Kunci", "Key"], required: true },
  { key: "value", headers: ["Nilai", "Value"], required: true },
];
/** Rows of the Instrumen sheet: key as written, and the field it sets. */
export const INSTRUMENT_KEYS = [
  ["format", "format"],
  ["id", "id"],
  ["versi", "version"],
  ["judul", "title"],
  ["judul_en", "title_en"],
] as const;
export const INSTRUMENT_KEY_ALIASES: Record<string, string> = {
  format: "format",
  id: "id",
  versi: "version",
  version: "version",
  judul: "title",
  title: "title",
  juduleng: "title_en",
  judulen: "title_en",
  titleen: "title_en",
};

export type LevelKey = "id" | "label" | "labelEn" | "min" | "quota";
export const LEVEL_COLUMNS: readonly ColumnSpec<LevelKey>[] = [
  { key: "id", headers: ["Tingkat", "Level", "ID"], required: true },
  { key: "label", headers: ["Label", "Nama"], required: true },
  { key: "labelEn", headers: ["Label (en)", "Label EN", "Label English"] },
  { key: "min", headers: ["Minimal", "Min"] },
  { key: "quota", headers: ["Kuota", "Quota"] },
];

export type GroupKey =
  | "id"
  | "parent"
  | "name"
  | "nameEn"
  | "weight"
  | "weightProvenance"
  | "provenance"
  | "method"
  | "ifEmpty";
export const GROUP_COLUMNS: readonly ColumnSpec<GroupKey>[] = [
  { key: "id", headers: ["ID", "Kode"], required: true },
  { key: "parent", headers: ["Induk", "Parent"], required: true },
  { key: "name", headers: ["Nama", "Name"], required: true },
  { key: "nameEn", headers: ["Nama (en)", "Name EN", "Name English"] },
  { key: "weight", headers: ["Bobot", "Weight"], required: true },
  { key: "weightProvenance", headers: ["Asal Bobot", "Weight provenance"] },
  { key: "provenance", headers: ["Sumber Rujukan", "Provenance"] },
  { key: "method", headers: ["Metode", "Method"] },
  { key: "ifEmpty", headers: ["Jika Kosong", "If empty"] },
];

export type IndicatorKey =
  | "id"
  | "group"
  | "question"
  | "questionEn"
  | "answer"
  | "evidence"
  | "weight"
  | "weightProvenance"
  | "provenance"
  | "level"
  | "source"
  | "per"
  | "role"
  | "providers"
  | "media"
  | "noteRequiredWhen";
export const INDICATOR_COLUMNS: readonly ColumnSpec<IndicatorKey>[] = [
  { key: "id", headers: ["ID", "Kode"], required: true },
  { key: "group", headers: ["Kelompok", "Group"], required: true },
  { key: "question", headers: ["Pertanyaan", "Question"], required: true },
  { key: "questionEn", headers: ["Pertanyaan (en)", "Question EN", "Question English"] },
  { key: "answer", headers: ["Skala Jawaban", "Answer scale", "Answer"], required: true },
  { key: "evidence", headers: ["Bukti", "Evidence"] },
  { key: "weight", headers: ["Bobot", "Weight"], required: true },
  { key: "weightProvenance", headers: ["Asal Bobot", "Weight provenance"] },
  { key: "provenance", headers: ["Sumber Rujukan", "Provenance"] },
  { key: "level", headers: ["Tingkat", "Level"] },
  { key: "source", headers: ["Sumber Data", "Source"] },
  { key: "per", headers: ["Per"] },
  { key: "role", headers: ["Peran", "Role"] },
  { key: "providers", headers: ["Penyedia Data", "Providers"] },
  { key: "media", headers: ["Media"] },
  { key: "noteRequiredWhen", headers: ["Catatan Wajib Bila", "Note required when"] },
];

export type OptionKey = "scale" | "kind" | "max" | "value" | "code" | "label" | "labelEn" | "note";
export const OPTION_COLUMNS: readonly ColumnSpec<OptionKey>[] = [
  { key: "scale", headers: ["Skala", "Scale"], required: true },
  { key: "kind", headers: ["Jenis", "Kind"] },
  { key: "max", headers: ["Maksimum", "Max"] },
  { key: "value", headers: ["Nilai", "Value"] },
  { key: "code", headers: ["Kode", "Code"] },
  { key: "label", headers: ["Label"] },
  { key: "labelEn", headers: ["Label (en)", "Label EN", "Label English"] },
  { key: "note", headers: ["Catatan", "Note"] },
];

export type RoleKey =
  | "id"
  | "label"
  | "labelEn"
  | "kind"
  | "quota"
  | "scope"
  | "minPerUnit"
  | "modes"
  | "provenance";
export const ROLE_COLUMNS: readonly ColumnSpec<RoleKey>[] = [
  { key: "id", headers: ["ID", "Kode"], required: true },
  { key: "label", headers: ["Label", "Nama"], required: true },
  { key: "labelEn", headers: ["Label (en)", "Label EN", "Label English"] },
  { key: "kind", headers: ["Jenis", "Kind"], required: true },
  { key: "quota", headers: ["Kuota", "Quota"], required: true },
  { key: "scope", headers: ["Cakupan", "Scope"], required: true },
  { key: "minPerUnit", headers: ["Minimal per Unit", "Min per unit"] },
  { key: "modes", headers: ["Mode Wawancara", "Modes"], required: true },
  { key: "provenance", headers: ["Sumber Rujukan", "Provenance"] },
];

export type SubitemKey = "indicator" | "id" | "label" | "labelEn";
export const SUBITEM_COLUMNS: readonly ColumnSpec<SubitemKey>[] = [
  { key: "indicator", headers: ["Indikator", "Indicator"], required: true },
  { key: "id", headers: ["ID", "Kode"], required: true },
  { key: "label", headers: ["Label"], required: true },
  { key: "labelEn", headers: ["Label (en)", "Label EN", "Label English"] },
];

/** Lists inside one cell (media, providers, modes, noteRequiredWhen) are comma-separated. */
export const LIST_SEPARATOR = ",";
