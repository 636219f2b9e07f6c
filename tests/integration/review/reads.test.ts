// The supervisor screens' reads over real HTTP: visible periods per role, the progress overview,
// user names on the assessment detail, the instrument endpoints, the rapor of a pemda (shortfalls
// from the domain, with notes), and results that turn final when the period is closed.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInstrument } from "../../../src/domain/instrument/parse-instrument";
import { unitShortfalls } from "../../../src/domain/results/shortfalls";
import type { AssessmentState } from "../../../src/domain/sync/protocol";
import { type AnyBody, as, create, fakeFile, m, setAnswer, sha256, uuid } from "../sync/api";
import { completeChecklist } from "../sync/complete";
import { createWorld, instrumentJson, type World } from "../sync/world";

let w: World;
const ids = { a1: uuid(), a2: uuid() };
const photo = fakeFile("jpeg", 2000);
const photoSha = sha256(photo);
const NOTE = "Loket tutup saat kunjungan";

type Who = keyof World["people"];
async function get(who: Who, path: string) {
  const res = await as(w, who).raw(path);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === "" ? {} : JSON.parse(text)) as AnyBody };
}

async function stateOf(id: string): Promise<AssessmentState> {
  const r = await sql<{ state: AssessmentState }>`select state from assessments where id = ${id}`.execute(
    w.db,
  );
  const s = r.rows[0]?.state;
  if (s === undefined) throw new Error(`no assessment ${id}`);
  return s;
}

beforeAll(async () => {
  w = await createWorld();
  expect((await as(w, "a1").putEvidence(photoSha, photo, "image/jpeg")).status).toBe(201);
  const full = [
    create(1, ids.a1, w.asg.a1),
    ...completeChecklist(ids.a1, 2, { sha256: photoSha, bytes: 2000 }),
  ];
  const r1 = await as(w, "a1").push({
    clientId: uuid(),
    mutations: [...full, m(full.length + 1, "assessment.submit", { assessmentId: ids.a1 })],
  });
  expect(r1.body.results?.filter((x) => x.status !== "applied")).toEqual([]);
  const r2 = await as(w, "a2").push({
    clientId: uuid(),
    mutations: [
      create(1, ids.a2, w.asg.a2),
      setAnswer(2, ids.a2, "IN.SP.01", 2),
      m(3, "assessment.setNote", { assessmentId: ids.a2, key: "IN.SP.01", text: NOTE, previous: null }),
      m(4, "assessment.setNote", {
        assessmentId: ids.a2,
        key: "general",
        text: "Catatan umum",
        previous: null,
      }),
    ],
  });
  expect(r2.body.results?.filter((x) => x.status !== "applied")).toEqual([]);
}, 120_000);

afterAll(async () => {
  await w?.close();
});

