// A unit drawn in a pemda's sample but not yet given a team (issue #18): it is part of the sample,
// so results, progress, rapor, the results XLSX, the locus-data list and the names frozen at close
// all carry it as "not_started" and keep the pemda provisional until it is scored — it never
// silently vanishes. And a unit's score is the same, with its locus's secondary data, in
// GET /assessments, GET /review-queue, GET /assessments/{id} and GET /results. PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "../review/read-zip";
import { GORONTALO_OBSERVED } from "./instrument";
import { insertSubmittedAssessment } from "./submitted-assessment";
import { type LocusWorld, startLocusWorld } from "./world";

type Who = "admin" | "sup" | "ass";
let world: LocusWorld<Who>;
const call: LocusWorld<Who>["call"] = (...args) => world.call(...args);
const periodId = randomUUID();
const gorontalo = randomUUID();
const boneBolango = randomUUID();
const unitOf: Record<string, string> = {};
let rsudAssessment = "";
const observed: Record<string, number> = {
  "Dinas Pendidikan": GORONTALO_OBSERVED.dinasPendidikan,
  "Dinas Sosial": GORONTALO_OBSERVED.dinasSosial,
  RSUD: GORONTALO_OBSERVED.rsud,
};

interface UnitBody {
  unitId: string;
  name: string;
  score: number | null;
  status: string;
}
interface PemdaBody {
  pemdaId: string;
  name: string;
  score: number | null;
  final: boolean;
  band: { predicate?: string } | null;
  units: UnitBody[];
}
async function results(): Promise<Map<string, PemdaBody>> {
  const r = await call("sup", "GET", `/results?periodId=${periodId}`);
  expect(r.status).toBe(200);
  return new Map((r.body.pemda as PemdaBody[]).map((p) => [p.pemdaId, p]));
}

/** Gives the unit a team (an assignment) and a submitted assessment; returns the assessment id. */
async function assessAndSubmit(name: string): Promise<string> {
  const db = world.db;
  const unitId = unitOf[name];
  const value = observed[name];
  if (unitId === undefined || value === undefined) throw new Error(`fixture ${name}`);
  const assignmentId = randomUUID();
  await sql`insert into assignments (id, period_id, unit_id) values (${assignmentId}, ${periodId}, ${unitId})`.execute(
    db,
  );
  await sql`insert into assignment_members (assignment_id, user_id) values (${assignmentId}, ${world.ids.ass})`.execute(
    db,
  );
  return insertSubmittedAssessment(db, {
    periodId,
    pemdaId: gorontalo,
    unitId,
    assignmentId,
    assessorId: world.ids.ass,
    observed: value,
  });
}

async function approve(id: string): Promise<void> {
  const r = await call("sup", "POST", `/assessments/${id}/review`, { decision: "approve", revision: 4 });
  expect(r.status).toBe(200);
}

async function assessAndApprove(name: string): Promise<string> {
  const id = await assessAndSubmit(name);
  await approve(id);
  return id;
}

/** The unit's score as each read shows it: list, review queue (if queued), detail, results. */
async function scoresOf(id: string, unitId: string) {
  const list = await call("sup", "GET", `/assessments?periodId=${periodId}`);
  const queue = await call("sup", "GET", "/review-queue");
  const detail = await call("sup", "GET", `/assessments/${id}`);
  const res = (await results()).get(gorontalo);
  return {
    list: (list.body.assessments as { id: string; score: number | null }[]).find((x) => x.id === id)?.score,
    queue: (queue.body.items as { assessmentId: string; score: number | null }[]).find(
      (x) => x.assessmentId === id,
    )?.score,
    detail: (detail.body.score as { total: number } | null)?.total,
    results: res?.units.find((u) => u.unitId === unitId)?.score,
  };
}

