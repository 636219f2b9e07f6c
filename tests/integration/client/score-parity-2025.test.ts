// Property (issue #18): for random complete assessments of the 2025 instrument (format 2), the score
// the DEVICE shows equals the score the SERVER reports, to the cent. Both sides run their real code
// paths: the device records edits in its own IndexedDB (fake-indexeddb) through the client data
// layer, syncs with the real sync engine over real HTTP, and scores its local view exactly as the
// checklist does (loadInstrument from the synced instrument record + scoreAssessment with the
// period's scheme); the server applies the pushed mutations, stores the state and scores it through
// its score cache (GET /assessments/{id} and the GET /assessments listing). The random cases use a
// seeded generator, so a failure names a case that can be replayed.
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAssessment, loadInstrument } from "../../../src/client/db";
import { recordMutation, setAnswer } from "../../../src/client/db/edits";
import { BUILTIN_SCHEMES, type Instrument, scoreAssessment } from "../../../src/domain";
import { insertAssignment } from "../../../src/server/db/queries/assignments";
import { insertInstrument } from "../../../src/server/db/queries/instruments";
import { insertPeriod } from "../../../src/server/db/queries/periods";
import { demoId, seedDemo } from "../../../src/server/demo/seed-demo";
import {
  answerChoices,
  buildV2Assessment,
  loadMaladministrasi2025,
  maladministrasiJson,
} from "../../fixtures/domain/full-assessment-v2";
import { createTestDb, type TestDb } from "../../helpers/test-db";
import { startTestServer, type TestServer } from "../../helpers/test-server";
import { APP_ORIGIN } from "./support/cookie-fetch";
import { newDevice, syncOk, type TestDevice } from "./support/device";

const PASSWORD = "parity-2025-Demo";
const CASES = 16;
let testDb: TestDb;
let server: TestServer;
let device: TestDevice;
let assignmentId = "";
let unitId = "";
const instrument: Instrument = loadMaladministrasi2025();

/** mulberry32: small, seeded, good enough to spread answers over every option. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  testDb = await createTestDb();
  await seedDemo(testDb.db, { password: PASSWORD });
  const definition = maladministrasiJson();
  await insertInstrument(testDb.db, { id: instrument.id, version: instrument.version, definition });
  const periodId = demoId("period:parity-2025");
  await insertPeriod(testDb.db, {
    id: periodId,
    office_id: "kalbar",
    year: 2025,
    name: "Penilaian Maladministrasi 2025",
    instrument_id: instrument.id,
    instrument_version: instrument.version,
    scheme_id: "opini-2025",
    status: "open",
  });
  const unit = await testDb.db
    .selectFrom("units")
    .innerJoin("pemda", "pemda.id", "units.pemda_id")
    .select(["units.id as id"])
    .where("pemda.code", "=", "6171")
    .orderBy("units.name")
    .executeTakeFirstOrThrow();
  const assessor = demoId("user:penilai1");
  unitId = unit.id;
  assignmentId = demoId(`assignment:${periodId}:${unit.id}`);
  await insertAssignment(testDb.db, {
    id: assignmentId,
    periodId,
    unitId,
    plannedDate: null,
    team: [assessor],
  });
  server = await startTestServer({ testDb });
  device = await newDevice({ url: () => server.baseUrl }, "penilai1", PASSWORD, "parity");
  await syncOk(device);
}, 300_000);

afterAll(async () => {
  await device?.close();
  await server?.close();
  await testDb?.close();
});

async function serverScore(
  id: string,
): Promise<{ total: number; dimensions: { id: string; points: number }[] }> {
  const res = await device.http(`${APP_ORIGIN}/api/v1/assessments/${id}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    score: { total: number; dimensions: { id: string; points: number }[] };
  };
  return body.score;
}

describe("device score = server score (maladministrasi-2025)", () => {
  it(`holds for ${CASES} random complete assessments, to the cent`, { timeout: 600_000 }, async () => {
    const office = await device.db.periods.toArray();
    const period = office.find((p) => p.instrumentId === instrument.id);
    expect(period?.schemeId).toBe("opini-2025");
    const scheme = BUILTIN_SCHEMES[period?.schemeId ?? ""];
    const seen = new Set<number>();
    for (let c = 0; c < CASES; c++) {
      const random = prng(20251201 + c);
      const users = 1 + Math.floor(random() * 4);
      const content = buildV2Assessment(instrument, {
        perRole: { pengguna: users },
        phone: () => random() < 0.5,
        respondentId: () => crypto.randomUUID(),
        choose: (entry) => {
          const choices = answerChoices(entry);
          return choices[Math.floor(random() * choices.length)] ?? null;
        },
      });
      const id = crypto.randomUUID();
      await recordMutation(device.db, "assessment.create", {
        assessmentId: id,
        assignmentId,
        unitId,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        visit: { date: "2025-08-12", mode: "scheduled" },
      });
      for (const r of content.respondents) {
        const profile: Record<string, string> = {};
        for (const [field, value] of Object.entries(r.profile))
          if (typeof value === "string") profile[field] = value;
        await recordMutation(device.db, "assessment.putRespondent", {
          assessmentId: id,
          respondent: { id: r.id, kind: r.kind, profile },
        });
      }
      for (const [key, value] of Object.entries(content.answers)) await setAnswer(device.db, id, key, value);

      // The device's number, offline (before any sync), as the checklist computes it.
      const local = await getAssessment(device.db, id);
      const parsed = await loadInstrument(device.db, instrument.id, instrument.version);
      if (local === undefined || parsed === undefined) throw new Error("the device lost the assessment");
      const onDevice = scoreAssessment(parsed, local, scheme);
      expect(onDevice.problems.filter((p) => p.code !== "missing_photo")).toEqual([]);

      await syncOk(device);
      const onServer = await serverScore(id);
      expect(onServer.total, `case ${c}`).toBe(onDevice.total);
      expect(onServer.dimensions).toEqual(onDevice.dimensions.map((d) => ({ id: d.id, points: d.points })));
      // After the sync the device's view is the server's state: still the same number.
      const synced = await getAssessment(device.db, id);
      if (synced === undefined) throw new Error("the assessment vanished after sync");
      expect(scoreAssessment(parsed, synced, scheme).total).toBe(onServer.total);
      seen.add(onDevice.total);
    }
    // The cases are spread, not one score repeated (the property would then prove little).
    expect(seen.size).toBeGreaterThan(CASES / 2);

    // The listing (the score cache) reports the same numbers as the one-assessment read.
    const list = await device.http(`${APP_ORIGIN}/api/v1/assessments?periodId=${period?.id ?? ""}`);
    expect(list.status).toBe(200);
    const { assessments } = (await list.json()) as {
      assessments: { id: string; score: { total: number } | null }[];
    };
    expect(assessments).toHaveLength(CASES);
    for (const row of assessments) {
      const state = await getAssessment(device.db, row.id);
      const parsed = await loadInstrument(device.db, instrument.id, instrument.version);
      if (state === undefined || parsed === undefined) throw new Error("missing on the device");
      expect(row.score).toBe(scoreAssessment(parsed, state, scheme).total);
    }
  });
});
