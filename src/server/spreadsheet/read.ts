/**
 * readSpreadsheet: bytes in, sheets of rows and every problem out. The file type comes from the
 * magic bytes only; size and inflated size are capped before any parsing. Never throws for a bad
 * file: a caller shows `problems` (each with its cell where there is one) and writes nothing.
 */
import { detectKind, zipUncompressedSize } from "./detect";
import { decodeText, readCsvText } from "./read-csv";
import { readXlsxBytes } from "./read-xlsx";
import type { ReadOptions, ReadResult, SheetProblem } from "./types";

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 200_000;
/** An XLSX may inflate to this many times its limit (XML is verbose; a zip bomb is far beyond). */
const INFLATE_FACTOR = 40;

function refused(problem: SheetProblem, format: ReadResult["format"] = null): ReadResult {
  return { format, sheets: [], problems: [problem] };
}

export async function readSpreadsheet(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (bytes.length > maxBytes) {
    return refused({
      code: "file_too_large",
      message: `The file is ${bytes.length} bytes; the limit is ${maxBytes}.`,
      params: { size: bytes.length, limit: maxBytes },
    });
  }
  const kind = detectKind(bytes);
  switch (kind) {
    case "empty":
      return refused({ code: "file_empty", message: "The file is empty." });
    case "xls":
      return refused({
        code: "file_type",
        message: "This is an old Excel 97–2003 (.xls) file; save it as .xlsx or CSV.",
        params: { detected: "xls" },
      });
    case "other":
      return refused({
        code: "file_type",
        message: "The file is neither a CSV (text) nor an XLSX workbook.",
        params: { detected: "other" },
      });
    case "xlsx": {
      const inflated = zipUncompressedSize(bytes);
      if (inflated === null) {
        return refused({ code: "file_broken", message: "The XLSX file is truncated or damaged." }, "xlsx");
      }
      if (inflated > maxBytes * INFLATE_FACTOR) {
        return refused(
          {
            code: "file_too_large",
            message: `The XLSX file would inflate to ${inflated} bytes; the limit is ${maxBytes * INFLATE_FACTOR}.`,
            params: { size: inflated, limit: maxBytes * INFLATE_FACTOR },
          },
          "xlsx",
        );
      }
      const { sheets, problems } = await readXlsxBytes(bytes, maxRows);
      return finish({ format: "xlsx", sheets, problems });
    }
    case "text":
    case "utf16": {
      const name = options.csvSheetName ?? "CSV";
      const { sheet, problems } = readCsvText(decodeText(bytes, kind === "utf16"), name);
      if (sheet.rows.length > maxRows + 1) {
        problems.push({
          code: "too_many_rows",
          message: `The CSV file has more than ${maxRows} rows.`,
          sheet: name,
          params: { limit: maxRows },
        });
      }
      return finish({ format: "csv", sheets: problems.length ? [] : [sheet], problems });
    }
  }
}

function finish(result: ReadResult): ReadResult {
  if (result.problems.length === 0 && !result.sheets.some((s) => s.rows.length > 0)) {
    return { ...result, sheets: [], problems: [{ code: "file_empty", message: "The file holds no rows." }] };
  }
  return result;
}
