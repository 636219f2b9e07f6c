/**
 * The shared vocabulary of the tabular-file module: cell values, cell addresses and the problems a
 * reader collects. Every problem that concerns a cell carries its address (sheet, 1-based row as a
 * spreadsheet shows it, column letter), so a user can find it in their own program.
 */

/** What a reader yields for one cell. Empty cells are null; dates become "YYYY-MM-DD" text. */
export type CellValue = string | number | boolean | null;

export interface CellAddress {
  /** Sheet name as in the file; a CSV has the one sheet named after the file (or "CSV"). */
  sheet: string;
  /** 1-based row number, counted as the spreadsheet program shows it (the header is usually 1). */
  row: number;
  /** Column letter(s): "A" … "Z", "AA" … */
  column: string;
}

/**
 * Why a file or a cell was refused. Codes are stable (the client translates them); `message` is
 * English for logs and the CLI; `params` hold what the message names (limit, header, value …).
 */
export type SheetProblemCode =
  | "file_too_large"
  | "file_type"
  | "file_broken"
  | "file_empty"
  | "sheet_empty"
  | "too_many_rows"
  | "formula"
  | "cell_error"
  | "header_missing"
  | "header_duplicate"
  // Codes below are for row validators built on top (see mapRows' callers); the module itself
  // reports the ones above. They live here so every importer uses one vocabulary.
  | "required"
  | "invalid_value"
  | "duplicate"
  | "unknown_reference";

export interface SheetProblem {
  code: SheetProblemCode;
  message: string;
  /** The cell concerned, when there is one. */
  at?: CellAddress;
  /** The sheet concerned, for sheet-level problems (empty sheet, missing header). */
  sheet?: string;
  params?: Record<string, string | number>;
}

export interface RawRow {
  /** 1-based row number in the sheet. */
  row: number;
  /** Cell values by 0-based column index (column A = 0). */
  cells: CellValue[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

export type SpreadsheetFormat = "csv" | "xlsx";

export interface ReadResult {
  format: SpreadsheetFormat | null;
  /** Sheets in file order, fully-empty rows left out. Empty when the file was refused. */
  sheets: RawSheet[];
  /** Every problem found; the read is usable only when this is empty. */
  problems: SheetProblem[];
}

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 10 MiB). */
  maxBytes?: number;
  /** Refuse sheets with more data rows than this (default 200,000). */
  maxRows?: number;
  /** Name of the single CSV sheet in addresses (default "CSV"). */
  csvSheetName?: string;
}

/** Column letter for a 0-based index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "Sheet1!B7" — how a problem's cell is shown in messages. */
export function formatAddress(at: CellAddress): string {
  return `${at.sheet}!${at.column}${at.row}`;
}
