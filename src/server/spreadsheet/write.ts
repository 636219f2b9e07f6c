/**
 * Writing rows back: CSV (UTF-8 with BOM, comma, CRLF; text that a spreadsheet would run as a
 * formula is prefixed with an apostrophe, which the reader strips) and XLSX via exceljs (bold,
 * frozen header row, column widths from the content, numbers as numbers and text as text, so a
 * code like "61.01" never turns into the number 61.01).
 */
import ExcelJS from "exceljs";
import type { CellValue, SpreadsheetFormat } from "./types";

export const CSV_MIME = "text/csv; charset=utf-8";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface WriteColumn {
  header: string;
  /** Width in characters; computed from the content when absent. */
  width?: number;
}

export interface WriteSheet {
  /** Sheet tab name (at most 31 characters, none of []:*?/\). Ignored by CSV. */
  name: string;
  columns: readonly WriteColumn[];
  rows: Iterable<readonly CellValue[]>;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One sheet as CSV bytes. */
export function writeCsv(sheet: WriteSheet): Uint8Array<ArrayBuffer> {
  const lines = [sheet.columns.map((c) => csvField(c.header)).join(",")];
  for (const r of sheet.rows) lines.push(r.map(csvField).join(","));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

function safeSheetName(name: string, used: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, " ").trim() || "Sheet").slice(0, 31);
  let n = base;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)} ${i}`;
  used.add(n.toLowerCase());
  return n;
}

/** Sheets as XLSX bytes. */
export async function writeXlsx(sheets: readonly WriteSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(safeSheetName(s.name, used), { views: [{ state: "frozen", ySplit: 1 }] });
    const widths = s.columns.map((c) => c.header.length);
    ws.addRow(s.columns.map((c) => c.header));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) {
      ws.addRow(r.map((v) => (v === null ? null : v)));
      r.forEach((v, i) => {
        const len = v === null ? 0 : String(v).length;
        if (len > (widths[i] ?? 0)) widths[i] = len;
      });
    }
    s.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(8, (widths[i] ?? 0) + 2));
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export async function writeSpreadsheet(
  format: SpreadsheetFormat,
  sheets: readonly WriteSheet[],
): Promise<Uint8Array<ArrayBuffer>> {
  if (format === "xlsx") return writeXlsx(sheets);
  const [first] = sheets;
  if (!first || sheets.length > 1) throw new Error("A CSV file holds exactly one sheet.");
  return writeCsv(first);
}
