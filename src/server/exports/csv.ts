/**
 * CSV serialisation (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, UTF-8 with a byte-order mark so spreadsheet programs read names with
 * non-ASCII letters correctly. Text that a spreadsheet would run as a formula (leading = + - @) is
 * prefixed with an apostrophe (CSV injection); numbers are written as numbers with a "." decimal.
 */
import type { Cell } from "./xlsx";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
