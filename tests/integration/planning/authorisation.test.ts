// The planning authorisation matrix: every planning endpoint × anonymous, assessor, supervisor and
// admin × a target in their own office and in another office. Expected, in this order of checks:
// no session → 401; out of the user's office scope → 404 (existence does not leak); in scope but
// an assessor → 403; supervisor of the office or admin → success. Each call gets fresh targets, so
// every cell is independent of the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAssignment, call, createPlanningWorld, type PlanningWorld, type Who } from "./support";

let w: PlanningWorld;
beforeAll(async () => {
  w = await createPlanningWorld();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

type Office = "kalbar" | "other";
const officeOf: Record<Exclude<Who, null>, Office> = {
  admin: "kalbar",
  sup: "kalbar",
  sup2: "other",
  a1: "kalbar",
  a2: "kalbar",
  a3: "other",
};
const assessorOf: Record<Office, "a1" | "a3"> = { kalbar: "a1", other: "a3" };

interface Endpoint {
  name: string;
  success: number;
  /** Builds one request aimed at `office` (fresh targets where the call changes state). */
  request(office: Office): Promise<{ method: string; path: string; json?: unknown }>;
}

const mix = [{ kind: "puskesmas", count: 2 }];

const ENDPOINTS: Endpoint[] = [
  {
    name: "GET /planning/periods/{id}",
    success: 200,
    request: async (o) => ({ method: "GET", path: `/planning/periods/${w.periods[o]}` }),
  },
  {
    name: "POST …/pemda/{id}/sample (draw)",
    success: 200,
    request: async (o) => ({
      method: "POST",
      path: `/planning/periods/${w.periods[o]}/pemda/${w.pemda[o]}/sample`,
      json: { seed: "matrix", mix },
    }),
  },
  {
    name: "PUT …/pemda/{id}/sample (edit)",
    success: 200,
    request: async (o) => {
      // Drawn by the admin first, so the edit itself is what is judged.
      const path = `/planning/periods/${w.periods[o]}/pemda/${w.pemda[o]}/sample`;
      const drawn = await call(w, "admin", "POST", path, { seed: "matrix", mix });
      expect(drawn.status).toBe(200);
      const unitIds = (drawn.body.sample as { unitIds: string[] }).unitIds.slice(0, 1);
      return { method: "PUT", path, json: { unitIds } };
    },
  },
  {
    name: "PUT …/units/{id}/assignment",
    success: 201,
    request: async (o) => {
      const { unitId } = await addAssignment(w, w.periods[o], w.pemda[o], []);
      await w.db.deleteFrom("assignments").where("unit_id", "=", unitId).execute();
      return {
        method: "PUT",
        path: `/planning/periods/${w.periods[o]}/units/${unitId}/assignment`,
        json: { team: [w.people[assessorOf[o]].id], plannedDate: "2026-09-01" },
      };
    },
  },
  {
    name: "DELETE /planning/assignments/{id}",
    success: 204,
    request: async (o) => {
      const a = await addAssignment(w, w.periods[o], w.pemda[o], [w.people[assessorOf[o]].id]);
      return { method: "DELETE", path: `/planning/assignments/${a.id}` };
    },
  },
  {
    name: "DELETE /planning/assignments/{id}/members/{userId}",
    success: 200,
    request: async (o) => {
      const member = w.people[assessorOf[o]].id;
      const a = await addAssignment(w, w.periods[o], w.pemda[o], [member]);
      return { method: "DELETE", path: `/planning/assignments/${a.id}/members/${member}` };
    },
  },
];

function expected(who: Who, target: Office, success: number): number {
  if (who === null) return 401;
  if (who !== "admin" && officeOf[who] !== target) return 404;
  if (who === "a1" || who === "a2" || who === "a3") return 403;
  return success;
}

const WHO: Who[] = [null, "a1", "a3", "sup", "sup2", "admin"];

describe("planning authorisation matrix", () => {
  for (const endpoint of ENDPOINTS) {
    it(endpoint.name, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const target of ["kalbar", "other"] as const) {
        for (const who of WHO) {
          const r = await endpoint.request(target);
          const res = await call(w, who, r.method, r.path, r.json);
          got.push(`${who ?? "anonymous"} → ${target}: ${res.status}`);
          want.push(`${who ?? "anonymous"} → ${target}: ${expected(who, target, endpoint.success)}`);
          if (res.status >= 400) expect(res.body.error?.code).toBeTypeOf("string");
        }
      }
      expect(got).toEqual(want);
    });
  }

  it("GET /planning/periods: 401, 403 for assessors, own office for a supervisor, all for the admin", async () => {
    expect((await call(w, null, "GET", "/planning/periods")).status).toBe(401);
    expect((await call(w, "a1", "GET", "/planning/periods")).status).toBe(403);
    const ids = async (who: Who) => {
      const r = await call(w, who, "GET", "/planning/periods");
      expect(r.status).toBe(200);
      return (r.body.periods as { id: string }[]).map((p) => p.id).sort();
    };
    expect(await ids("sup")).toEqual([w.periods.kalbar, w.periods.closed].sort());
    expect(await ids("sup2")).toEqual([w.periods.other]);
    expect(await ids("admin")).toEqual([w.periods.kalbar, w.periods.closed, w.periods.other].sort());
  });

  it("ids that are not UUIDs, or unknown, are 404 (never a 5xx)", async () => {
    for (const path of [
      "/planning/periods/nope",
      `/planning/periods/${crypto.randomUUID()}`,
      `/planning/periods/${w.periods.kalbar}/pemda/x/sample`,
      `/planning/assignments/${crypto.randomUUID()}`,
    ]) {
      const method = path.endsWith("sample") ? "POST" : path.includes("assignments") ? "DELETE" : "GET";
      const r = await call(w, "sup", method, path, method === "POST" ? { mix } : undefined);
      expect([path, r.status]).toEqual([path, 404]);
    }
  });

  it("a pemda or unit of another office inside one's own period is 404", async () => {
    const draw = await call(
      w,
      "sup",
      "POST",
      `/planning/periods/${w.periods.kalbar}/pemda/${w.pemda.other}/sample`,
      {
        mix,
      },
    );
    expect(draw.status).toBe(404);
    const foreign = await addAssignment(w, w.periods.other, w.pemda.other, []);
    const put = await call(
      w,
      "sup",
      "PUT",
      `/planning/periods/${w.periods.kalbar}/units/${foreign.unitId}/assignment`,
      {
        team: [],
        plannedDate: null,
      },
    );
    expect(put.status).toBe(404);
  });
});
