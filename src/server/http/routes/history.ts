/**
 * Published history and locus pages (issue #19; docs/api-national.md):
 * - POST /admin/history/import[?officeId=&dryRun=true]: a CSV or XLSX file as the raw body; all or
 *   nothing; row errors → 400 invalid_history_file with the report (every problem with its cell);
 * - GET /admin/history/export?[officeId=]&format=csv|xlsx;
 * - GET /loci/{id}/history: a locus's years (history/locus-history.ts).
 * Import/export: central admins for any office; another office's admin for their own office only.
 */

import type { Context } from "hono";
import * as v from "valibot";
import { requireAdmin, uuidParam } from "../../admin/guard";
import { requireUser } from "../../auth/middleware";
import { exportHistorySheet } from "../../history/export-history";
import { importHistory } from "../../history/import-history";
import { locusForViewer, locusHistory } from "../../history/locus-history";
import { isCentralUser } from "../../rounds/central";
import { CSV_MIME, writeSpreadsheet, XLSX_MIME } from "../../spreadsheet/index";
import { InstrumentCache } from "../../sync/instrument-cache";
import { readBodyBytes } from "../body";
import type { AppDeps, AppEnv, RouteModule } from "../context";
import { problem } from "../problems";
import { OFFICE_ID } from "./admin-offices";

const FILE_LIMIT_BYTES = 10 * 1024 * 1024;

/** The office an admin acts for: any (or all, null) for the central office, else their own. */
async function officeScope(deps: AppDeps, c: Context<AppEnv>): Promise<string | null> {
  const user = c.get("user");
  const asked = c.req.query("officeId");
  if (asked !== undefined && !v.is(OFFICE_ID, asked)) throw problem("invalid_query", { param: "officeId" });
  if (await isCentralUser(deps.db, user)) return asked ?? null;
  if (asked !== undefined && asked !== user.officeId) throw problem("not_found");
  return user.officeId;
}

export const historyRoutes: RouteModule = {
  name: "history",
  mount(api, deps) {
    const instruments = new InstrumentCache();
    api.post("/admin/history/import", requireAdmin(deps), async (c) => {
      const officeId = await officeScope(deps, c);
      const dry = c.req.query("dryRun");
      if (dry !== undefined && dry !== "true" && dry !== "false")
        throw problem("invalid_query", { param: "dryRun" });
      const bytes = await readBodyBytes(c.req.raw, FILE_LIMIT_BYTES);
      const report = await importHistory(deps.db, bytes, {
        officeId,
        importedBy: c.get("user").id,
        dryRun: dry === "true",
      });
      if (report.errors.length > 0) throw problem("invalid_history_file", { ...report });
      return c.json(report, 200);
    });
    api.get("/admin/history/export", requireAdmin(deps), async (c) => {
      const officeId = await officeScope(deps, c);
      const format = c.req.query("format") ?? "csv";
      if (format !== "csv" && format !== "xlsx")
        throw problem("invalid_query", { param: "format", expected: ["csv", "xlsx"] });
      const bytes = await writeSpreadsheet(format, [await exportHistorySheet(deps.db, officeId)]);
      // writeSpreadsheet allocates a fresh ArrayBuffer-backed array; the DOM typing wants that said.
      return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
        status: 200,
        headers: {
          "Content-Type": format === "csv" ? CSV_MIME : XLSX_MIME,
          "Content-Disposition": `attachment; filename="riwayat-${officeId ?? "nasional"}.${format}"`,
          "Cache-Control": "no-store",
        },
      });
    });
    api.get("/loci/:id/history", requireUser(deps), async (c) => {
      const locus = await locusForViewer(deps.db, c.get("user"), uuidParam(c.req.param("id")));
      c.header("Cache-Control", "no-store");
      return c.json(await locusHistory(deps.db, instruments, c.get("user"), locus), 200);
    });
  },
};
