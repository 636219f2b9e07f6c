/**
 * /instruments: instrument versions for the admin. GET (list), GET /instruments/{id}/{version}
 * (with the definition), POST (the instrument JSON itself as the body; 201 new, 200 identical
 * re-upload), DELETE /instruments/{id}/{version} (only while unused). Validation is the domain
 * parser's: its errors go back as 400 invalid_instrument with details.issues [{path, message}].
 */
import * as v from "valibot";
import { ID_PATTERN } from "../../../domain/common/validate";
import { requireAdmin } from "../../admin/guard";
import { getInstrument, listInstruments, removeInstrument, uploadInstrument } from "../../admin/instruments";
import { readJson } from "../body";
import type { RouteModule } from "../context";
import { problem } from "../problems";

const ONE = "/instruments/:id/:version";

/** Instrument ids follow the domain's ID_PATTERN; anything else names nothing (404, never a 500). */
function idParam(value: string): string {
  if (!ID_PATTERN.test(value)) throw problem("not_found");
  return value;
}

function versionParam(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw problem("not_found");
  return Number(value);
}

export const adminInstrumentRoutes: RouteModule = {
  name: "admin-instruments",
  mount(api, deps) {
    api.get("/instruments", requireAdmin(deps), async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ instruments: await listInstruments(deps.db) }, 200);
    });
    api.get(ONE, requireAdmin(deps), async (c) => {
      const version = versionParam(c.req.param("version"));
      c.header("Cache-Control", "no-store");
      return c.json(await getInstrument(deps.db, idParam(c.req.param("id")), version), 200);
    });
    api.post("/instruments", requireAdmin(deps), async (c) => {
      // Any JSON: the shape is the domain parser's business (it reports every problem with a path).
      const json = await readJson(c, v.unknown(), deps.config.limits.jsonBodyBytes);
      const { created, instrument } = await uploadInstrument(deps.db, json);
      return c.json({ created, instrument }, created ? 201 : 200);
    });
    api.delete(ONE, requireAdmin(deps), async (c) => {
      const version = versionParam(c.req.param("version"));
      await removeInstrument(deps.db, idParam(c.req.param("id")), version);
      return c.body(null, 204);
    });
  },
};