describe("periods", () => {
  it("lists the periods each role may see, and 404s the others", async () => {
    const names = async (who: Who) =>
      ((await get(who, "/periods")).body.periods as { id: string }[]).map((p) => p.id).sort();
    const all = await sql<{ id: string; office_id: string }>`select id, office_id from periods`.execute(w.db);
    const kalbar = all.rows.filter((p) => p.office_id === "kalbar").map((p) => p.id);
    expect(await names("admin")).toEqual(all.rows.map((p) => p.id).sort());
    expect(await names("sup")).toEqual([...kalbar].sort());
    // a1 is on teams of the open and the closed period; a2 only on the open one.
    expect(await names("a2")).toEqual([w.periodId]);
    expect((await names("a1")).length).toBe(2);
    const one = await get("sup", `/periods/${w.periodId}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      id: w.periodId,
      officeId: "kalbar",
      year: 2026,
      name: "P",
      instrumentId: instrumentJson.id,
      instrumentVersion: instrumentJson.version,
      schemeId: "opini-2022",
      status: "open",
    });
    expect((await get("sup2", `/periods/${w.periodId}`)).status).toBe(404);
    expect((await get("sup", `/periods/${uuid()}`)).status).toBe(404);
    const inst = await get("a2", `/periods/${w.periodId}/instrument`);
    expect(inst.status).toBe(200);
    expect(inst.body).toMatchObject({ id: instrumentJson.id, version: instrumentJson.version });
    expect(parseInstrument(inst.body.definition).ok).toBe(true);
    expect((await get("sup2", `/periods/${w.periodId}/instrument`)).status).toBe(404);
  });
});

describe("progress", () => {
  it("counts units per pemda and names each unit's team", async () => {
    const p = await get("sup", `/progress?periodId=${w.periodId}`);
    expect(p.status).toBe(200);
    expect(p.body.totals).toEqual({
      sampled: 2,
      visited: 2,
      draft: 1,
      submitted: 1,
      returned: 0,
      approved: 0,
    });
    const [pemda] = p.body.pemda as { units: { assessmentId: string; status: string; team: unknown }[] }[];
    const byId = new Map(pemda?.units.map((u) => [u.assessmentId, u]));
    expect(byId.get(ids.a1)).toMatchObject({
      status: "submitted",
      team: [{ id: w.people.a1.id, name: "a1" }],
    });
    expect(byId.get(ids.a2)).toMatchObject({ status: "draft", team: [{ id: w.people.a2.id, name: "a2" }] });
    expect((await get("a1", `/progress?periodId=${w.periodId}`)).status).toBe(403);
    expect((await get("sup2", `/progress?periodId=${w.periodId}`)).status).toBe(404);
    expect((await get("sup", "/progress")).body.error?.code).toBe("invalid_query");
  });
});

describe("assessment detail", () => {
  it("names everyone it mentions and serves its instrument", async () => {
    const d = await get("sup", `/assessments/${ids.a2}`);
    expect(d.body.users).toEqual([{ id: w.people.a2.id, name: "a2", username: "a2" }]);
    const inst = await get("sup", `/assessments/${ids.a2}/instrument`);
    expect(inst.status).toBe(200);
    expect(inst.body).toMatchObject({ id: instrumentJson.id, version: instrumentJson.version });
    expect((await get("sup2", `/assessments/${ids.a2}/instrument`)).status).toBe(404);
  });
});

describe("rapor and final results", () => {
  it("lists each unit's shortfalls as the domain finds them, with the notes", async () => {
    const pemdaId = (await stateOf(ids.a2)).pemdaId;
    const r = await get("sup", `/results/rapor?periodId=${w.periodId}&pemdaId=${pemdaId}`);
    expect(r.status).toBe(200);
    const units = r.body.units as {
      assessmentId: string;
      generalNote: string | null;
      shortfalls: { indicatorId: string; notes: { text: string }[]; question: { id: string } }[];
    }[];
    const a2 = units.find((u) => u.assessmentId === ids.a2);
    const parsed = parseInstrument(instrumentJson);
    if (!parsed.ok) throw new Error("instrument");
    const expected = unitShortfalls(parsed.instrument, await stateOf(ids.a2));
    expect(a2?.shortfalls.map((s) => s.indicatorId)).toEqual(expected.map((s) => s.indicatorId));
    expect(a2?.shortfalls.find((s) => s.indicatorId === "IN.SP.01")?.notes.map((n) => n.text)).toEqual([
      NOTE,
    ]);
    expect(a2?.generalNote).toBe("Catatan umum");
    expect(units.find((u) => u.assessmentId === ids.a1)?.shortfalls).toEqual([]);
    expect((r.body.dimensions as unknown[]).length).toBe(4);
    expect((await get("a1", `/results/rapor?periodId=${w.periodId}&pemdaId=${pemdaId}`)).status).toBe(403);
    expect((await get("sup", `/results/rapor?periodId=${w.periodId}&pemdaId=${uuid()}`)).status).toBe(404);
    expect((await get("sup", `/results/rapor?periodId=${w.periodId}`)).status).toBe(400);
  });

  it("are provisional while units are unapproved, and final once the period is closed", async () => {
    const rev = (await stateOf(ids.a1)).revision;
    const approve = await as(w, "sup").raw(`/assessments/${ids.a1}/review`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decision: "approve", revision: rev }),
    });
    expect(approve.status).toBe(200);
    const names = await get("sup", `/assessments/${ids.a1}`);
    expect(names.body.users).toContainEqual({ id: w.people.sup.id, name: "sup", username: "sup" });
    const open = await get("sup", `/results?periodId=${w.periodId}`);
    const [before] = open.body.pemda as { final: boolean; score: number | null }[];
    expect(before?.final).toBe(false);
    expect(before?.score).not.toBeNull();
    await sql`update periods set status = 'closed' where id = ${w.periodId}`.execute(w.db);
    const closed = await get("sup", `/results?periodId=${w.periodId}`);
    const [after] = closed.body.pemda as { final: boolean; score: number | null }[];
    expect(after).toMatchObject({ final: true, score: before?.score });
    const csv = await as(w, "sup").raw(`/exports/results.csv?periodId=${w.periodId}`);
    expect(await csv.text()).toContain(",true,");
    await sql`update periods set status = 'open' where id = ${w.periodId}`.execute(w.db);
  });
});
