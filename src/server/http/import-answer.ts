/**
 * The HTTP side of a spreadsheet import that answers with a report (master data, locus data):
 * `?dryRun=true|false` (absent: false; anything else is the caller's mistake, 400), and the answer
 * 200 {report} when the report lists no problem, else 422 import_invalid with the whole report as
 * details (the import wrote nothing). Neither is cached: a report says what the file did now.
 */
import type { Context } from "hono";
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
