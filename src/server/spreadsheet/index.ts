/**
 * Tabular files (CSV and XLSX) for imports and exports: the one public entry of
 * src/server/spreadsheet. Server-only (exceljs, csv-parse); never import it from the client.
 *
 * Reading — `readSpreadsheet(bytes, {maxBytes?, maxRows?, csvSheetName?})` never throws for a bad
 * file; it returns `{format, sheets, problems}`. The type comes from magic bytes (PK zip → XLSX;
 * text → CSV; .xls, binaries, empty files refused), the size and an XLSX's inflated size are
 * capped, CSV encoding (UTF-8 ± BOM, UTF-16 BOM, Windows-1252) and delimiter (`,` `;` tab) are
 * detected, XLSX formulas and error cells are refused with their cell. Use the sheets only when
 * `problems` is empty.
 *
 * Mapping — `pickSheet(result, ["lokus", "loci"])` chooses a sheet; `mapSheet(sheet, specs)` maps
 * its header row to keys (aliases compared case/space/underscore-insensitively) and returns rows
 * `{sheet, row, values}` plus header problems; `cellProblem(mapped, row, key, code, message)`
 * builds a row error with its address (sheet, row, column letter) for your validator, and
 * `cellText` turns a cell into trimmed text. Collect every problem, then write nothing if any.
 *
 * Writing — `writeCsv(sheet)` / `writeXlsx(sheets)` / `writeSpreadsheet(format, sheets)`, with
 * `{name, columns: [{header, width?}], rows}`; `CSV_MIME`, `XLSX_MIME` for responses.
 */
export { detectKind } from "./detect";
export type { ColumnSpec, MappedRow, MappedSheet } from "./headers";
export { cellAt, cellProblem, cellText, mapSheet, normalizeHeader, pickSheet } from "./headers";
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, readSpreadsheet } from "./read";
export type {
  CellAddress,
  CellValue,
  RawRow,
  RawSheet,
  ReadOptions,
  ReadResult,
  SheetProblem,
  SheetProblemCode,
  SpreadsheetFormat,
} from "./types";
export { columnLetter, formatAddress } from "./types";
export type { WriteColumn, WriteSheet } from "./write";
export { CSV_MIME, writeCsv, writeSpreadsheet, writeXlsx, XLSX_MIME } from "./write";
