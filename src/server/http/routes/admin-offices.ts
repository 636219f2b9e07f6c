/** /offices: the admin's list of Kantor Perwakilan, create (POST) and rename (PATCH /offices/{id}). */
import * as v from "valibot";
import { NO_NUL_MESSAGE, requireAdmin } from "../../admin/guard";
import { createOffice, listOffices, updateOffice } from "../../admin/offices";
import { readJson } from "../body";
import type { RouteModule } from "../context";
import { problem } from "../problems";

/** Office ids are slugs ("kalbar"): they appear in paths, exports and the CLI's --office. */
export const OFFICE_ID = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "a slug: 2–40 of a–z, 0–9, '-'"),
);

/** The optional `?officeId=` filter of the admin lists: {} when absent, 400 when not an office id. */
export function officeFilter(value: string | undefined): { officeId?: string } {
  if (value === undefined) return {};
  if (!v.is(OFFICE_ID, value)) throw problem("invalid_query", { path: "officeId" });
  return { officeId: value };
}
const OFFICE_NAME = v.pipe(
  v.string(),
  v.check((x) => !x.includes("\u0000"), NO_NUL_MESSAGE),
  v.trim(),
  v.minLength(1),
  v.maxLength(200),
);

const CreateBody = v.strictObject({ id: OFFICE_ID, name: OFFICE_NAME });
const PatchBody = v.strictObject({ name: OFFICE_NAME });

export const adminOfficeRoutes: RouteModule = {
  name: "admin-offices",
  mount(api, deps) {
    const limit = deps.config.limits.jsonBodyBytes;
    api.get("/offices", requireAdmin(deps), async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ offices: await listOffices(deps.db) }, 200);
    });
    api.post("/offices", requireAdmin(deps), async (c) => {
      const body = await readJson(c, CreateBody, limit);
      return c.json({ office: await createOffice(deps.db, body) }, 201);
    });
    api.patch("/offices/:id", requireAdmin(deps), async (c) => {
      const id = c.req.param("id");
      if (!v.is(OFFICE_ID, id)) throw problem("not_found");
      const body = await readJson(c, PatchBody, limit);
      return c.json({ office: await updateOffice(deps.db, id, body) }, 200);
    });
  },
};
