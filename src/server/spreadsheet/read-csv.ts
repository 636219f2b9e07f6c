/**
 * CSV reading: the text's encoding (UTF-8 with or without BOM, UTF-16 with BOM as Excel's
 * "Unicode text", else Windows-1252 as older Excel exports), the delimiter (`,`, `;` as Excel
 * writes in Indonesian locales, or tab) detected from the first non-empty line, and records
 * parsed by csv-parse. Row numbers are record numbers, as a spreadsheet program shows them.
 */
import { CsvError, parse } from "csv-parse/sync";
import type { CellValue, RawSheet, SheetProblem } from "./types";

export function decodeText(bytes: Uint8Array, utf16: boolean): string {
  if (utf16) {
    const le = bytes[0] === 0xff;
    return new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The delimiter used most often outside quotes in the first non-empty line. */
export function detectDelimiter(text: string): string {
  const candidates = [",", ";", "\t"];
  const counts = new Map<string, number>(candidates.map((c) => [c, 0]));
  let quoted = false;
  let seen = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (seen) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch.trim() !== "") seen = true;
  }
  let best = ",";
  for (const c of candidates) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

// Our own CSV writer (and exports/csv.ts) prefix text that a spreadsheet would run as a formula
// with an apostrophe; reading strips it back so an export re-imports unchanged.
const ESCAPED_FORMULA = /^'[=+\-@]/;

function cell(raw: string): CellValue {
  const v = raw.trim();
  if (v === "") return null;
  return ESCAPED_FORMULA.test(v) ? v.slice(1) : v;
}

export function readCsvText(text: string, sheetName: string): { sheet: RawSheet; problems: SheetProblem[] } {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    const line = e instanceof CsvError ? Number((e as CsvError & { lines?: number }).lines ?? 0) : 0;
    return {
      sheet: { name: sheetName, rows: [] },
      problems: [
        {
          code: "file_broken",
          message: `The CSV file cannot be read${line ? ` (near line ${line})` : ""}: ${e instanceof Error ? e.message : String(e)}`,
          sheet: sheetName,
          params: { line },
        },
      ],
    };
  }
  const rows = records
    .map((r, i) => ({ row: i + 1, cells: r.map(cell) }))
    .filter((r) => r.cells.some((c) => c !== null));
  return { sheet: { name: sheetName, rows }, problems: [] };
}
