/**
 * Instruments authored in a spreadsheet, for admins (docs/api-admin.md § Instrument workbooks):
 * GET  /instruments/template.xlsx — the empty workbook with one example per sheet;
 * GET  /instruments/{id}/{version}/xlsx — any stored instrument (format 1 or 2) as that workbook;
 * POST /instruments/xlsx[?save=true] — the workbook as the body: 200 {instrument, json} (a preview;
 *      stored too with save=true: 201 new, 200 identical), or 422 import_invalid with every problem
 *      at its sheet/row/column and nothing stored.
 */
import { ID_PATTERN } from "../../../domain/common/validate";
import { requireAdmin } from "../../admin/guard";
import { uploadInstrument } from "../../admin/instruments";
import { instrumentXlsx, templateXlsx } from "../../instrument-sheets/export";
import { importInstrumentXlsx } from "../../instrument-sheets/import";
import { XLSX_MIME } from "../../spreadsheet";
import { InstrumentCache } from "../../sync/instrument-cache";
import { readBodyBytes } from "../body";
import type { RouteModule } from "../context";
import { problem } from "../problems";
import { MASTER_DATA_MAX_BYTES } from "./master-data";

const xlsx = (bytes: Uint8Array<ArrayBuffer>, name: string) =>
  new Response(bytes, {
    status: 200,
    headers: {
      "Content-Type": XLSX_MIME,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });

export const adminInstrumentSheetRoutes: RouteModule = {
  name: "admin-instrument-sheets",
  mount(api, deps) {
    const instruments = new InstrumentCache();
    api.get("/instruments/template.xlsx", requireAdmin(deps), async () =>
      xlsx(await templateXlsx(), "instrumen-template.xlsx"),
    );
    api.get("/instruments/:id/:version/xlsx", requireAdmin(deps), async (c) => {
      const id = c.req.param("id");
      const versionText = c.req.param("version");
      if (!ID_PATTERN.test(id) || !/^[1-9][0-9]{0,8}$/.test(versionText)) throw problem("not_found");
      const instrument = await instruments.get(deps.db, id, Number(versionText));
      if (instrument === undefined) throw problem("not_found");
      return xlsx(await instrumentXlsx(instrument), `${id}-${versionText}.xlsx`);
    });
    api.post("/instruments/xlsx", requireAdmin(deps), async (c) => {
      const save = c.req.query("save");
      if (save !== undefined && save !== "true" && save !== "false")
        throw problem("invalid_query", { path: "save" });
      const bytes = await readBodyBytes(c.req.raw, MASTER_DATA_MAX_BYTES);
      const result = await importInstrumentXlsx(bytes);
      c.header("Cache-Control", "no-store");
      if (!result.ok) {
        return c.json(
          {
            error: {
              code: "import_invalid",
              message: "The file has problems; nothing was written.",
              details: { problems: result.problems },
            },
          },
          422,
        );
      }
      if (save !== "true") return c.json({ stored: false, json: result.json }, 200);
      const { created, instrument } = await uploadInstrument(deps.db, result.json);
      return c.json({ stored: true, created, instrument, json: result.json }, created ? 201 : 200);
    });
  },
};