beforeAll(async () => {
  world = await startLocusWorld<Who>(
    [["gorontalo", "Perwakilan Gorontalo"]],
    [
      ["admin", "admin", "gorontalo"],
      ["sup", "supervisor", "gorontalo"],
      ["ass", "assessor", "gorontalo"],
    ],
  );
  const { db } = world;
  await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id, status)
            values (${periodId}, 'gorontalo', 2025, 'Penilaian 2025', 'uji-2025', 1, 'opini-2025', 'open')`.execute(
    db,
  );
  await sql`insert into pemda (id, office_id, code, name, kind) values
            (${gorontalo}, 'gorontalo', '75', 'Pemprov Gorontalo', 'provinsi'),
            (${boneBolango}, 'gorontalo', '75.03', 'Kabupaten Bone Bolango', 'kabupaten')`.execute(db);
  for (const name of Object.keys(observed)) {
    unitOf[name] = randomUUID();
    await sql`insert into units (id, pemda_id, kind, name) values (${unitOf[name]}, ${gorontalo}, ${name}, ${name})`.execute(
      db,
    );
  }
  unitOf.boneRsud = randomUUID();
  await sql`insert into units (id, pemda_id, kind, name) values (${unitOf.boneRsud}, ${boneBolango}, 'RSUD', 'RSUD Toto Kabila')`.execute(
    db,
  );
  // The supervisor draws both samples through the planning API; no team is given yet.
  const mix = (kinds: string[]) => ({ mix: kinds.map((kind) => ({ kind, count: 1 })) });
  const drawn = await call(
    "sup",
    "POST",
    `/planning/periods/${periodId}/pemda/${gorontalo}/sample`,
    mix(["Dinas Pendidikan", "Dinas Sosial", "RSUD"]),
  );
  expect(drawn.status).toBe(200);
  const bone = await call(
    "sup",
    "POST",
    `/planning/periods/${periodId}/pemda/${boneBolango}/sample`,
    mix(["RSUD"]),
  );
  expect(bone.status).toBe(200);
  expect(
    (
      await call("sup", "PUT", `/periods/${periodId}/locus-data/${gorontalo}/secondary`, {
        values: [{ indicatorId: "OUT.01", value: 3, source: "KemenPANRB, Indeks Pelayanan Publik 2025" }],
      })
    ).status,
  ).toBe(204);
  // Two of Gorontalo's three drawn units are assessed and approved; RSUD has no team yet.
  await assessAndApprove("Dinas Pendidikan");
  await assessAndApprove("Dinas Sosial");
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe("a drawn unit with no team, then scored", () => {
  it("shows in results as not started and keeps the pemda provisional", async () => {
    const p = (await results()).get(gorontalo);
    expect(p?.units.map((u) => [u.name, u.status, u.score])).toEqual([
      ["Dinas Pendidikan", "approved", 68.79],
      ["Dinas Sosial", "approved", 77.55],
      ["RSUD", "not_started", null],
    ]);
    // The score is the mean of the approved units, provisional while RSUD is not scored.
    expect(p?.score).toBe(73.17);
    expect(p?.final).toBe(false);
  });

  it("a pemda whose sample has no team at all is listed, with no score and not final", async () => {
    const p = (await results()).get(boneBolango);
    expect(p).toMatchObject({ name: "Kabupaten Bone Bolango", score: null, final: false, band: null });
    expect(p?.units).toMatchObject([
      { unitId: unitOf.boneRsud, name: "RSUD Toto Kabila", status: "not_started" },
    ]);
  });

  it("progress counts it as sampled, with no team and no assignment", async () => {
    const r = await call("sup", "GET", `/progress?periodId=${periodId}`);
    expect(r.status).toBe(200);
    expect(r.body.totals).toMatchObject({ sampled: 4, visited: 2, approved: 2 });
    const units = (r.body.pemda as { units: Record<string, unknown>[] }[]).flatMap((p) => p.units);
    expect(units.find((u) => u.unitId === unitOf.RSUD)).toMatchObject({
      status: "not_started",
      assignmentId: null,
      team: [],
    });
  });

  it("the rapor and the results XLSX carry it too", async () => {
    const rapor = await call("sup", "GET", `/results/rapor?periodId=${periodId}&pemdaId=${gorontalo}`);
    expect(rapor.status).toBe(200);
    const units = rapor.body.units as { name: string; status: string }[];
    expect(units.map((u) => [u.name, u.status])).toEqual([
      ["Dinas Pendidikan", "approved"],
      ["Dinas Sosial", "approved"],
      ["RSUD", "not_started"],
    ]);
    const x = await call("sup", "GET", `/exports/results.xlsx?periodId=${periodId}`);
    expect(x.status).toBe(200);
    const rows = Object.values(readXlsx(x.bytes)).flat(1) as unknown[][];
    const rsud = rows.find((row) => row.map(String).includes(unitOf.RSUD ?? "?"));
    expect(rsud?.map(String)).toContain("not_started");
    expect(rows.some((row) => row.map(String).includes(unitOf.boneRsud ?? "?"))).toBe(true);
  });

  it("its locus counts as sampled on the locus-data screen", async () => {
    const r = await call("sup", "GET", `/periods/${periodId}/locus-data`);
    expect(r.status).toBe(200);
    expect(r.body.loci).toMatchObject([
      { pemdaId: gorontalo, sampled: true },
      { pemdaId: boneBolango, sampled: true },
    ]);
  });

  it("once given a team and submitted, its score with secondary data is the same in every read", async () => {
    const id = await assessAndSubmit("RSUD");
    rsudAssessment = id;
    // 84.11 with the Output value 3 of 3 recorded for the locus (68.22 without it).
    expect(await scoresOf(id, unitOf.RSUD ?? "")).toEqual({
      list: 84.11,
      queue: 84.11,
      detail: 84.11,
      results: 84.11,
    });
    // A changed locus value moves every read at once: nothing serves a stale cached number.
    const path = `/periods/${periodId}/locus-data/${gorontalo}/secondary`;
    const source = "KemenPANRB, Indeks Pelayanan Publik 2025";
    expect(
      (await call("sup", "PUT", path, { values: [{ indicatorId: "OUT.01", value: 0, source }] })).status,
    ).toBe(204);
    const lower = await scoresOf(id, unitOf.RSUD ?? "");
    expect(lower.list).toBeLessThan(84.11);
    expect(lower).toEqual({ list: lower.list, queue: lower.list, detail: lower.list, results: lower.list });
    expect(
      (await call("sup", "PUT", path, { values: [{ indicatorId: "OUT.01", value: 3, source }] })).status,
    ).toBe(204);
  });

  it("once approved, the pemda result is final: 76.82", async () => {
    await approve(rsudAssessment);
    const approved = await scoresOf(rsudAssessment, unitOf.RSUD ?? "");
    expect(approved).toEqual({ list: 84.11, queue: undefined, detail: 84.11, results: 84.11 });
    const p = (await results()).get(gorontalo);
    expect(p?.units.map((u) => u.score)).toEqual([68.79, 77.55, 84.11]);
    expect(p?.score).toBe(76.82);
    expect(p?.final).toBe(true);
    expect(p?.band?.predicate).toBe("Kualitas Sedang");
  });

  it("closing the period freezes the name of a drawn unit with no team as well", async () => {
    expect((await call("admin", "PATCH", `/periods/${periodId}`, { status: "closed" })).status).toBe(200);
    await sql`update units set name = 'RSUD Baru' where id = ${unitOf.boneRsud}`.execute(world.db);
    const p = (await results()).get(boneBolango);
    expect(p?.units).toMatchObject([{ name: "RSUD Toto Kabila", status: "not_started" }]);
  });

  it("a closed period's locus data still reads (periodStatus closed, for the read-only screen); writes 409", async () => {
    const r = await call("sup", "GET", `/periods/${periodId}/locus-data`);
    expect(r.status).toBe(200);
    expect(r.body.periodStatus).toBe("closed");
    expect((r.body.loci as { pemdaId: string; secondary: unknown[] }[])[0]?.secondary).toHaveLength(1);
    const write = await call("sup", "PUT", `/periods/${periodId}/locus-data/${gorontalo}/oversight`, {
      products: [],
    });
    expect(write.status).toBe(409);
  });
});
