/**
 * /banding-schemes: banding schemes for the admin. GET (built-ins first, marked `builtin`), POST a
 * scheme JSON (create, or replace an unused stored one; 201 new, 200 otherwise). Validation is the
 * domain parser's: errors → 400 invalid_scheme with details.issues [{path, message}].
 */
import * as v from "valibot";
import { requireAdmin } from "../../admin/guard";
import { listSchemes, saveScheme } from "../../admin/schemes";
import { readJson } from "../body";
import type { RouteModule } from "../context";

export const adminSchemeRoutes: RouteModule = {
  name: "admin-schemes",
  mount(api, deps) {
    api.get("/banding-schemes", requireAdmin(deps), async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ schemes: await listSchemes(deps.db) }, 200);
    });
    api.post("/banding-schemes", requireAdmin(deps), async (c) => {
      const json = await readJson(c, v.unknown(), deps.config.limits.jsonBodyBytes);
      const { created, scheme } = await saveScheme(deps.db, json);
      return c.json({ created, scheme }, created ? 201 : 200);
    });
  },
};
