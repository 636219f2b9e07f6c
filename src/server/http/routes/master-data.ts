/**
 * Master data of an office (issue #17; docs/api-admin.md § Master data):
 * POST /offices/{officeId}/master-data/{loci|units|users}/import[?dryRun=true] — the raw CSV or
 *   XLSX file as the body; 200 with the report when valid, 422 import_invalid with the report
 *   (every problem with its cell) when not; nothing is written unless valid and not a dry run.
 * GET /offices/{officeId}/master-data/{entity}/export?format=csv|xlsx — the same column set.
 * GET /offices/{officeId}/master-data/history, GET /offices/{officeId}/setup.
 * Only the office's own admins and supervisors (users: admins) — masterdata/access.ts.
 */
import { requireUser } from "../../auth/middleware";
import { requireMasterDataAccess } from "../../masterdata/access";
import { ENTITIES, type Entity } from "../../masterdata/columns";
import { exportSheet } from "../../masterdata/export";
import { listHistory } from "../../masterdata/history";
import { runImport } from "../../masterdata/import";
import { setupState } from "../../masterdata/setup";
import { writeSpreadsheet } from "../../spreadsheet";
import { readBodyBytes } from "../body";
import type { RouteModule } from "../context";
import { Problem, problem } from "../problems";
import { dryRunQuery, importAnswer, spreadsheetDownload } from "../spreadsheet-answers";

/** Largest master-data file accepted (a whole national set of units is about 2 MB as XLSX). */
export const MASTER_DATA_MAX_BYTES = 10 * 1024 * 1024;

function entityParam(value: string): Entity {
  if (!(ENTITIES as readonly string[]).includes(value)) throw problem("not_found");
  return value as Entity;
}

export const masterDataRoutes: RouteModule = {
  name: "master-data",
  mount(api, deps) {
    const auth = requireUser(deps);
    api.post("/offices/:officeId/master-data/:entity/import", auth, async (c) => {
      const officeId = c.req.param("officeId");
      const entity = entityParam(c.req.param("entity"));
      const user = c.get("user");
      requireMasterDataAccess(user, officeId, entity);
      const dryRun = dryRunQuery(c);
      let bytes: Uint8Array;
      try {
        bytes = await readBodyBytes(c.req.raw, MASTER_DATA_MAX_BYTES);
      } catch (e) {
        if (e instanceof Problem && e.code === "payload_too_large") {
          throw problem("payload_too_large", {
            limitBytes: MASTER_DATA_MAX_BYTES,
            problems: [
              {
                code: "file_too_large",
                message: `The file is larger than ${MASTER_DATA_MAX_BYTES} bytes.`,
                params: { limit: MASTER_DATA_MAX_BYTES },
              },
            ],
          });
        }
        throw e;
      }
      const report = await runImport(deps.db, {
        entity,
        officeId,
        bytes,
        dryRun,
        actorId: user.id,
        source: "import",
        maxBytes: MASTER_DATA_MAX_BYTES,
      });
      return importAnswer(c, report);
    });
    api.get("/offices/:officeId/master-data/:entity/export", auth, async (c) => {
      const officeId = c.req.param("officeId");
      const entity = entityParam(c.req.param("entity"));
      requireMasterDataAccess(c.get("user"), officeId, entity);
      const format = c.req.query("format") ?? "xlsx";
      if (format !== "csv" && format !== "xlsx") throw problem("invalid_query", { path: "format" });
      const bytes = await writeSpreadsheet(format, [await exportSheet(deps.db, entity, officeId)]);
      return spreadsheetDownload(bytes, format, `${officeId}-${entity}`);
    });
    api.get("/offices/:officeId/master-data/history", auth, async (c) => {
      const officeId = c.req.param("officeId");
      requireMasterDataAccess(c.get("user"), officeId, "setup");
      c.header("Cache-Control", "no-store");
      return c.json({ history: await listHistory(deps.db, officeId) }, 200);
    });
    api.get("/offices/:officeId/setup", auth, async (c) => {
      const officeId = c.req.param("officeId");
      requireMasterDataAccess(c.get("user"), officeId, "setup");
      c.header("Cache-Control", "no-store");
      return c.json({ setup: await setupState(deps.db, officeId) }, 200);
    });
  },
};
