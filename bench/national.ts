// National results of a round (issue #19) at national size against a real PostgreSQL: 34 offices,
// each with its period joined to one round, 550 loci (kota/kabupaten) × 7 sampled units in all,
// every unit's assessment fully answered and approved, seeded with bulk SQL. Measured through the
// real app in process, as a central-office admin: GET /rounds/{id}/results (target ≤ 500 ms, score
// cache warm; the cold first call too). Each run creates its own throwaway database and drops it.
// PATUH_BENCH_NATIONAL_LOCI shrinks the seed (e.g. 40) to check the bench itself quickly.
//
// Standalone: PATUH_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54349/postgres npx tsx bench/national.ts
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
const LOCI = Number(process.env.PATUH_BENCH_NATIONAL_LOCI ?? 550);
const UNITS = 7;
const OFFICES = 34;

async function seed(db: Db, inst: Instrument): Promise<{ roundId: string; userId: string }> {
  const userId = randomUUID();
  const roundId = randomUUID();
  await sql`insert into offices (id, name, is_central) values ('pusat', 'Kantor Pusat', true)`.execute(db);
  await sql`insert into offices (id, name) select 'kp-' || i, 'Kantor Perwakilan ' || i
            from generate_series(1, ${OFFICES}) i`.execute(db);
  await sql`insert into users (id, username, name, role, office_id, password_hash)
            values (${userId}, 'pusat', 'Admin Pusat', 'admin', 'pusat', 'x')`.execute(db);
  await sql`insert into banding_schemes (id, definition) values (${OPINI_2022.id}, ${JSON.stringify(OPINI_2022)}::jsonb)`.execute(
    db,
  );
  await sql`insert into instruments (id, version, definition)
            values (${instrumentJson.id}, ${instrumentJson.version}, ${JSON.stringify(instrumentJson)}::jsonb)`.execute(
    db,
  );
  await sql`insert into rounds (id, year, name, instrument_id, instrument_version, scheme_id, created_by)
            values (${roundId}, 2026, 'Nasional 2026', ${inst.id}, ${inst.version}, ${OPINI_2022.id}, ${userId})`.execute(
    db,
  );
  await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id, round_id)
            select gen_random_uuid(), 'kp-' || i, 2026, 'Nasional 2026', ${inst.id}, ${inst.version}, ${OPINI_2022.id}, ${roundId}
            from generate_series(1, ${OFFICES}) i`.execute(db);
  await sql`insert into pemda (id, office_id, code, name, kind)
            select gen_random_uuid(), 'kp-' || (1 + i % ${OFFICES}), lpad(i::text, 4, '0'), 'Lokus ' || i,
                   case when i % 5 = 0 then 'kota' else 'kabupaten' end
            from generate_series(1, ${LOCI}) i`.execute(db);
  await sql`insert into units (id, pemda_id, kind, name)
            select gen_random_uuid(), p.id, 'disdukcapil', 'Unit ' || j from pemda p, generate_series(1, ${UNITS}) j`.execute(
    db,
  );
  await sql`insert into assignments (id, period_id, unit_id)
            select gen_random_uuid(), pr.id, u.id from units u join pemda p on p.id = u.pemda_id
            join periods pr on pr.office_id = p.office_id`.execute(db);
  const rows = await sql<{
    id: string;
    unit_id: string;
    pemda_id: string;
    period_id: string;
    office_id: string;
  }>`
    select a.id, a.unit_id, u.pemda_id, a.period_id, p.office_id from assignments a join units u on u.id = a.unit_id
    join pemda p on p.id = u.pemda_id order by a.id`.execute(db);
  for (let i = 0; i < rows.rows.length; i += 100) {
    const values = rows.rows.slice(i, i + 100).map((r, j) => {
      const ids = {
        id: randomUUID(),
        assignmentId: r.id,
        unitId: r.unit_id,
        pemdaId: r.pemda_id,
        periodId: r.period_id,
      };
      const s = answeredState(inst, i + j + 1, ids, userId, "approved");
      return sql`(${s.id}::uuid, ${r.id}::uuid, ${r.period_id}::uuid, ${r.unit_id}::uuid, ${r.pemda_id}::uuid,
                  ${r.office_id}, 'approved', ${s.revision}::int, ${JSON.stringify(s)}::jsonb, ${userId}::uuid, now())`;
    });
    await sql`insert into assessments (id, assignment_id, period_id, unit_id, pemda_id, office_id, status, revision, state,
                                       created_by, updated_at) values ${sql.join(values)}`.execute(db);
  }
  return { roundId, userId };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [Math.round(performance.now() - t), r];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function benchNational(databaseUrl: string): Promise<BenchResult<string>[]> {
  const parsed = parseInstrument(instrumentJson);
  if (!parsed.ok) throw new Error("default instrument does not parse");
  return withBenchDatabase(databaseUrl, "national_", async (db, dataDir) => {
    const [seedMs, { roundId, userId }] = await timed(() => seed(db, parsed.instrument));
    // Counts the SQL statements the app sends (raw `sql` queries pass Kysely's plugins too): the
    // round must be read in a fixed number of queries, not one (or three) per office.
    let statements = 0;
    const counted = db.withPlugin({
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const app = benchApp(counted, dataDir);
    const { token } = await createSession(db, systemClock, userId);
    const get = async (path: string) => {
      const res = await app.request(`/api/v1${path}`, { headers: { cookie: `patuh_session=${token}` } });
      const bytes = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${new TextDecoder().decode(bytes)}`);
      return bytes.byteLength;
    };
    const [coldMs] = await timed(() => get(`/rounds/${roundId}/results`));
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await timed(() => get(`/rounds/${roundId}/results`)))[0]);
    statements = 0;
    await get(`/rounds/${roundId}/results`);
    const perRequest = statements;
    return [
      {
        name: `seed ${LOCI} loci × ${UNITS} approved units in ${OFFICES} offices (bulk SQL)`,
        value: seedMs,
        unit: "ms",
      },
      {
        name: `GET /rounds/{id}/results, ${LOCI} loci × ${UNITS} units, ${OFFICES} offices (warm, median of 5)`,
        value: median(warm),
        unit: "ms",
        target: "≤ 500 ms",
      },
      { name: "GET /rounds/{id}/results, first call (fills the score cache)", value: coldMs, unit: "ms" },
      {
        name: `GET /rounds/{id}/results, SQL statements per request (${OFFICES} offices; session included)`,
        value: perRequest,
        unit: "",
      },
    ];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.PATUH_BENCH_DATABASE_URL;
  if (!url) throw new Error("set PATUH_BENCH_DATABASE_URL to an admin URL of a throwaway cluster");
  for (const r of await benchNational(url))
    console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ""}`);
}
