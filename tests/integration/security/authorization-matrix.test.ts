// The authorisation matrix: every API endpoint on this server × every role (anonymous, assessor on
// the team, assessor of the same office off the team, assessor of another office, supervisor of the
// office, supervisor of another office, admin) × the target's office (own / other) × assessment
// state (draft, submitted, returned, approved), one table, one expected answer per cell
// (protocol.md "Visibility": not visible → 404; visible but not allowed → 403; no session → 401).
// The list of endpoints is derived from the app itself: a registered route without a row here
// fails the test, unless it is under a prefix listed in COVERED_ELSEWHERE (their own matrices).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentState } from "../../../src/domain/sync/protocol";
import { createSession } from "../../../src/server/auth/sessions";
import { systemClock } from "../../../src/server/clock";
import { API_BASE } from "../../../src/server/http/app";
import { as, create, fakeFile, setAnswer, sha256, uuid } from "../sync/api";
import { createWorld, type World } from "../sync/world";

/**
 * Route prefixes whose authorisation is tested by other matrix files (tests/integration/admin and
 * tests/integration/planning): admin and planning endpoints. The admin area's POST/PATCH on
 * /periods are there; the review area's GETs on /periods have rows here (see PERIOD_READS).
 */
const COVERED_ELSEWHERE = [
  "/api/v1/admin",
  "/api/v1/offices",
  "/api/v1/users",
  "/api/v1/instruments",
  "/api/v1/schemes",
  "/api/v1/banding-schemes",
  "/api/v1/planning",
  // National rounds and a locus's history: office scoping before and after publication is the
  // subject of tests/integration/national/round.test.ts.
  "/api/v1/rounds",
  "/api/v1/loci",
  // The audit log: anonymous 401, assessors and supervisors 403, another office's rows 404/absent,
  // the central admin sees all (tests/integration/audit/audit-log.test.ts).
  "/api/v1/audit-log",
  "/api/v1/audit-log.csv",
  // Secondary data and follow-ups per locus: supervisors and admins of the period's office only,
  // another office 404, an assessor 403 (tests/integration/locusdata/locus-data.test.ts).
  "/api/v1/periods/:periodId/locus-data",
];

/** Single routes tested by the admin matrix (tests/integration/admin/authorisation.test.ts). */
const COVERED_ELSEWHERE_ROUTES = ["POST /api/v1/periods", "PATCH /api/v1/periods/:id"];

type Actor = "anon" | "a1" | "a2" | "a3" | "sup" | "sup2" | "admin";
type Office = "own" | "other";
type Status = AssessmentState["status"];
const ACTORS: Actor[] = ["anon", "a1", "a2", "a3", "sup", "sup2", "admin"];
const OFFICES: Office[] = ["own", "other"];
const STATUSES: Status[] = ["draft", "submitted", "returned", "approved"];

/** Own = office kalbar, a1's assignment; other = office "other", a3's assignment. */
function sees(actor: Actor, office: Office): boolean {
  if (actor === "admin") return true;
  if (office === "own") return actor === "a1" || actor === "sup";
  return actor === "a3" || actor === "sup2";
}
const isAssessor = (a: Actor) => a === "a1" || a === "a2" || a === "a3";
const actorOffice = (a: Actor): Office | null =>
  a === "a3" || a === "sup2" ? "other" : a === "anon" ? null : "own";

interface Target {
  id: string;
  sha: string;
  snapshot: { state: AssessmentState; revision: number };
}

interface Cell {
  actor: Actor;
  office: Office;
  status: Status;
  target: Target;
  periodId: string;
}

interface Outcome {
  status: number;
  /** For push: the mutation's result; for list/pull: whether the target is in the answer. */
  detail?: string;
}

interface Row {
  method: "GET" | "HEAD" | "POST" | "PUT" | "DELETE";
  /** The route as registered (parameters without their patterns). */
  route: string;
  /** Dimensions that matter for this endpoint (the others are held at one value). */
  dims: ("office" | "status")[];
  run(cell: Cell): Promise<Outcome>;
  expect(cell: Cell): Outcome;
}

let w: World;
let otherPeriodId: string;
const targets = new Map<string, Target>();
const clients = new Map<Actor, { clientId: string; next: number }>();

function request(actor: Actor, path: string, init: RequestInit = {}): Promise<Response> {
  if (actor === "anon") return Promise.resolve(w.app.request(`${API_BASE}${path}`, init));
  return Promise.resolve(as(w, actor).raw(path, init));
}

