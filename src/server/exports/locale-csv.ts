/**
 * CSV for people (issue #20): the separator the reader chooses, and numbers written the way a
 * spreadsheet of that locale reads them. Default for Indonesian: `;` between fields and a decimal
 * comma ("87,5"), which an Indonesian-locale Excel opens into columns and numbers. With `,` as the
 * separator the decimal is a dot (a comma would split the number). Quoting, the byte-order mark and
 * the CSV-injection guard are csv.ts's (RFC 4180). Owns nothing persistent.
 */
import { csvField } from "./csv";
import type { Cell } from "./xlsx";

export const CSV_SEPARATORS = { semicolon: ";", comma: ",", tab: "\t" } as const;
export type CsvSeparatorName = keyof typeof CSV_SEPARATORS;

export interface CsvLocale {
  separator: CsvSeparatorName;
}

function field(v: Cell, sep: string): string {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    return sep === "," ? String(v) : String(v).replace(".", ",");
  }
  if (typeof v === "boolean") return v ? "ya" : "tidak";
  const text = csvField(v);
  if (sep === "," || text.startsWith('"')) return text;
  // csvField quotes for commas; with another separator, quote for that one instead.
  const raw = v ?? "";
  const guarded = text;
  return raw.includes(sep) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function localeCsvLine(row: readonly Cell[], locale: CsvLocale): string {
  const sep = CSV_SEPARATORS[locale.separator];
  return row.map((v) => field(v, sep)).join(sep);
}

/** The whole file as a stream of lines (BOM first, CRLF line ends). */
export async function* localeCsv(
  header: readonly string[],
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>,
  locale: CsvLocale,
): AsyncGenerator<string> {
  yield `\uFEFF${localeCsvLine(header, locale)}\r\n`;
  for await (const row of rows) yield `${localeCsvLine(row, locale)}\r\n`;
}
