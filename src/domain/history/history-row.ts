// One row of a published-results history file (issue #19):
//   tahun,kode_lokus,nama,nilai,skema[,kategori_terbit,peringkat]
// Parsed against the known banding schemes (looked up by id: builtin and stored ones, so schemes
// added later work unchanged). An unknown scheme or an unreadable cell is an error naming the
// column; a published category that disagrees with the predicate derived from the score is a
// WARNING: the published figure is kept as published, never overwritten, and reported.
import type { BandingScheme } from "../banding/types";
import { type Predicate, predicateFor, publishedCategoryAgrees } from "./predicate";

export const HISTORY_COLUMNS = [
  "tahun",
  "kode_lokus",
  "nama",
  "nilai",
  "skema",
  "kategori_terbit",
  "peringkat",
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];
export const REQUIRED_HISTORY_COLUMNS: readonly HistoryColumn[] = [
  "tahun",
  "kode_lokus",
  "nama",
  "nilai",
  "skema",
];

export interface HistoryRow {
  readonly year: number;
  readonly locusCode: string;
  readonly name: string;
  /** Rounded to 2 decimals as published. */
  readonly score: number;
  readonly schemeId: string;
  readonly publishedCategory: string | null;
  readonly publishedRank: number | null;
}

export interface HistoryIssue {
  readonly column: HistoryColumn;
  readonly message: string;
}

export type ParsedHistoryRow =
  | {
      readonly ok: true;
      readonly row: HistoryRow;
      readonly predicate: Predicate;
      readonly warnings: HistoryIssue[];
    }
  | { readonly ok: false; readonly errors: HistoryIssue[] };

/** Cells by column name (text as read; numbers as text are fine). */
export type HistoryCells = Partial<Record<HistoryColumn, string | number | null | undefined>>;

function text(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/** Indonesian files write 68,34: a lone comma is the decimal separator. */
function number(v: string | number | null | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const t = text(v);
  if (t === "") return null;
  const n = Number(/^-?\d+,\d+$/.test(t) ? t.replace(",", ".") : t);
  return Number.isFinite(n) ? n : null;
}

export function parseHistoryRow(
  cells: HistoryCells,
  schemeById: (id: string) => BandingScheme | undefined,
): ParsedHistoryRow {
  const errors: HistoryIssue[] = [];
  const year = number(cells.tahun);
  if (year === null || !Number.isInteger(year) || year < 2000 || year > 2100)
    errors.push({ column: "tahun", message: "tahun harus tahun 2000–2100" });
  const locusCode = text(cells.kode_lokus);
  if (locusCode === "" || locusCode.length > 64)
    errors.push({ column: "kode_lokus", message: "kode lokus wajib diisi (maks. 64 karakter)" });
  const name = text(cells.nama);
  if (name === "" || name.length > 200)
    errors.push({ column: "nama", message: "nama wajib diisi (maks. 200 karakter)" });
  const raw = number(cells.nilai);
  if (raw === null || raw < 0 || raw > 100)
    errors.push({ column: "nilai", message: "nilai harus angka 0–100" });
  const schemeId = text(cells.skema);
  const scheme = schemeId === "" ? undefined : schemeById(schemeId);
  if (scheme === undefined)
    errors.push({
      column: "skema",
      message: schemeId === "" ? "skema wajib diisi" : `skema "${schemeId}" tidak dikenal`,
    });
  const publishedCategory = text(cells.kategori_terbit) || null;
  const rankCell = text(cells.peringkat);
  const rank = rankCell === "" ? null : number(rankCell);
  if (rank !== null && (!Number.isInteger(rank) || rank < 1))
    errors.push({ column: "peringkat", message: "peringkat harus bilangan bulat ≥ 1" });
  if (rankCell !== "" && rank === null)
    errors.push({ column: "peringkat", message: "peringkat harus bilangan bulat ≥ 1" });
  if (errors.length > 0 || year === null || raw === null || scheme === undefined)
    return { ok: false, errors };
  const score = Math.round(raw * 100) / 100;
  const predicate = predicateFor(score, scheme);
  if (predicate === null)
    return { ok: false, errors: [{ column: "nilai", message: "nilai di luar skala skema" }] };
  const warnings: HistoryIssue[] = [];
  if (publishedCategory !== null && !publishedCategoryAgrees(publishedCategory, predicate))
    warnings.push({
      column: "kategori_terbit",
      message: `kategori terbit "${publishedCategory}" berbeda dengan predikat dari nilai ${score} (${scheme.id}): ${predicate.words}; disimpan seperti terbit`,
    });
  return {
    ok: true,
    row: { year, locusCode, name, score, schemeId: scheme.id, publishedCategory, publishedRank: rank },
    predicate,
    warnings,
  };
}
