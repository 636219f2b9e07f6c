/**
 * Header mapping: a sheet's first non-empty row names its columns; each wanted column accepts
 * several header texts (Indonesian and English), compared case-, space-, underscore- and
 * punctuation-insensitively ("Kode Lokus", "KODE_LOKUS", "kode-lokus" are one header). Columns
 * nobody asked for are ignored (offices keep a "No" column), a missing required column or a
 * column given twice is a problem with its header cell.
 */
import type { CellAddress, CellValue, RawSheet, ReadResult, SheetProblem, SheetProblemCode } from "./types";
import { columnLetter } from "./types";

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Accepted header texts; the first is the canonical one (used when writing). */
  headers: readonly string[];
  /** The header must be present (its cells may still be empty; row validators decide). */
  required?: boolean;
}

export interface MappedRow<K extends string> {
  sheet: string;
  /** 1-based row number in the sheet. */
  row: number;
  values: Record<K, CellValue>;
}

export interface MappedSheet<K extends string> {
  sheet: string;
  /** 1-based row number of the header, 0 when the sheet is empty. */
  headerRow: number;
  /** Column letter where each found column sits. */
  columns: Partial<Record<K, string>>;
  /** Header texts that matched no column, with their letters. */
  ignored: { header: string; column: string }[];
  rows: MappedRow<K>[];
  problems: SheetProblem[];
}

export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.:/()]+/g, "");
}

/** Maps a sheet's rows to the wanted columns. Problems are header problems only. */
export function mapSheet<K extends string>(sheet: RawSheet, specs: readonly ColumnSpec<K>[]): MappedSheet<K> {
  const out: MappedSheet<K> = {
    sheet: sheet.name,
    headerRow: 0,
    columns: {},
    ignored: [],
    rows: [],
    problems: [],
  };
  const [header, ...data] = sheet.rows;
  if (!header) {
    out.problems.push({ code: "sheet_empty", message: `Sheet ${sheet.name} is empty.`, sheet: sheet.name });
    return out;
  }
  out.headerRow = header.row;
  const byText = new Map<string, K>();
  for (const s of specs) for (const h of s.headers) byText.set(normalizeHeader(h), s.key);
  const index = new Map<K, number>();
  header.cells.forEach((c, i) => {
    if (c === null) return;
    const text = String(c);
    const key = byText.get(normalizeHeader(text));
    const column = columnLetter(i);
    if (key === undefined) {
      out.ignored.push({ header: text, column });
    } else if (index.has(key)) {
      out.problems.push({
        code: "header_duplicate",
        message: `Column ${key} appears twice (${out.columns[key]}${header.row} and ${column}${header.row}).`,
        at: { sheet: sheet.name, row: header.row, column },
        params: { column: key, header: text },
      });
    } else {
      index.set(key, i);
      out.columns[key] = column;
    }
  });
  for (const s of specs) {
    if (s.required && !index.has(s.key)) {
      out.problems.push({
        code: "header_missing",
        message: `Sheet ${sheet.name} has no column ${s.headers[0]} (row ${header.row} is read as the header).`,
        sheet: sheet.name,
        at: { sheet: sheet.name, row: header.row, column: columnLetter(header.cells.length) },
        params: { column: s.key, header: s.headers[0] ?? s.key },
      });
    }
  }
  if (data.length === 0 && out.problems.length === 0) {
    out.problems.push({
      code: "sheet_empty",
      message: `Sheet ${sheet.name} has a header but no rows.`,
      sheet: sheet.name,
    });
  }
  for (const r of data) {
    const values = {} as Record<K, CellValue>;
    for (const s of specs) {
      const i = index.get(s.key);
      values[s.key] = i === undefined ? null : (r.cells[i] ?? null);
    }
    out.rows.push({ sheet: sheet.name, row: r.row, values });
  }
  return out;
}

/** The address of a mapped row's cell for a column (the header's letter, "?" if absent). */
export function cellAt<K extends string>(mapped: MappedSheet<K>, row: MappedRow<K>, key: K): CellAddress {
  return { sheet: mapped.sheet, row: row.row, column: mapped.columns[key] ?? "?" };
}

/** A problem for one cell of a mapped row: what row validators report. */
export function cellProblem<K extends string>(
  mapped: MappedSheet<K>,
  row: MappedRow<K>,
  key: K,
  code: SheetProblemCode,
  message: string,
  params?: Record<string, string | number>,
): SheetProblem {
  const at = cellAt(mapped, row, key);
  return {
    code,
    message: `${at.sheet}!${at.column}${at.row}: ${message}`,
    at,
    ...(params ? { params } : {}),
  };
}

/**
 * The sheet to read: the first whose name matches one of `names` (normalised like headers), else
 * the first sheet with rows when `fallbackToFirst` (a CSV, or a workbook with one data sheet).
 */
export function pickSheet(
  result: ReadResult,
  names: readonly string[],
  fallbackToFirst = true,
): RawSheet | undefined {
  const wanted = new Set(names.map(normalizeHeader));
  const named = result.sheets.find((s) => wanted.has(normalizeHeader(s.name)));
  if (named) return named;
  return fallbackToFirst ? result.sheets.find((s) => s.rows.length > 0) : undefined;
}

/** A cell as trimmed text ("" when empty); numbers as written without a trailing ".0". */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return v.trim();
}
