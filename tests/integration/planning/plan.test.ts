// Planning behaviour through the real app: reproducible seeded samples that respect the mix of unit
// kinds, hand edits, assignments with teams and suggested products, closed periods, and how every
// change reaches (or leaves) the assessors' devices through pull — including the clear rejection
// of a removed assessor's further edits.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawSample } from "../../../src/domain";
import type { Assignment, PatchOp } from "../../../src/domain/sync/protocol";
import { as, create, m, setAnswer, uuid } from "../sync/api";
import { addAssignment, addUnit, call, createPlanningWorld, type PlanningWorld } from "./support";

let w: PlanningWorld;
beforeAll(async () => {
  w = await createPlanningWorld();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

interface Sample {
  seed: string;
  mix: { kind: string; count: number }[];
  unitIds: string[];
  edited: boolean;
}
interface PlanAssignment extends Assignment {
  suggestedProducts: string[];
  assessmentCount: number;
}

const samplePath = () => `/planning/periods/${w.periods.kalbar}/pemda/${w.pemda.kalbar}/sample`;
const assignmentPath = (unitId: string) => `/planning/periods/${w.periods.kalbar}/units/${unitId}/assignment`;

async function unitsOfKalbar() {
  const r = await sql<{ id: string; kind: string; name: string }>`select id, kind, name from units
    where pemda_id = ${w.pemda.kalbar}`.execute(w.db);
  return r.rows;
}

async function draw(body: unknown) {
  const r = await call(w, "sup", "POST", samplePath(), body);
  return { ...r, sample: r.body.sample as Sample };
}

describe("pemda sample", () => {
  const mix = [
    { kind: "dinkes", count: 1 },
    { kind: "puskesmas", count: 3 },
  ];

  it("the same seed always gives the same sample, the domain's, with the requested mix of kinds", async () => {
    const first = await draw({ seed: "kalbar-2026", mix });
    expect(first.status).toBe(200);
    const again = await draw({ seed: "kalbar-2026", mix });
    expect(again.sample.unitIds).toEqual(first.sample.unitIds);
    expect(first.sample.seed).toBe("kalbar-2026");
    const units = await unitsOfKalbar();
    const expected = drawSample({ seed: "kalbar-2026", candidates: units, mix });
    expect(expected.ok && expected.sample.map((u) => u.id)).toEqual(first.sample.unitIds);
    const kindOf = new Map(units.map((u) => [u.id, u.kind]));
    expect(first.sample.unitIds.map((id) => kindOf.get(id))).toEqual([
      "dinkes",
      "puskesmas",
      "puskesmas",
      "puskesmas",
    ]);
    expect(first.sample.edited).toBe(false);
  });

  it("without a seed the server mints one, returns it, and that seed redraws the same sample", async () => {
    const minted = await draw({ mix });
    expect(minted.sample.seed).toMatch(/^[0-9a-f]{32}$/);
    const other = await draw({ mix });
    expect(other.sample.seed).not.toBe(minted.sample.seed);
    const replay = await draw({ seed: minted.sample.seed, mix });
    expect(replay.sample.unitIds).toEqual(minted.sample.unitIds);
    // The stored plan shows the seed of the last draw.
    const plan = await call(w, "sup", "GET", `/planning/periods/${w.periods.kalbar}`);
    const pemda = (plan.body.pemda as { id: string; sample: Sample | null }[]).find(
      (p) => p.id === w.pemda.kalbar,
    );
    expect(pemda?.sample?.seed).toBe(minted.sample.seed);
  });

  it("a mix the pemda cannot supply is 400 invalid_sample with the paths", async () => {
    const tooMany = await draw({ mix: [{ kind: "puskesmas", count: 6 }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.code).toBe("invalid_sample");
    const unknown = await draw({ mix: [{ kind: "rsud", count: 1 }] });
    expect(unknown.body.error?.code).toBe("invalid_sample");
    expect(JSON.stringify(unknown.body.error?.details)).toContain("$.mix[0].kind");
    expect((await draw({ mix: [{ kind: "dinkes", count: 1 }], extra: 1 })).body.error?.code).toBe(
      "unknown_field",
    );
    expect((await draw({ mix: [] })).status).toBe(400);
  });

  it("a hand edit replaces the units and is marked edited; foreign units are refused", async () => {
    const drawn = await draw({ seed: "edit-me", mix });
    const units = await unitsOfKalbar();
    const outside = units.find((u) => !drawn.sample.unitIds.includes(u.id));
    const unitIds = [...drawn.sample.unitIds.slice(1), outside?.id ?? ""];
    const edited = await call(w, "sup", "PUT", samplePath(), { unitIds });
    expect(edited.status).toBe(200);
    expect(edited.body.sample).toMatchObject({ unitIds, edited: true, seed: "edit-me" });
    const foreignUnit = await addUnit(w, w.pemda.other, "dinkes", "Elsewhere");
    const refused = await call(w, "sup", "PUT", samplePath(), { unitIds: [foreignUnit] });
    expect(refused.body.error?.code).toBe("invalid_sample");
    // Another pemda of the office, never drawn: nothing to edit yet.
    const otherPemda = uuid();
    await sql`insert into pemda (id, office_id, code, name, kind) values (${otherPemda}, 'kalbar', 'X1', 'Kota X', 'kota')`.execute(
      w.db,
    );
    const undrawn = await call(
      w,
      "sup",
      "PUT",
      `/planning/periods/${w.periods.kalbar}/pemda/${otherPemda}/sample`,
      {
        unitIds: [],
      },
    );
    expect(undrawn.status).toBe(409);
    expect(undrawn.body.error?.code).toBe("sample_not_drawn");
  });
});

describe("closed period", () => {
  it("reads work; every change is 409 period_closed", async () => {
    const base = `/planning/periods/${w.periods.closed}`;
    expect((await call(w, "sup", "GET", base)).status).toBe(200);
    const a = await addAssignment(w, w.periods.closed, w.pemda.kalbar, [w.people.a1.id]);
    const writes = [
      await call(w, "sup", "POST", `${base}/pemda/${w.pemda.kalbar}/sample`, {
        mix: [{ kind: "dinkes", count: 1 }],
      }),
      await call(w, "sup", "PUT", `${base}/pemda/${w.pemda.kalbar}/sample`, { unitIds: [] }),
      await call(w, "sup", "PUT", `${base}/units/${a.unitId}/assignment`, { team: [], plannedDate: null }),
      await call(w, "admin", "DELETE", `/planning/assignments/${a.id}`),
      await call(w, "sup", "DELETE", `/planning/assignments/${a.id}/members/${w.people.a1.id}`),
    ];
    expect(writes.map((r) => [r.status, r.body.error?.code])).toEqual(Array(5).fill([409, "period_closed"]));
  });
});

function assignmentsIn(patch: PatchOp[] | undefined) {
  return (patch ?? []).flatMap((op) => (op.op === "put" && op.type === "assignment" ? [op.value] : []));
}
function deletedIn(patch: PatchOp[] | undefined, type: string) {
  return (patch ?? []).flatMap((op) => (op.op === "del" && op.type === type ? [op.id] : []));
}

describe("assignments reach the devices", () => {
  const device = uuid();
  let cursor = "";
  async function pullA2() {
    const r = await as(w, "a2").pull(device, cursor);
    expect(r.status).toBe(200);
    cursor = r.body.cursor ?? "";
    return r.body;
  }

  it("create, change date and products, remove a member, remove an assignment — each in the next pull", async () => {
    await pullA2();
    const units = await unitsOfKalbar();
    const unit = units.find((u) => u.kind === "puskesmas");
    if (!unit) throw new Error("no puskesmas");
    // Create: 201, products suggested from the unit's catalogue (first three).
    const created = await call(w, "sup", "PUT", assignmentPath(unit.id), {
      team: [w.people.a2.id],
      plannedDate: "2026-09-02",
    });
    expect(created.status).toBe(201);
    const a = created.body.assignment as PlanAssignment;
    expect(a).toMatchObject({
      unitId: unit.id,
      team: [w.people.a2.id],
      plannedDate: "2026-09-02",
      suggestedProducts: ["Imunisasi", "Pemeriksaan Umum", "KIA"],
      assessmentCount: 0,
    });
    let got = assignmentsIn((await pullA2()).patch);
    expect(got).toEqual([
      {
        id: a.id,
        periodId: w.periods.kalbar,
        unitId: unit.id,
        pemdaId: w.pemda.kalbar,
        team: [w.people.a2.id],
        plannedDate: "2026-09-02",
        suggestedProducts: ["Imunisasi", "Pemeriksaan Umum", "KIA"],
      },
    ]);
    // Update: 200, same id; new date and products arrive.
    const updated = await call(w, "sup", "PUT", assignmentPath(unit.id), {
      team: [w.people.a2.id],
      plannedDate: "2026-09-09",
      suggestedProducts: [" Imunisasi ", "Imunisasi", "Surat Sehat"],
    });
    expect(updated.status).toBe(200);
    expect((updated.body.assignment as PlanAssignment).id).toBe(a.id);
    got = assignmentsIn((await pullA2()).patch);
    expect(got.map((x) => [x.plannedDate, x.suggestedProducts])).toEqual([
      ["2026-09-09", ["Imunisasi", "Surat Sehat"]],
    ]);
    // Adding a member is a change for everyone on the team; the products stay when not sent.
    const withA1 = await call(w, "sup", "PUT", assignmentPath(unit.id), {
      team: [w.people.a2.id, w.people.a1.id],
      plannedDate: "2026-09-09",
    });
    expect((withA1.body.assignment as PlanAssignment).suggestedProducts).toEqual([
      "Imunisasi",
      "Surat Sehat",
    ]);
    got = assignmentsIn((await pullA2()).patch);
    expect(got[0]?.team).toEqual([w.people.a2.id, w.people.a1.id].sort());
    // a2 starts an assessment, then is taken off the team.
    const assessmentId = uuid();
    const push = await as(w, "a2").push({
      clientId: device,
      mutations: [create(1, assessmentId, { id: a.id, unitId: unit.id })],
    });
    expect(push.body.results?.[0]?.status).toBe("applied");
    await pullA2();
    const removed = await call(w, "sup", "DELETE", `/planning/assignments/${a.id}/members/${w.people.a2.id}`);
    expect(removed.status).toBe(200);
    expect((removed.body.assignment as PlanAssignment).team).toEqual([w.people.a1.id]);
    const lost = await pullA2();
    expect(deletedIn(lost.patch, "assignment")).toEqual([a.id]);
    expect(deletedIn(lost.patch, "assessment")).toEqual([assessmentId]);
    // Further edits: a clear rejection (the work stays on the device), never applied.
    const late = await as(w, "a2").push({
      clientId: device,
      mutations: [setAnswer(2, assessmentId, "IN.SP.01", 2)],
    });
    expect(late.body.results?.[0]).toMatchObject({
      status: "rejected",
      error: { code: "assignment_removed" },
    });
    // A create for the lost assignment, queued offline before the removal: the same answer.
    const lateId = uuid();
    const lateCreate = await as(w, "a2").push({
      clientId: device,
      mutations: [create(3, lateId, { id: a.id, unitId: unit.id })],
    });
    expect(lateCreate.body.results?.[0]?.error?.code).toBe("assignment_removed");
    // …and the edits queued after that create (of an assessment the server never created).
    const afterCreate = await as(w, "a2").push({
      clientId: device,
      mutations: [
        m(4, "assessment.putProduct", { assessmentId: lateId, product: { id: uuid(), name: "Imunisasi" } }),
      ],
    });
    expect(afterCreate.body.results?.[0]?.error?.code).toBe("assignment_removed");
    // Someone who never was on the team still learns nothing.
    const stranger = await as(w, "a3").push({
      clientId: uuid(),
      mutations: [setAnswer(1, assessmentId, "IN.SP.01", 1)],
    });
    expect(stranger.body.results?.[0]?.error?.code).toBe("assessment_not_found");
    // a1 still has it; removing a member twice is 404; the assignment with an assessment stays.
    expect(
      (await call(w, "sup", "DELETE", `/planning/assignments/${a.id}/members/${w.people.a2.id}`)).status,
    ).toBe(404);
    const keep = await call(w, "sup", "DELETE", `/planning/assignments/${a.id}`);
    expect([keep.status, keep.body.error?.code]).toEqual([409, "assignment_has_assessment"]);
  });

  it("removing an assignment without assessments deletes it from the team's devices", async () => {
    await pullA2();
    const a = await addAssignment(w, w.periods.kalbar, w.pemda.kalbar, [w.people.a2.id]);
    expect(assignmentsIn((await pullA2()).patch).map((x) => x.id)).toEqual([a.id]);
    expect((await call(w, "admin", "DELETE", `/planning/assignments/${a.id}`)).status).toBe(204);
    expect(deletedIn((await pullA2()).patch, "assignment")).toEqual([a.id]);
  });

  it("a team must be active assessors of the period's office", async () => {
    const unit = await addUnit(w, w.pemda.kalbar, "dinkes", "Dinkes 3");
    for (const member of [w.people.a3.id, w.people.sup.id, uuid()]) {
      const r = await call(w, "sup", "PUT", assignmentPath(unit), { team: [member], plannedDate: null });
      expect([r.status, r.body.error?.code]).toEqual([400, "invalid_team"]);
    }
    const badDate = await call(w, "sup", "PUT", assignmentPath(unit), {
      team: [],
      plannedDate: "2026-02-30",
    });
    expect(badDate.body.error?.code).toBe("invalid_body");
  });
});