async function pushAs(actor: Actor, mutation: (id: number) => Parameters<typeof JSON.stringify>[0]) {
  const c = clients.get(actor) ?? { clientId: uuid(), next: 1 };
  clients.set(actor, c);
  const res = await request(actor, "/sync/push", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId: c.clientId, mutations: [mutation(c.next)] }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    results?: { status: string; error?: { code: string } }[];
  };
  if (res.status === 200) c.next++;
  const r = body.results?.[0];
  return { status: res.status, detail: r ? (r.error ? `${r.status}:${r.error.code}` : r.status) : undefined };
}

async function restore(t: Target): Promise<void> {
  const { state, revision } = t.snapshot;
  await sql`update assessments set status = ${state.status}, revision = ${revision}, state = ${JSON.stringify(state)}::jsonb
            where id = ${t.id}`.execute(w.db);
}

beforeAll(async () => {
  w = await createWorld();
  const r = await sql<{
    period_id: string;
  }>`select period_id from assignments where id = ${w.asg.a3.id}`.execute(w.db);
  otherPeriodId = r.rows[0]?.period_id ?? "";
  let n = 0;
  for (const office of OFFICES) {
    const owner: Actor = office === "own" ? "a1" : "a3";
    const asg = office === "own" ? w.asg.a1 : w.asg.a3;
    for (const status of STATUSES) {
      const id = uuid();
      const bytes = fakeFile("jpeg", 100 + n++);
      const sha = sha256(bytes);
      expect((await as(w, owner).putEvidence(sha, bytes, "image/jpeg")).status).toBe(201);
      expect((await pushAs(owner, (m) => create(m, id, asg))).detail).toBe("applied");
      const attach = await pushAs(owner, (m) => ({
        id: m,
        name: "assessment.attachEvidence",
        args: {
          assessmentId: id,
          key: "IN.SP.05",
          evidence: { sha256: sha, mime: "image/jpeg", bytes: bytes.length, takenAt: "2026-08-01T00:00:00Z" },
        },
        at: "2026-08-01T00:00:00Z",
      }));
      expect(attach.detail).toBe("applied");
      await sql`update assessments set status = ${status}, state = jsonb_set(state, '{status}', to_jsonb(${status}::text))
                where id = ${id}`.execute(w.db);
      const row = await sql<{ state: AssessmentState; revision: number }>`
        select state, revision from assessments where id = ${id}`.execute(w.db);
      const snapshot = row.rows[0];
      if (!snapshot) throw new Error("fixture missing");
      targets.set(`${office}/${status}`, { id, sha, snapshot });
    }
  }
}, 120_000);

afterAll(async () => {
  await w?.close();
});

const assessmentRead = (status: number) => (c: Cell) =>
  c.actor === "anon" ? { status: 401 } : sees(c.actor, c.office) ? { status } : { status: 404 };
const reviewPeriod = (c: Cell): Outcome => {
  if (c.actor === "anon") return { status: 401 };
  if (c.actor !== "admin" && actorOffice(c.actor) !== c.office) return { status: 404 };
  return { status: isAssessor(c.actor) ? 403 : 200 };
};

