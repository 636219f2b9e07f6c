// Review, results and exports on a national-size period against a real PostgreSQL: 550 pemda × 7
// sampled units, every unit's assessment fully answered and approved, seeded with bulk SQL (not
// through HTTP: seeding stays well under a minute). Measured through the real app in process:
// GET /results (target ≤ 500 ms, score cache warm; the cold first call is reported too), the
// review screen of one assessment with a realistic history (≤ 100 ms), and the XLSX export of the
// whole period (≤ 15 s). Each run creates its own throwaway database and drops it.
//
// Standalone: PATUH_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54349/postgres npx tsx bench/review.ts
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { OPINI_2022 } from "../src/domain/banding/builtin";
import { parseInstrument } from "../src/domain/instrument/parse-instrument";
import type { Instrument } from "../src/domain/instrument/types";
import { createSession } from "../src/server/auth/sessions";
import { systemClock } from "../src/server/clock";
import type { Db } from "../src/server/db/connection";
import { answeredState } from "../tests/helpers/answered-state";
import { benchApp, readDefaultInstrumentJson, withBenchDatabase } from "./server-support";
import type { BenchResult } from "./support";

const instrumentJson = readDefaultInstrumentJson();
const PEMDA = 550;
const UNITS = 7;
const AT = "2026-08-01T02:03:04Z";

async function seed(db: Db, inst: Instrument): Promise<{ periodId: string; userId: string; sample: string }> {
  const userId = randomUUID();
  const periodId = randomUUID();
  await sql`insert into offices (id, name) values ('nat', 'National')`.execute(db);
  await sql`insert into users (id, username, name, role, office_id, password_hash)
            values (${userId}, 'sup', 'Supervisor', 'supervisor', 'nat', 'x')`.execute(db);
  await sql`insert into banding_schemes (id, definition) values (${OPINI_2022.id}, ${JSON.stringify(OPINI_2022)}::jsonb)`.execute(
    db,
  );
  await sql`insert into instruments (id, version, definition)
            values (${instrumentJson.id}, ${instrumentJson.version}, ${JSON.stringify(instrumentJson)}::jsonb)`.execute(
    db,
  );
  await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id, status)
            values (${periodId}, 'nat', 2026, 'Nasional', ${inst.id}, ${inst.version}, ${OPINI_2022.id}, 'open')`.execute(
    db,
  );
  await sql`insert into pemda (id, office_id, code, name, kind)
            select gen_random_uuid(), 'nat', lpad(i::text, 4, '0'), 'Pemda ' || i, 'kabupaten'
            from generate_series(1, ${PEMDA}) i`.execute(db);
  await sql`insert into units (id, pemda_id, kind, name)
            select gen_random_uuid(), p.id, 'disdukcapil', 'Unit ' || j from pemda p, generate_series(1, ${UNITS}) j`.execute(
    db,
  );
  await sql`insert into assignments (id, period_id, unit_id) select gen_random_uuid(), ${periodId}, u.id from units u`.execute(
    db,
  );
  const rows = await sql<{ id: string; unit_id: string; pemda_id: string }>`
    select a.id, a.unit_id, u.pemda_id from assignments a join units u on u.id = a.unit_id order by a.id`.execute(
    db,
  );
  for (let i = 0; i < rows.rows.length; i += 100) {
    const values = rows.rows.slice(i, i + 100).map((r, j) => {
      const s = answeredState(
        inst,
        i + j + 1,
        { id: randomUUID(), assignmentId: r.id, unitId: r.unit_id, pemdaId: r.pemda_id, periodId },
        userId,
        "approved",
      );
      return sql`(${s.id}::uuid, ${r.id}::uuid, ${periodId}::uuid, ${r.unit_id}::uuid, ${r.pemda_id}::uuid, 'nat', 'approved',
                  ${s.revision}::int, ${JSON.stringify(s)}::jsonb, ${userId}::uuid, ${AT}::timestamptz)`;
    });
    await sql`insert into assessments (id, assignment_id, period_id, unit_id, pemda_id, office_id, status, revision, state,
                                       created_by, updated_at) values ${sql.join(values)}`.execute(db);
  }
  const sample =
    (await sql<{ id: string }>`select id from assessments order by id limit 1`.execute(db)).rows[0]?.id ?? "";
  // A realistic audit trail for the reviewed assessment: one row per answer key.
  await sql`insert into assessment_history (assessment_id, revision, user_id, client_id, mutation_id, action, key, old, new, at)
            select ${sample}::uuid, k.n, ${userId}::uuid, ${userId}::uuid, k.n, 'assessment.setAnswer', 'answer:' || k.key,
                   'null'::jsonb, k.value, now()
            from assessments a, jsonb_each(a.state->'answers') with ordinality as k(key, value, n) where a.id = ${sample}`.execute(
    db,
  );
  return { periodId, userId, sample };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [Math.round(performance.now() - t), r];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function benchReview(databaseUrl: string): Promise<BenchResult<string>[]> {
  const parsed = parseInstrument(instrumentJson);
  if (!parsed.ok) throw new Error("default instrument does not parse");
  return withBenchDatabase(databaseUrl, "review_", async (db, dataDir) => {
    const [seedMs, { periodId, userId, sample }] = await timed(() => seed(db, parsed.instrument));
    const app = benchApp(db, dataDir);
    const { token } = await createSession(db, systemClock, userId);
    const get = async (path: string) => {
      const res = await app.request(`/api/v1${path}`, { headers: { cookie: `patuh_session=${token}` } });
      const bytes = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${new TextDecoder().decode(bytes)}`);
      return bytes.byteLength;
    };
    const [coldMs] = await timed(() => get(`/results?periodId=${periodId}`));
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await timed(() => get(`/results?periodId=${periodId}`)))[0]);
    await get(`/assessments/${sample}`);
    const detail: number[] = [];
    for (let i = 0; i < 7; i++) detail.push((await timed(() => get(`/assessments/${sample}`)))[0]);
    const [xlsxMs, xlsxBytes] = await timed(() => get(`/exports/results.xlsx?periodId=${periodId}`));
    return [
      { name: `seed ${PEMDA}×${UNITS} approved assessments (bulk SQL)`, value: seedMs, unit: "ms" },
      {
        name: "GET /results, national period (score cache warm, median of 5)",
        value: median(warm),
        unit: "ms",
        target: "≤ 500 ms",
      },
      { name: "GET /results, first call (scores every assessment, fills cache)", value: coldMs, unit: "ms" },
      {
        name: "GET /assessments/{id} review screen (median of 7)",
        value: median(detail),
        unit: "ms",
        target: "≤ 100 ms",
      },
      { name: "XLSX export of the national period", value: xlsxMs, unit: "ms", target: "≤ 15 s" },
      { name: "XLSX export size", value: Math.round(xlsxBytes / 1024), unit: "KiB" },
    ];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.PATUH_BENCH_DATABASE_URL;
  if (!url) throw new Error("set PATUH_BENCH_DATABASE_URL to an admin URL of a throwaway cluster");
  for (const r of await benchReview(url))
    console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ""}`);
}
