/**
 * National rounds (issue #19; docs/api-national.md):
 * - GET /rounds (supervisors, admins), POST /rounds, PATCH /rounds/{id}, POST /rounds/{id}/offices
 *   (join an office's period), POST /rounds/{id}/publish (central admins only);
 * - GET /rounds/{id}: the round and progress per office (central: every office; others: their own);
 * - GET /rounds/{id}/results[.xlsx]?officeId=&category=: national results, scoped by
 *   rounds/national-results.ts (before publication only the central office sees other offices);
 * - PUT /admin/central-office: marks the Kantor Pusat (bootstrap rule in rounds/central.ts).
 * Assessors get 403 everywhere here (results are supervisor views).
 */

import type { Context } from "hono";
import * as v from "valibot";
import { LOCUS_KINDS } from "../../../domain/loci/locus-kinds";
import { NO_NUL_MESSAGE, requireAdmin, uuidParam } from "../../admin/guard";
import { requireUser } from "../../auth/middleware";
import { requireRole } from "../../auth/permissions";
import { xlsxStream } from "../../exports/xlsx";
import { isCentralUser, requireCentralAdmin, setCentralOffice } from "../../rounds/central";
import { nationalSheets } from "../../rounds/national-export";
import { type NationalFilter, nationalResults } from "../../rounds/national-results";
import { roundProgress } from "../../rounds/progress";
import {
  createRound,
  findRound,
  joinRound,
  listRounds,
  publishRound,
  updateRound,
} from "../../rounds/rounds";
import { InstrumentCache } from "../../sync/instrument-cache";
import { readJson } from "../body";
import type { AppEnv, RouteModule } from "../context";
import { problem } from "../problems";
import { OFFICE_ID } from "./admin-offices";

const TEXT = v.pipe(
  v.string(),
  v.check((x) => !x.includes("\u0000"), NO_NUL_MESSAGE),
  v.trim(),
  v.minLength(1),
  v.maxLength(200),
);
const REF_ID = v.pipe(
  v.string(),
  v.check((x) => !x.includes("\u0000"), NO_NUL_MESSAGE),
  v.minLength(1),
  v.maxLength(128),
);
const DATE = v.pipe(
  v.string(),
  v.isoDate(),
  v.check((x) => !Number.isNaN(Date.parse(`${x}T00:00:00Z`)), "not a calendar date"),
);
const TIMETABLE = v.strictObject({
  planningUntil: v.optional(DATE),
  fieldworkUntil: v.optional(DATE),
  reviewUntil: v.optional(DATE),
  publicationOn: v.optional(DATE),
});
const CreateBody = v.strictObject({
  year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
  name: TEXT,
  instrumentId: REF_ID,
  instrumentVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  schemeId: REF_ID,
  timetable: v.optional(TIMETABLE, {}),
});
const PatchBody = v.strictObject({ name: v.optional(TEXT), timetable: v.optional(TIMETABLE) });
const JoinBody = v.strictObject({
  officeId: OFFICE_ID,
  periodId: v.optional(v.pipe(v.string(), v.uuid(), v.toLowerCase())),
});
const CentralBody = v.strictObject({ officeId: OFFICE_ID });

function filterOf(c: Context<AppEnv>): NationalFilter {
  const filter: NationalFilter = {};
  const office = c.req.queries("officeId") ?? [];
  if (office.length > 1 || (office.length === 1 && !v.is(OFFICE_ID, office[0])))
    throw problem("invalid_query", { param: "officeId", expected: "office id" });
  if (office[0] !== undefined) filter.officeId = office[0];
  const category = c.req.queries("category") ?? [];
  const cat = category[0];
  if (category.length > 1 || (cat !== undefined && !(LOCUS_KINDS as readonly string[]).includes(cat)))
    throw problem("invalid_query", { param: "category", expected: LOCUS_KINDS });
  if (cat !== undefined) filter.category = cat;
  return filter;
}

export const roundRoutes: RouteModule = {
  name: "rounds",
  mount(api, deps) {
    const limit = deps.config.limits.jsonBodyBytes;
    const instruments = new InstrumentCache();
    const staff = requireUser(deps);
    const roundFor = async (c: Context<AppEnv>) => {
      requireRole(c.get("user"), "supervisor", "admin");
      const round = await findRound(deps.db, uuidParam(c.req.param("id") ?? ""));
      if (round === undefined) throw problem("not_found");
      return round;
    };

    api.put("/admin/central-office", requireAdmin(deps), async (c) => {
      const body = await readJson(c, CentralBody, limit);
      await setCentralOffice(deps.db, c.get("user"), body.officeId);
      return c.json({ centralOfficeId: body.officeId }, 200);
    });
    api.get("/rounds", staff, async (c) => {
      requireRole(c.get("user"), "supervisor", "admin");
      const central = await isCentralUser(deps.db, c.get("user"));
      c.header("Cache-Control", "no-store");
      return c.json({ central, rounds: await listRounds(deps.db) }, 200);
    });
    api.post("/rounds", requireAdmin(deps), async (c) => {
      await requireCentralAdmin(deps.db, c.get("user"));
      const body = await readJson(c, CreateBody, limit);
      return c.json({ round: await createRound(deps.db, c.get("user"), body) }, 201);
    });
    api.get("/rounds/:id", staff, async (c) => {
      const round = await roundFor(c);
      const user = c.get("user");
      const central = await isCentralUser(deps.db, user);
      const offices = await roundProgress(deps.db, round.id, central ? null : user.officeId);
      c.header("Cache-Control", "no-store");
      return c.json({ round, central, offices }, 200);
    });
    api.patch("/rounds/:id", requireAdmin(deps), async (c) => {
      await requireCentralAdmin(deps.db, c.get("user"));
      const id = uuidParam(c.req.param("id"));
      const body = await readJson(c, PatchBody, limit);
      return c.json({ round: await updateRound(deps.db, id, body) }, 200);
    });
    api.post("/rounds/:id/offices", requireAdmin(deps), async (c) => {
      await requireCentralAdmin(deps.db, c.get("user"));
      const id = uuidParam(c.req.param("id"));
      const body = await readJson(c, JoinBody, limit);
      const joined = await joinRound(deps.db, id, body);
      return c.json(joined, joined.created ? 201 : 200);
    });
    api.post("/rounds/:id/publish", requireAdmin(deps), async (c) => {
      await requireCentralAdmin(deps.db, c.get("user"));
      const id = uuidParam(c.req.param("id"));
      return c.json({ round: await publishRound(deps.db, c.get("user"), id, deps.clock.now()) }, 200);
    });
    api.get("/rounds/:id/results", staff, async (c) => {
      const round = await roundFor(c);
      const results = await nationalResults(deps.db, instruments, round, c.get("user"), filterOf(c));
      c.header("Cache-Control", "no-store");
      return c.json(results, 200);
    });
    api.get("/rounds/:id/results.xlsx", staff, async (c) => {
      const round = await roundFor(c);
      const results = await nationalResults(deps.db, instruments, round, c.get("user"), filterOf(c));
      return new Response(xlsxStream(nationalSheets(results)), {
        status: 200,
        headers: {
          "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "Content-Disposition": `attachment; filename="hasil-nasional-${round.year}.xlsx"`,
          "Cache-Control": "no-store",
        },
      });
    });
  },
};
