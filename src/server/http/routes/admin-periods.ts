/**
 * Periods for the admin: POST /periods (create, open), PATCH /periods/{id} (name, status,
 * instrument, scheme) and GET /admin/periods (every office's periods with counts). GET /periods and
 * GET /periods/{id} belong to the review module (routes/periods.ts); the app merges methods per
 * path, so both modules serve /periods.
 */
import * as v from "valibot";
import { NO_NUL_MESSAGE, requireAdmin, uuidParam } from "../../admin/guard";
import { createPeriod, listPeriods, updatePeriod } from "../../admin/periods";
import { noteAudit } from "../../audit/audit-hook";
import { readJson } from "../body";
import type { RouteModule } from "../context";
import { OFFICE_ID, officeFilter } from "./admin-offices";

const NAME = v.pipe(
  v.string(),
  v.check((x) => !x.includes("\u0000"), NO_NUL_MESSAGE),
  v.trim(),
  v.minLength(1),
  v.maxLength(200),
);
const YEAR = v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100));
const REF_ID = v.pipe(
  v.string(),
  v.check((x) => !x.includes("\u0000"), NO_NUL_MESSAGE),
  v.minLength(1),
  v.maxLength(128),
);
const VERSION = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_147_483_647));

const CreateBody = v.strictObject({
  officeId: OFFICE_ID,
  year: YEAR,
  name: NAME,
  instrumentId: REF_ID,
  instrumentVersion: VERSION,
  schemeId: REF_ID,
});
const PatchBody = v.strictObject({
  name: v.optional(NAME),
  status: v.optional(v.picklist(["open", "closed"])),
  instrumentId: v.optional(REF_ID),
  instrumentVersion: v.optional(VERSION),
  schemeId: v.optional(REF_ID),
});

export const adminPeriodRoutes: RouteModule = {
  name: "admin-periods",
  mount(api, deps) {
    const limit = deps.config.limits.jsonBodyBytes;
    api.get("/admin/periods", requireAdmin(deps), async (c) => {
      const filter = officeFilter(c.req.query("officeId"));
      c.header("Cache-Control", "no-store");
      return c.json({ periods: await listPeriods(deps.db, filter) }, 200);
    });
    api.post("/periods", requireAdmin(deps), async (c) => {
      const body = await readJson(c, CreateBody, limit);
      noteAudit(c, { targetOfficeId: body.officeId, detail: { year: body.year, name: body.name } });
      const period = await createPeriod(deps.db, body);
      noteAudit(c, { targetKind: "period", targetId: period.id });
      return c.json({ period }, 201);
    });
    api.patch("/periods/:id", requireAdmin(deps), async (c) => {
      const id = uuidParam(c.req.param("id"));
      const body = await readJson(c, PatchBody, limit);
      noteAudit(c, {
        ...(body.status === "closed"
          ? { action: "period.close" }
          : body.status === "open"
            ? { action: "period.reopen" }
            : {}),
        detail: { fields: Object.keys(body) },
      });
      return c.json({ period: await updatePeriod(deps.db, id, body) }, 200);
    });
  },
};