const ROWS: Row[] = [
  {
    method: "POST",
    route: "/api/v1/session",
    dims: [],
    run: async (c) => ({
      status: (
        await request(c.actor, "/session", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "a1", password: "wrong" }),
        })
      ).status,
    }),
    // Logging in needs no session; wrong credentials are 401 for everyone.
    expect: () => ({ status: 401 }),
  },
  {
    method: "GET",
    route: "/api/v1/session",
    dims: [],
    run: async (c) => ({ status: (await request(c.actor, "/session")).status }),
    expect: (c) => ({ status: c.actor === "anon" ? 401 : 200 }),
  },
  {
    method: "DELETE",
    route: "/api/v1/session",
    dims: [],
    run: async (c) => {
      // A throwaway session of the actor, so the matrix's own sessions stay valid.
      if (c.actor === "anon")
        return { status: (await request("anon", "/session", { method: "DELETE" })).status };
      const { token } = await createSession(w.db, systemClock, w.people[c.actor].id);
      const res = await w.app.request(`${API_BASE}/session`, {
        method: "DELETE",
        headers: { cookie: `patuh_session=${token}` },
      });
      const after = await w.app.request(`${API_BASE}/session`, {
        headers: { cookie: `patuh_session=${token}` },
      });
      return { status: res.status, detail: `after:${after.status}` };
    },
    expect: (c) => (c.actor === "anon" ? { status: 204 } : { status: 204, detail: "after:401" }),
  },
  // The second factor (issue #16; behaviour in tests/integration/security/second-factor.test.ts).
  {
    method: "POST",
    route: "/api/v1/session/second-factor",
    dims: [],
    run: async (c) => ({
      status: (
        await request(c.actor, "/session/second-factor", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: "123456" }),
        })
      ).status,
    }),
    // Without a pending challenge (the password step) there is nothing to complete, session or not.
    expect: () => ({ status: 401 }),
  },
  {
    method: "GET",
    route: "/api/v1/account/second-factor",
    dims: [],
    run: async (c) => ({ status: (await request(c.actor, "/account/second-factor")).status }),
    expect: (c) => ({ status: c.actor === "anon" ? 401 : 200 }),
  },
  {
    method: "POST",
    route: "/api/v1/account/second-factor/enrolment",
    dims: [],
    run: async (c) => ({
      status: (await request(c.actor, "/account/second-factor/enrolment", { method: "POST" })).status,
    }),
    // Staff only: assessors log in on their device with the password alone.
    expect: (c) => ({ status: c.actor === "anon" ? 401 : isAssessor(c.actor) ? 403 : 201 }),
  },
  ...(["confirm", "disable"] as const).map(
    (step): Row => ({
      method: "POST",
      route: `/api/v1/account/second-factor/${step}`,
      dims: [],
      run: async (c) => {
        const res = await request(c.actor, `/account/second-factor/${step}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: "no-such-code" }),
        });
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
        return { status: res.status, detail: body.error?.code };
      },
      expect: (c) => {
        if (c.actor === "anon") return { status: 401, detail: "unauthenticated" };
        // Staff have a pending enrolment (the row above): a wrong code. Assessors have none.
        if (step === "confirm" && !isAssessor(c.actor))
          return { status: 400, detail: "second_factor_code_wrong" };
        return { status: 409, detail: "second_factor_not_enrolled" };
      },
    }),
  ),
  {
    method: "POST",
    route: "/api/v1/sync/push",
    dims: ["office", "status"],
    run: (c) => pushAs(c.actor, (m) => setAnswer(m, c.target.id, "IN.SP.01", 2, null)),
    expect: (c) => {
      if (c.actor === "anon") return { status: 401 };
      if (!sees(c.actor, c.office)) return { status: 200, detail: "rejected:assessment_not_found" };
      // Only the team edits (supervisors and admins who see it decide through review); the state
      // decides whether the edit applies.
      if (!isAssessor(c.actor)) return { status: 200, detail: "rejected:forbidden" };
      const editable = c.status === "draft" || c.status === "returned";
      return { status: 200, detail: editable ? "applied" : "rejected:not_editable" };
    },
  },
  {
    method: "GET",
    route: "/api/v1/sync/pull",
    dims: ["office", "status"],
    run: async (c) => {
      const res = await request(c.actor, `/sync/pull?clientId=${uuid()}`);
      if (res.status !== 200) return { status: res.status };
      const body = (await res.json()) as { patch: { type: string; value?: { id: string } }[] };
      const has = body.patch.some((p) => p.type === "assessment" && p.value?.id === c.target.id);
      return { status: 200, detail: has ? "sees" : "hidden" };
    },
    expect: (c) =>
      c.actor === "anon"
        ? { status: 401 }
        : { status: 200, detail: sees(c.actor, c.office) ? "sees" : "hidden" },
  },
  {
    method: "PUT",
    route: "/api/v1/evidence/:sha256",
    dims: ["office"],
    run: async (c) => {
      const bytes = fakeFile("png", 40);
      const res = await request(c.actor, `/evidence/${sha256(bytes)}`, {
        method: "PUT",
        headers: { "content-type": "image/png" },
        body: bytes,
      });
      return { status: res.status === 201 ? 200 : res.status };
    },
    // Anyone logged in may upload (content addressed; the upload registers them as its uploader).
    expect: (c) => ({ status: c.actor === "anon" ? 401 : 200 }),
  },
  {
    method: "GET",
    route: "/api/v1/evidence/:sha256",
    dims: ["office", "status"],
    run: async (c) => ({ status: (await request(c.actor, `/evidence/${c.target.sha}`)).status }),
    expect: assessmentRead(200),
  },
  {
    method: "HEAD",
    route: "/api/v1/evidence/:sha256",
    dims: ["office", "status"],
    run: async (c) => ({
      status: (await request(c.actor, `/evidence/${c.target.sha}`, { method: "HEAD" })).status,
    }),
    // HEAD answers like GET: a known hash neither opens the bytes nor says they exist (issue #16).
    expect: assessmentRead(200),
  },
  {
    method: "GET",
    route: "/api/v1/evidence/:sha256/thumbnail",
    dims: ["office", "status"],
    run: async (c) => ({ status: (await request(c.actor, `/evidence/${c.target.sha}/thumbnail`)).status }),
    // The fixture's "JPEG" is magic bytes only: whoever may see it learns it does not decode (415);
    // whoever may not gets 404 first.
    expect: assessmentRead(415),
  },
  {
    method: "GET",
    route: "/api/v1/review-queue",
    dims: [],
    run: async (c) => ({ status: (await request(c.actor, "/review-queue")).status }),
    expect: (c) => ({ status: c.actor === "anon" ? 401 : isAssessor(c.actor) ? 403 : 200 }),
  },
  {
    method: "GET",
    route: "/api/v1/assessments",
    dims: ["office", "status"],
    run: async (c) => {
      const res = await request(c.actor, "/assessments");
      if (res.status !== 200) return { status: res.status };
      const body = (await res.json()) as { assessments: { id: string }[] };
      return { status: 200, detail: body.assessments.some((a) => a.id === c.target.id) ? "sees" : "hidden" };
    },
    expect: (c) =>
      c.actor === "anon"
        ? { status: 401 }
        : { status: 200, detail: sees(c.actor, c.office) ? "sees" : "hidden" },
  },
  {
    method: "GET",
    route: "/api/v1/assessments/:id",
    dims: ["office", "status"],
    run: async (c) => ({ status: (await request(c.actor, `/assessments/${c.target.id}`)).status }),
    expect: assessmentRead(200),
  },
  {
    method: "POST",
    route: "/api/v1/assessments/:id/review",
    dims: ["office", "status"],
    run: async (c) => {
      const res = await request(c.actor, `/assessments/${c.target.id}/review`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ decision: "return", comment: "ulang", revision: c.target.snapshot.revision }),
      });
      return { status: res.status };
    },
    expect: (c) => {
      if (c.actor === "anon") return { status: 401 };
      if (!sees(c.actor, c.office)) return { status: 404 };
      if (isAssessor(c.actor)) return { status: 403 };
      return { status: c.status === "submitted" ? 200 : 409 };
    },
  },
  {
    method: "GET",
    route: "/api/v1/results",
    dims: ["office"],
    run: async (c) => ({ status: (await request(c.actor, `/results?periodId=${c.periodId}`)).status }),
    expect: reviewPeriod,
  },
  {
    method: "GET",
    route: "/api/v1/exports/results.xlsx",
    dims: ["office"],
    run: async (c) => {
      const res = await request(c.actor, `/exports/results.xlsx?periodId=${c.periodId}`);
      await res.arrayBuffer();
      return { status: res.status };
    },
    expect: reviewPeriod,
  },
  {
    method: "GET",
    route: "/api/v1/exports/results.csv",
    dims: ["office"],
    run: async (c) => ({
      status: (await request(c.actor, `/exports/results.csv?periodId=${c.periodId}`)).status,
    }),
    expect: reviewPeriod,
  },
  {
    method: "GET",
    route: "/api/v1/exports/report.xlsx",
    dims: ["office"],
    run: async (c) => {
      const res = await request(c.actor, `/exports/report.xlsx?periodId=${c.periodId}`);
      await res.arrayBuffer();
      return { status: res.status };
    },
    expect: reviewPeriod,
  },
  {
    method: "GET",
    route: "/api/v1/exports/report.csv",
    dims: ["office"],
    run: async (c) => {
      const res = await request(c.actor, `/exports/report.csv?periodId=${c.periodId}`);
      await res.arrayBuffer();
      return { status: res.status };
    },
    expect: reviewPeriod,
  },
  {
    method: "GET",
    route: "/api/v1/exports/evidence.zip",
    dims: ["office", "status"],
    run: async (c) => {
      const res = await request(c.actor, `/exports/evidence.zip?assessmentId=${c.target.id}`);
      await res.arrayBuffer();
      return { status: res.status };
    },
    expect: assessmentRead(200),
  },
];

/** A period is visible to the admin, to its office's supervisors and to assessors on its teams. */
const periodRead = (c: Cell): Outcome => {
  if (c.actor === "anon") return { status: 401 };
  return { status: c.actor === "admin" || actorOffice(c.actor) === c.office ? 200 : 404 };
};

async function pemdaOf(periodId: string): Promise<string> {
  const r = await sql<{
    pemda_id: string;
  }>`select u.pemda_id from assignments a join units u on u.id = a.unit_id
    where a.period_id = ${periodId} limit 1`.execute(w.db);
  return r.rows[0]?.pemda_id ?? "";
}

/** The review area's reads (docs/api-review.md). */
const PERIOD_READS: Row[] = [
  {
    method: "GET",
    route: "/api/v1/periods",
    dims: ["office"],
    run: async (c) => {
      const res = await request(c.actor, "/periods");
      if (res.status !== 200) return { status: res.status };
      const body = (await res.json()) as { periods: { id: string }[] };
      return { status: 200, detail: body.periods.some((p) => p.id === c.periodId) ? "sees" : "hidden" };
    },
    expect: (c) => {
      if (c.actor === "anon") return { status: 401 };
      return { status: 200, detail: periodRead(c).status === 200 ? "sees" : "hidden" };
    },
  },
  {
    method: "GET",
    route: "/api/v1/periods/:id",
    dims: ["office"],
    run: async (c) => ({ status: (await request(c.actor, `/periods/${c.periodId}`)).status }),
    expect: periodRead,
  },
  {
    method: "GET",
    route: "/api/v1/periods/:id/instrument",
    dims: ["office"],
    run: async (c) => ({ status: (await request(c.actor, `/periods/${c.periodId}/instrument`)).status }),
    expect: periodRead,
  },
  {
    method: "GET",
    route: "/api/v1/progress",
    dims: ["office"],
    run: async (c) => ({ status: (await request(c.actor, `/progress?periodId=${c.periodId}`)).status }),
    expect: reviewPeriod,
  },
  {
    method: "GET",
    route: "/api/v1/results/rapor",
    dims: ["office"],
    run: async (c) => {
      const pemdaId = await pemdaOf(c.periodId);
      return {
        status: (await request(c.actor, `/results/rapor?periodId=${c.periodId}&pemdaId=${pemdaId}`)).status,
      };
    },
    expect: reviewPeriod,
  },
  {
    method: "GET",
    route: "/api/v1/assessments/:id/instrument",
    dims: ["office", "status"],
    run: async (c) => ({ status: (await request(c.actor, `/assessments/${c.target.id}/instrument`)).status }),
    expect: assessmentRead(200),
  },
];
ROWS.push(...PERIOD_READS);

/** "/api/v1/evidence/:sha256{[0-9a-f]{64}}" → "/api/v1/evidence/:sha256". */
function routeName(path: string): string {
  let out = "";
  let depth = 0;
  for (const ch of path) {
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

describe("authorisation matrix", () => {
  it("has a row for every registered API route (or the route is covered by another matrix)", () => {
    const registered = new Set<string>();
    for (const r of w.app.routes) {
      if (r.method === "ALL" || !r.path.startsWith("/api/")) continue;
      const route = routeName(r.path);
      if (
        COVERED_ELSEWHERE.some(
          (p) => route === p || route.startsWith(`${p}/`) || route.startsWith(`${p}?`),
        ) ||
        COVERED_ELSEWHERE_ROUTES.includes(`${r.method} ${route}`)
      )
        continue;
      registered.add(`${r.method} ${route}`);
      // Hono serves HEAD with the GET handler; evidence is the one place HEAD means something.
    }
    const rows = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
    expect([...registered].filter((r) => !rows.has(r)).sort()).toEqual([]);
    expect([...rows].filter((r) => r.split(" ")[0] !== "HEAD" && !registered.has(r)).sort()).toEqual([]);
  });

  it("answers every endpoint × role × office × assessment state as the visibility rules say", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const row of ROWS) {
      for (const actor of ACTORS) {
        for (const office of row.dims.includes("office") ? OFFICES : (["own"] as Office[])) {
          for (const status of row.dims.includes("status") ? STATUSES : (["draft"] as Status[])) {
            const target = targets.get(`${office}/${status}`);
            if (!target) throw new Error("missing target");
            await restore(target);
            const cell: Cell = {
              actor,
              office,
              status,
              target,
              periodId: office === "own" ? w.periodId : otherPeriodId,
            };
            const got = await row.run(cell);
            const want = row.expect(cell);
            cells++;
            if (got.status !== want.status || (want.detail !== undefined && got.detail !== want.detail))
              mismatches.push(
                `${row.method} ${row.route} as ${actor}, ${office} office, ${status}: ` +
                  `got ${got.status}${got.detail ? ` ${got.detail}` : ""}, want ${want.status}${want.detail ? ` ${want.detail}` : ""}`,
              );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(300);
  });
});
