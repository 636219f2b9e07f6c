/**
 * Locus inputs of a period (issue #18; docs/api-review.md § Secondary data and follow-ups):
 * GET    /periods/{periodId}/locus-data — secondary-data indicators and, per locus, values and follow-ups;
 * PUT    /periods/{periodId}/locus-data/{pemdaId}/secondary {values: [...]} — replaces the locus's values;
 * PUT    /periods/{periodId}/locus-data/{pemdaId}/oversight {products: [...]} — records the follow-ups
 *        (the whole list; [] = no product issued);
 * DELETE /periods/{periodId}/locus-data/{pemdaId}/oversight — back to "not recorded";
 * POST   /periods/{periodId}/locus-data/import[?dryRun=true] — CSV/XLSX, all or nothing;
 * GET    /periods/{periodId}/locus-data/export?format=xlsx|csv.
 * Supervisors of the period's office and admins (results/access.ts: other offices 404, assessors 403).
 */
import { requireUser } from "../../auth/middleware";
import { exportLocusData } from "../../locusdata/export";
import { importLocusData } from "../../locusdata/import";
import { forgetOversight, readLocusData, saveOversight, saveSecondary } from "../../locusdata/service";
import { periodForReview } from "../../results/access";
import { InstrumentCache } from "../../sync/instrument-cache";
import { parseJsonBytes, readBodyBytes } from "../body";
import type { RouteModule } from "../context";
import { problem } from "../problems";
import { dryRunQuery, importAnswer, spreadsheetDownload } from "../spreadsheet-answers";
import { MASTER_DATA_MAX_BYTES } from "./master-data";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uuidParam(value: string): string {
  const v = value.toLowerCase();
  if (!UUID.test(v)) throw problem("not_found");
  return v;
}

export const locusDataRoutes: RouteModule = {
  name: "locus-data",
  mount(api, deps) {
    const auth = requireUser(deps);
    const instruments = new InstrumentCache();
    const period = (c: {
      get(k: "user"): Parameters<typeof periodForReview>[1];
      req: { param(k: string): string };
    }) => periodForReview(deps.db, c.get("user"), uuidParam(c.req.param("periodId")));
    const json = async (req: Request) => {
      const type = req.headers.get("content-type") ?? "";
      if (!/^application\/json\b/i.test(type))
        throw problem("unsupported_media_type", { expected: "application/json" });
      return parseJsonBytes(await readBodyBytes(req, deps.config.limits.jsonBodyBytes));
    };
    api.get("/periods/:periodId/locus-data", auth, async (c) => {
      const p = await period(c);
      c.header("Cache-Control", "no-store");
      return c.json(await readLocusData(deps.db, instruments, p), 200);
    });
    api.put("/periods/:periodId/locus-data/:pemdaId/secondary", auth, async (c) => {
      const p = await period(c);
      const body = await json(c.req.raw);
      await saveSecondary(deps.db, instruments, p, uuidParam(c.req.param("pemdaId")), body, c.get("user").id);
      return c.body(null, 204);
    });
    api.put("/periods/:periodId/locus-data/:pemdaId/oversight", auth, async (c) => {
      const p = await period(c);
      const body = await json(c.req.raw);
      await saveOversight(deps.db, p, uuidParam(c.req.param("pemdaId")), body, c.get("user").id);
      return c.body(null, 204);
    });
    api.delete("/periods/:periodId/locus-data/:pemdaId/oversight", auth, async (c) => {
      const p = await period(c);
      await forgetOversight(deps.db, p, uuidParam(c.req.param("pemdaId")));
      return c.body(null, 204);
    });
    api.post("/periods/:periodId/locus-data/import", auth, async (c) => {
      const p = await period(c);
      const dryRun = dryRunQuery(c);
      const bytes = await readBodyBytes(c.req.raw, MASTER_DATA_MAX_BYTES);
      const report = await importLocusData(deps.db, instruments, p, bytes, {
        dryRun,
        actorId: c.get("user").id,
      });
      return importAnswer(c, report);
    });
    api.get("/periods/:periodId/locus-data/export", auth, async (c) => {
      const p = await period(c);
      const format = c.req.query("format") ?? "xlsx";
      if (format !== "csv" && format !== "xlsx") throw problem("invalid_query", { path: "format" });
      const sheet = c.req.query("sheet") ?? "secondary";
      if (sheet !== "secondary" && sheet !== "oversight") throw problem("invalid_query", { path: "sheet" });
      const bytes = await exportLocusData(deps.db, instruments, p, format, sheet);
      return spreadsheetDownload(bytes, format, `data-lokus-${p.year}`);
    });
  },
};
