/**
 * Supervisor planning (issue #7; docs/api-planning.md): reads of a period's plan, the pemda unit
 * sample (draw with a seed, edit by hand), assignments with teams, removal of an assignment or of
 * one team member. Thin: validation here, rules in src/server/planning. Strict bodies (unknown
 * fields → 400 unknown_field); every answer is no-store (plans change under other supervisors).
 */
import type { Context } from "hono";
import * as v from "valibot";
import { dateSchema, SYNC_LIMITS, uuidSchema } from "../../../domain/sync/schemas";
import { requireUser } from "../../auth/middleware";
import { putAssignment, removeAssignment, removeTeamMember } from "../../planning/assignments";
import { listPeriodsToPlan, readPeriodPlan } from "../../planning/read";
import { drawPemdaSample, editPemdaSample } from "../../planning/samples";
import { pathId } from "../../planning/scope";
import { readJson } from "../body";
import type { AppEnv, RouteModule } from "../context";

const BODY_LIMIT = 64 * 1024;
const MAX_UNITS = 200;

const kindSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const DrawBody = v.strictObject({
  seed: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(128))),
  mix: v.pipe(
    v.array(
      v.strictObject({
        kind: kindSchema,
        count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_UNITS)),
      }),
    ),
    v.minLength(1),
    v.maxLength(50),
  ),
});
const EditBody = v.strictObject({ unitIds: v.pipe(v.array(uuidSchema), v.maxLength(MAX_UNITS)) });
const productSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(SYNC_LIMITS.nameLength));
const AssignmentBody = v.strictObject({
  team: v.pipe(v.array(uuidSchema), v.maxLength(SYNC_LIMITS.teamSize)),
  plannedDate: v.nullable(dateSchema),
  suggestedProducts: v.optional(v.pipe(v.array(productSchema), v.maxLength(30))),
});

function noStore(c: Context<AppEnv>): void {
  c.header("Cache-Control", "no-store");
}

export const planningRoutes: RouteModule = {
  name: "planning",
  mount(api, deps) {
    const auth = requireUser(deps);
    api.get("/planning/periods", auth, async (c) => {
      const periods = await listPeriodsToPlan(deps.db, c.get("user"));
      noStore(c);
      return c.json({ periods }, 200);
    });
    api.get("/planning/periods/:periodId", auth, async (c) => {
      const plan = await readPeriodPlan(deps.db, c.get("user"), pathId(c.req.param("periodId")));
      noStore(c);
      return c.json(plan, 200);
    });
    api.post("/planning/periods/:periodId/pemda/:pemdaId/sample", auth, async (c) => {
      const periodId = pathId(c.req.param("periodId"));
      const pemdaId = pathId(c.req.param("pemdaId"));
      const body = await readJson(c, DrawBody, BODY_LIMIT);
      const sample = await drawPemdaSample(deps.db, c.get("user"), periodId, pemdaId, body);
      noStore(c);
      return c.json({ sample }, 200);
    });
    api.put("/planning/periods/:periodId/pemda/:pemdaId/sample", auth, async (c) => {
      const periodId = pathId(c.req.param("periodId"));
      const pemdaId = pathId(c.req.param("pemdaId"));
      const body = await readJson(c, EditBody, BODY_LIMIT);
      const sample = await editPemdaSample(deps.db, c.get("user"), periodId, pemdaId, body.unitIds);
      noStore(c);
      return c.json({ sample }, 200);
    });
    api.put("/planning/periods/:periodId/units/:unitId/assignment", auth, async (c) => {
      const periodId = pathId(c.req.param("periodId"));
      const unitId = pathId(c.req.param("unitId"));
      const body = await readJson(c, AssignmentBody, BODY_LIMIT);
      const { assignment, created } = await putAssignment(deps.db, c.get("user"), periodId, unitId, body);
      noStore(c);
      return c.json({ assignment }, created ? 201 : 200);
    });
    api.delete("/planning/assignments/:assignmentId", auth, async (c) => {
      await removeAssignment(deps.db, c.get("user"), pathId(c.req.param("assignmentId")));
      return c.body(null, 204);
    });
    api.delete("/planning/assignments/:assignmentId/members/:userId", auth, async (c) => {
      const assignment = await removeTeamMember(
        deps.db,
        c.get("user"),
        pathId(c.req.param("assignmentId")),
        pathId(c.req.param("userId")),
      );
      noStore(c);
      return c.json({ assignment }, 200);
    });
  },
};
