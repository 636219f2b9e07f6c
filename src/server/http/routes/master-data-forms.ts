/**
 * Master data edited in forms (issue #17; docs/api-admin.md § Master data forms), for the office's
 * own admins and supervisors (masterdata/access.ts; anyone else 404/403 before the body is read):
 * GET/POST /offices/{o}/master-data/loci, GET/PATCH …/loci/{id} (with its units and history),
 * POST …/loci/{id}/units, GET/PATCH …/units/{id} (with its history), GET …/unit-kinds.
 * Field mistakes are 400 invalid_body with details.path and details.issues (the form kit puts
 * each message under its field); a taken code or unit name is 409 already_exists with the path.
 */
import * as v from "valibot";
import { LOCUS_KINDS } from "../../../domain/loci/locus-kinds";
import { uuidParam } from "../../admin/guard";
import { requireUser } from "../../auth/middleware";
import { requireMasterDataAccess } from "../../masterdata/access";
import {
  createLocus,
  createUnit,
  findLocusWithUnits,
  findUnit,
  listLoci,
  officeUnitKinds,
  updateLocus,
  updateUnit,
} from "../../masterdata/edit";
import { listHistory } from "../../masterdata/history";
import { readJson } from "../body";
import type { RouteModule } from "../context";

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const required = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, "required"), v.maxLength(max));

const LocusBody = v.strictObject({
  code: required(50),
  name: required(200),
  kind: v.picklist(LOCUS_KINDS),
  active: v.optional(v.boolean()),
});
const LocusPatch = v.partial(LocusBody);
const UnitBody = v.strictObject({
  name: required(200),
  kind: required(100),
  address: v.optional(text(500)),
  products: v.optional(v.pipe(v.array(text(200)), v.maxLength(100))),
  active: v.optional(v.boolean()),
});
const UnitPatch = v.partial(UnitBody);

export const masterDataFormRoutes: RouteModule = {
  name: "master-data-forms",
  mount(api, deps) {
    const auth = requireUser(deps);
    const limit = deps.config.limits.jsonBodyBytes;
    const base = "/offices/:officeId/master-data";
    const who = (officeId: string, actorId: string) => ({ officeId, actorId });

    api.get(`${base}/loci`, auth, async (c) => {
      const officeId = c.req.param("officeId");
      requireMasterDataAccess(c.get("user"), officeId, "loci");
      c.header("Cache-Control", "no-store");
      return c.json({ loci: await listLoci(deps.db, officeId) }, 200);
    });
    api.post(`${base}/loci`, auth, async (c) => {
      const officeId = c.req.param("officeId");
      const user = c.get("user");
      requireMasterDataAccess(user, officeId, "loci");
      const body = await readJson(c, LocusBody, limit);
      return c.json({ locus: await createLocus(deps.db, who(officeId, user.id), body) }, 201);
    });
    api.get(`${base}/loci/:id`, auth, async (c) => {
      const officeId = c.req.param("officeId");
      requireMasterDataAccess(c.get("user"), officeId, "loci");
      const id = uuidParam(c.req.param("id"));
      const found = await findLocusWithUnits(deps.db, officeId, id);
      const history = await listHistory(deps.db, officeId, 100, { entity: "locus", entityId: id });
      c.header("Cache-Control", "no-store");
      return c.json({ ...found, history }, 200);
    });
    api.patch(`${base}/loci/:id`, auth, async (c) => {
      const officeId = c.req.param("officeId");
      const user = c.get("user");
      requireMasterDataAccess(user, officeId, "loci");
      const id = uuidParam(c.req.param("id"));
      const body = await readJson(c, LocusPatch, limit);
      return c.json({ locus: await updateLocus(deps.db, who(officeId, user.id), id, body) }, 200);
    });
    api.post(`${base}/loci/:id/units`, auth, async (c) => {
      const officeId = c.req.param("officeId");
      const user = c.get("user");
      requireMasterDataAccess(user, officeId, "units");
      const id = uuidParam(c.req.param("id"));
      const body = await readJson(c, UnitBody, limit);
      return c.json({ unit: await createUnit(deps.db, who(officeId, user.id), id, body) }, 201);
    });
    api.get(`${base}/units/:id`, auth, async (c) => {
      const officeId = c.req.param("officeId");
      requireMasterDataAccess(c.get("user"), officeId, "units");
      const id = uuidParam(c.req.param("id"));
      const unit = await findUnit(deps.db, officeId, id);
      const history = await listHistory(deps.db, officeId, 100, { entity: "unit", entityId: id });
      c.header("Cache-Control", "no-store");
      return c.json({ unit, history }, 200);
    });
    api.patch(`${base}/units/:id`, auth, async (c) => {
      const officeId = c.req.param("officeId");
      const user = c.get("user");
      requireMasterDataAccess(user, officeId, "units");
      const id = uuidParam(c.req.param("id"));
      const body = await readJson(c, UnitPatch, limit);
      return c.json({ unit: await updateUnit(deps.db, who(officeId, user.id), id, body) }, 200);
    });
    api.get(`${base}/unit-kinds`, auth, async (c) => {
      const officeId = c.req.param("officeId");
      requireMasterDataAccess(c.get("user"), officeId, "units");
      c.header("Cache-Control", "no-store");
      return c.json({ kinds: await officeUnitKinds(deps.db, officeId) }, 200);
    });
  },
};
