// Supervisor review, results and exports end to end, through the real app: assessments built by
// real pushes, decisions by supervisors, the returned assessment pulled by its assessor, results
// compared with a fresh domain roll-up of the stored states, and the export files read back.
import { unzipSync } from "fflate";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPINI_2022 } from "../../../src/domain/banding/builtin";
import { parseInstrument } from "../../../src/domain/instrument/parse-instrument";
import type { Instrument } from "../../../src/domain/instrument/types";
import { rollUpResults } from "../../../src/domain/results/roll-up";
import { scoreAssessment } from "../../../src/domain/scoring/score-assessment";
import type { AssessmentState } from "../../../src/domain/sync/protocol";
import { type AnyBody, as, create, fakeFile, m, setAnswer, sha256, uuid } from "../sync/api";
import { completeChecklist } from "../sync/complete";
import { createWorld, instrumentJson, type World } from "../sync/world";
import { readCsv, readXlsx } from "./read-zip";

let w: World;
let instrument: Instrument;
const photo = fakeFile("jpeg", 3000);
const photoSha = sha256(photo);
const ids = { a1: uuid(), a2: uuid(), a3: uuid() };
const a1Client = uuid();
let a1Next = 1;

type Who = keyof World["people"];
async function call(who: Who, method: string, path: string, json?: unknown) {
  const res = await as(w, who).raw(path, {
    method,
    ...(json === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(json) }),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  let body: AnyBody = {};
  try {
    body = JSON.parse(new TextDecoder().decode(bytes)) as AnyBody;
  } catch {
    // binary
  }
  return { status: res.status, headers: res.headers, body, bytes };
}
const get = (who: Who, path: string) => call(who, "GET", path);
const review = (who: Who, id: string, body: unknown) => call(who, "POST", `/assessments/${id}/review`, body);

async function stateOf(id: string): Promise<AssessmentState> {
  const r = await sql<{ state: AssessmentState }>`select state from assessments where id = ${id}`.execute(
    w.db,
  );
  const s = r.rows[0]?.state;
  if (s === undefined) throw new Error(`no assessment ${id}`);
  return s;
}

async function pushA1(mutations: ReturnType<typeof m>[]) {
  const r = await as(w, "a1").push({ clientId: a1Client, mutations });
  expect(r.body.results?.filter((x) => x.status !== "applied")).toEqual([]);
  a1Next += mutations.length;
}

beforeAll(async () => {
  w = await createWorld();
  const parsed = parseInstrument(instrumentJson);
  if (!parsed.ok) throw new Error("instrument");
  instrument = parsed.instrument;
  expect((await as(w, "a1").putEvidence(photoSha, photo, "image/jpeg")).status).toBe(201);
  const full = [
    create(1, ids.a1, w.asg.a1),
    ...completeChecklist(ids.a1, 2, { sha256: photoSha, bytes: 3000 }),
  ];
  await pushA1(full);
  await pushA1([m(a1Next, "assessment.submit", { assessmentId: ids.a1 })]);
  const a2 = await as(w, "a2").push({
    clientId: uuid(),
    mutations: [create(1, ids.a2, w.asg.a2), setAnswer(2, ids.a2, "IN.SP.01", 2)],
  });
  expect(a2.body.results?.every((x) => x.status === "applied")).toBe(true);
  await as(w, "a3").push({ clientId: uuid(), mutations: [create(1, ids.a3, w.asg.a3)] });
}, 120_000);
afterAll(async () => {
  await w?.close();
});

/** The domain's roll-up of the stored states of the world's open period. */
async function expectedResults() {
  const r = await sql<{
    pemda_id: string;
    pemda_name: string;
    unit_id: string;
    unit_name: string;
    id: string | null;
  }>`
    select pd.id as pemda_id, pd.name as pemda_name, u.id as unit_id, u.name as unit_name, x.id
    from assignments a join units u on u.id = a.unit_id join pemda pd on pd.id = u.pemda_id
    left join assessments x on x.assignment_id = a.id
    where a.period_id = ${w.periodId} order by pd.code, pd.name, pd.id, u.name, u.id, a.id`.execute(w.db);
  const pemda = new Map<string, { pemdaId: string; name: string; units: unknown[] }>();
  for (const row of r.rows) {
    const p = pemda.get(row.pemda_id) ?? { pemdaId: row.pemda_id, name: row.pemda_name, units: [] };
    pemda.set(row.pemda_id, p);
    const state = row.id === null ? null : await stateOf(row.id);
    p.units.push({
      unitId: row.unit_id,
      name: row.unit_name,
      assessment: state === null ? null : { status: state.status, content: state },
    });
  }
  return rollUpResults({
    scheme: OPINI_2022,
    instrument,
    pemda: [...pemda.values()] as Parameters<typeof rollUpResults>[0]["pemda"],
  });
}

describe("assessment list and detail", () => {
  it("lists what each role may see, with the domain's scores", async () => {
    const sup = await get("sup", `/assessments?periodId=${w.periodId}`);
    expect(sup.status).toBe(200);
    const items = sup.body.assessments as { id: string; score: number; complete: boolean; status: string }[];
    expect(items.map((i) => i.id).sort()).toEqual([ids.a1, ids.a2].sort());
    for (const item of items) {
      const s = scoreAssessment(instrument, await stateOf(item.id));
      expect(item.score).toBe(s.total);
      expect(item.complete).toBe(s.complete);
    }
    expect(items.find((i) => i.id === ids.a1)).toMatchObject({ status: "submitted", complete: true });
    const mine = await get("a1", "/assessments");
    expect((mine.body.assessments as { id: string }[]).map((i) => i.id)).toEqual([ids.a1]);
    const drafts = await get("sup", `/assessments?status=draft`);
    expect((drafts.body.assessments as { id: string }[]).map((i) => i.id)).toEqual([ids.a2]);
    const other = await get("sup2", "/assessments");
    expect((other.body.assessments as { id: string }[]).map((i) => i.id)).toEqual([ids.a3]);
    expect((await get("sup2", `/assessments?periodId=${w.periodId}`)).status).toBe(404);
    for (const q of [
      "periodId=x",
      "status=done",
      "pemdaId=1",
      `periodId=${w.periodId}&periodId=${w.periodId}`,
    ]) {
      const bad = await get("sup", `/assessments?${q}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error?.code).toBe("invalid_query");
    }
  });

  it("detail has state, history, score and reviews; other offices get 404", async () => {
    const d = await get("sup", `/assessments/${ids.a1}`);
    expect(d.status).toBe(200);
    const fresh = scoreAssessment(instrument, await stateOf(ids.a1));
    expect(d.body.score).toMatchObject({ total: fresh.total, complete: true, problems: [] });
    expect((d.body.history as { action: string }[]).some((h) => h.action === "assessment.submit")).toBe(true);
    expect(d.body.reviews).toEqual([]);
    expect((await get("sup2", `/assessments/${ids.a1}`)).status).toBe(404);
  });
});

describe("review", () => {
  it("refuses assessors (403), other offices (404), drafts (409), stale views (409), bad bodies (400)", async () => {
    const rev = (await stateOf(ids.a1)).revision;
    expect((await review("a1", ids.a1, { decision: "approve", revision: rev })).status).toBe(403);
    expect((await review("sup2", ids.a1, { decision: "approve", revision: rev })).status).toBe(404);
    expect((await review("sup", uuid(), { decision: "approve", revision: 1 })).status).toBe(404);
    const draft = await review("sup", ids.a2, {
      decision: "approve",
      revision: (await stateOf(ids.a2)).revision,
    });
    expect([draft.status, draft.body.error?.code]).toEqual([409, "not_submitted"]);
    const stale = await review("sup", ids.a1, { decision: "approve", revision: rev - 1 });
    expect([stale.status, stale.body.error?.code]).toEqual([409, "stale_revision"]);
    // A closed period's results are final: no decision, not even on a submitted assessment.
    await sql`update periods set status = 'closed' where id = ${w.periodId}`.execute(w.db);
    const closed = await review("sup", ids.a1, { decision: "approve", revision: rev });
    await sql`update periods set status = 'open' where id = ${w.periodId}`.execute(w.db);
    expect([closed.status, closed.body.error?.code]).toEqual([409, "period_closed"]);
    expect(
      (await review("sup", ids.a1, { decision: "approve", revision: rev, answers: {} })).body.error?.code,
    ).toBe("unknown_field");
    for (const body of [{ decision: "maybe", revision: rev }, { decision: "return" }, "x"]) {
      expect((await review("sup", ids.a1, body)).status).toBe(400);
    }
    expect((await stateOf(ids.a1)).revision).toBe(rev);
  });

  it("a returned assessment and its comments reach the assessor's next pull", async () => {
    const before = await stateOf(ids.a1);
    const device = uuid();
    const first = await as(w, "a1").pull(device);
    const r = await review("sup", ids.a1, {
      decision: "return",
      comment: "Foto kurang jelas",
      itemComments: [{ key: "IN.SP.01", text: "Periksa lagi" }],
      revision: before.revision,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "returned", revision: before.revision + 1 });
    const after = await stateOf(ids.a1);
    expect(after.answers).toEqual(before.answers);
    const pulled = await as(w, "a1").pull(device, first.body.cursor);
    expect(pulled.body.reset).toBe(false);
    const put = pulled.body.patch?.find(
      (p) => p.op === "put" && p.type === "assessment" && p.value.id === ids.a1,
    );
    const value = put?.op === "put" && put.type === "assessment" ? put.value : null;
    expect(value?.status).toBe("returned");
    expect(value?.reviewComments.map((c) => [c.key, c.text, c.by, c.decision])).toEqual([
      ["general", "Foto kurang jelas", w.people.sup.id, "return"],
      ["IN.SP.01", "Periksa lagi", w.people.sup.id, "return"],
    ]);
    const d = await get("admin", `/assessments/${ids.a1}`);
    expect(d.body.reviews).toMatchObject([
      { decision: "return", by: w.people.sup.id, comment: "Foto kurang jelas", revision: before.revision },
    ]);
    const audit = (d.body.history as { action: string; userId: string; clientId: string | null }[]).filter(
      (h) => h.action === "review.return",
    );
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(audit.every((h) => h.userId === w.people.sup.id && h.clientId === null)).toBe(true);
  });

  it("after resubmit, two supervisors deciding on one view: one wins, the other is stale", async () => {
    await pushA1([m(a1Next, "assessment.submit", { assessmentId: ids.a1 })]);
    const rev = (await stateOf(ids.a1)).revision;
    const both = await Promise.all([
      review("sup", ids.a1, { decision: "approve", revision: rev }),
      review("admin", ids.a1, { decision: "return", comment: "x", revision: rev }),
    ]);
    expect(both.map((b) => b.status).sort()).toEqual([200, 409]);
    expect(both.find((b) => b.status === 409)?.body.error?.code).toBe("stale_revision");
    expect((await stateOf(ids.a1)).revision).toBe(rev + 1);
    if ((await stateOf(ids.a1)).status === "returned") {
      await pushA1([m(a1Next, "assessment.submit", { assessmentId: ids.a1 })]);
      const again = await review("sup", ids.a1, { decision: "approve", revision: rev + 2 });
      expect(again.status).toBe(200);
    }
    expect((await stateOf(ids.a1)).status).toBe("approved");
    expect(
      (await review("sup", ids.a1, { decision: "return", revision: (await stateOf(ids.a1)).revision })).body
        .error?.code,
    ).toBe("not_submitted");
  });
});

describe("results and exports", () => {
  it("results equal the domain roll-up of the stored states; access by role", async () => {
    const r = await get("sup", `/results?periodId=${w.periodId}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      periodId: w.periodId,
      // What the screens need to lay the scheme out: opini-2022 has zones, no qualifier.
      scheme: expect.objectContaining({ id: "opini-2022", hasZones: true, hasQualifier: false }),
      pemda: (await expectedResults()).pemda,
    });
    const pemda = r.body.pemda as { score: number | null; final: boolean; units: { status: string }[] }[];
    expect(pemda[0]?.units.map((u) => u.status).sort()).toEqual(["approved", "draft"]);
    expect(pemda[0]?.score).not.toBeNull();
    expect(pemda[0]?.final).toBe(false);
    const cache = await sql<{ stale: number }>`select count(*)::int as stale from assessment_scores s
      join assessments a on a.id = s.assessment_id where s.revision <> a.revision`.execute(w.db);
    expect(cache.rows[0]?.stale).toBe(0);
    expect((await get("a1", `/results?periodId=${w.periodId}`)).status).toBe(403);
    expect((await get("sup2", `/results?periodId=${w.periodId}`)).status).toBe(404);
    expect((await get("sup", "/results")).status).toBe(400);
    expect((await get("sup", "/results?periodId=nope")).status).toBe(400);
    expect((await get("sup", `/results?periodId=${uuid()}`)).status).toBe(404);
  });

  it("XLSX and CSV hold the results' numbers; the evidence ZIP holds the bytes", async () => {
    const expected = (await expectedResults()).pemda;
    const unitScore = new Map(expected.flatMap((p) => p.units.map((u) => [u.unitId, u.score])));
    const x = await get("sup", `/exports/results.xlsx?periodId=${w.periodId}`);
    expect(x.status).toBe(200);
    expect(x.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(x.headers.get("content-disposition")).toMatch(/^attachment; filename="patuh-results-.*\.xlsx"$/);
    const book = readXlsx(x.bytes);
    expect(Object.keys(book)).toEqual(["Pemda", "Units", "Answers"]);
    expect(book.Pemda?.[1]?.[3]).toBe(expected[0]?.score);
    const units = book.Units ?? [];
    const head = units[0] ?? [];
    for (const row of units.slice(1)) {
      expect(row[head.indexOf("score")]).toBe(unitScore.get(String(row[head.indexOf("unit_id")])));
    }
    const a1 = await stateOf(ids.a1);
    const answers = (book.Answers ?? []).slice(1).filter((r) => r[4] === ids.a1);
    expect(answers.length).toBe(new Set([...Object.keys(a1.answers), ...Object.keys(a1.notes)]).size);
    const photoRow = answers.find((r) => r[6] === a1.evidence[0]?.key);
    expect(photoRow?.[9]).toBe(photoSha);

    const c = await get("sup", `/exports/results.csv?periodId=${w.periodId}`);
    expect(c.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = readCsv(new TextDecoder().decode(c.bytes));
    const ch = rows[0] ?? [];
    expect(rows.length).toBe(3);
    for (const row of rows.slice(1)) {
      const want = unitScore.get(row[ch.indexOf("unit_id")] ?? "");
      expect(row[ch.indexOf("score")]).toBe(want === null || want === undefined ? "" : String(want));
      expect(row[ch.indexOf("pemda_score")]).toBe(String(expected[0]?.score));
    }

    const z = await get("sup", `/exports/evidence.zip?assessmentId=${ids.a1}`);
    expect(z.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(z.bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as {
      files: { file: string; key: string; sha256: string }[];
    };
    expect(manifest.files.length).toBe(a1.evidence.length);
    for (const f of manifest.files) {
      expect(f.file).toMatch(/^[A-Za-z0-9._@#-]+-\d+\.jpg$/);
      expect(files[f.file]).toEqual(photo);
    }

    for (const path of [
      `/exports/results.xlsx?periodId=${w.periodId}`,
      `/exports/results.csv?periodId=${w.periodId}`,
      `/exports/evidence.zip?assessmentId=${ids.a1}`,
    ]) {
      expect((await get("sup2", path)).status).toBe(404);
    }
    expect((await get("sup", "/exports/results.csv?periodId=1")).status).toBe(400);
    expect((await get("sup", "/exports/evidence.zip")).status).toBe(400);
  });
});
