/**
 * The HTTP side of the spreadsheet imports that answer with a report, and of their exports (master
 * data, locus data). Import: `?dryRun=true|false` (absent: false; anything else is the caller's
 * mistake, 400), and 200 {report} when the report lists no problem, else 422 import_invalid with
 * the whole report as details (the import wrote nothing). Export: the file as an attachment of
 * its format's type. None is cached: each says what the data is now.
 */
import type { Context } from "hono";
import { CSV_MIME, type SpreadsheetFormat, XLSX_MIME } from "../spreadsheet";
import type { AppEnv } from "./context";
import { PROBLEMS, problem } from "./problems";

export function dryRunQuery(c: Context<AppEnv>): boolean {
  const text = c.req.query("dryRun");
  if (text !== undefined && text !== "true" && text !== "false")
    throw problem("invalid_query", { path: "dryRun" });
  return text === "true";
}

export function importAnswer(c: Context<AppEnv>, report: { problems: readonly unknown[] }): Response {
  c.header("Cache-Control", "no-store");
  if (report.problems.length > 0) {
    const { message } = PROBLEMS.import_invalid;
    return c.json({ error: { code: "import_invalid", message, details: report } }, 422);
  }
  return c.json({ report }, 200);
}

/** A spreadsheet download: `name` gets the format's extension. */
export function spreadsheetDownload(
  bytes: Uint8Array<ArrayBuffer>,
  format: SpreadsheetFormat,
  name: string,
): Response {
  return new Response(bytes, {
    status: 200,
    headers: {
      "Content-Type": format === "csv" ? CSV_MIME : XLSX_MIME,
      "Content-Disposition": `attachment; filename="${name}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
