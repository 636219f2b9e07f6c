// Seeds the data dir of the national e2e (tests/e2e/national.test.ts) before its server starts: the
// demo (Kantor Perwakilan Kalimantan Barat), a Kantor Pusat with its admin, a second office
// (Kalimantan Timur) with a supervisor, loci, units and its own 2026 period, and approved
// assessments for every sampled unit of both 2026 periods (answers from fixed seeds, so scores are
// fixed; Kota Balikpapan gets Kota Singkawang's answers: a tie in the kota category). Kalimantan
// Barat also gets a closed 2025 period with Kota Pontianak's units, so its locus page has two Patuh
// years and a change per dimension. Nothing here is a round: the test makes it through the UI.
//
// Run: node node_modules/tsx/dist/cli.mjs tests/e2e/support/national-seed.ts DATA_DIR PASSWORD
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { parseInstrument } from "../../../src/domain/instrument/parse-instrument";
import { hashPassword } from "../../../src/server/auth/password";
import type { Db } from "../../../src/server/db/connection";
import { openPglite } from "../../../src/server/db/connection";
import { migrate } from "../../../src/server/db/migrate";
import { seedDemo } from "../../../src/server/demo/seed-demo";
import { answeredState } from "../../helpers/answered-state";
import { ROOT } from "./paths";

const [dataDir, password] = process.argv.slice(2);
if (!dataDir || !password) throw new Error("usage: national-seed.ts DATA_DIR PASSWORD");

const parsed = parseInstrument(
  JSON.parse(readFileSync(join(ROOT, "assets", "instrument", "ori-kepatuhan-2023.json"), "utf8")),
);
if (!parsed.ok) throw new Error("default instrument does not parse");
const instrument = parsed.instrument;

/** Answer seeds per locus code: every unit of a locus gets these in turn. */
const SEEDS: Record<string, number[]> = {
  "6171": [11, 12, 13, 14], // Kota Pontianak
  "6172": [21, 22, 23, 24], // Kota Singkawang
  "6101": [31, 32, 33, 34], // Kabupaten Sambas
  "6471": [21, 22, 23, 24], // Kota Balikpapan: Singkawang's answers, the same score
  "6472": [41, 42, 43, 44], // Kota Samarinda
  "6403": [51, 52, 53, 54], // Kabupaten Kutai Kartanegara
};

async function user(db: Db, username: string, name: string, role: string, office: string): Promise<string> {
  const id = randomUUID();
  await sql`insert into users (id, username, name, role, office_id, password_hash)
    values (${id}, ${username}, ${name}, ${role}, ${office}, ${await hashPassword(password as string)})`.execute(
    db,
  );
  return id;
}

/** Approved assessments for every assignment of the period (seeds by locus code). */
async function approveAll(db: Db, periodId: string, by: string): Promise<void> {
  const rows = await sql<{
    id: string;
    unit_id: string;
    pemda_id: string;
    code: string;
    office_id: string;
  }>`select a.id, a.unit_id, u.pemda_id, p.code, p.office_id from assignments a join units u on u.id = a.unit_id
     join pemda p on p.id = u.pemda_id where a.period_id = ${periodId} order by u.name, a.id`.execute(db);
  const used = new Map<string, number>();
  for (const r of rows.rows) {
    const n = used.get(r.code) ?? 0;
    used.set(r.code, n + 1);
    const seeds = SEEDS[r.code] ?? [99];
    const seed = seeds[n % seeds.length] ?? 99;
    const s = answeredState(
      instrument,
      seed,
      { id: randomUUID(), assignmentId: r.id, unitId: r.unit_id, pemdaId: r.pemda_id, periodId },
      by,
      "approved",
    );
    await sql`insert into assessments (id, assignment_id, period_id, unit_id, pemda_id, office_id, status, revision,
        state, created_by, updated_at)
      values (${s.id}, ${r.id}, ${periodId}, ${r.unit_id}, ${r.pemda_id}, ${r.office_id}, 'approved', ${s.revision},
        ${JSON.stringify(s)}::jsonb, ${by}, now())`.execute(db);
  }
}

// Where `patuh serve` keeps its PGlite database (src/server/db/open.ts pgliteDir).
const handle = await openPglite(join(dataDir, "pglite"));
try {
  const db = handle.db;
  await migrate(db);
  await seedDemo(db, { password });
  const demo = (
    await sql<{
      id: string;
      instrument_id: string;
      instrument_version: number;
      scheme_id: string;
    }>`select id, instrument_id, instrument_version, scheme_id from periods where office_id = 'kalbar'`.execute(
      db,
    )
  ).rows[0];
  if (demo === undefined) throw new Error("demo period missing");
  const assessor = (await sql<{ id: string }>`select id from users where username = 'penilai1'`.execute(db))
    .rows[0];
  if (assessor === undefined) throw new Error("demo assessor missing");

  const singkawangUnits = Number(
    (
      await sql<{ n: string }>`select count(*) as n from assignments a join units u on u.id = a.unit_id
        join pemda p on p.id = u.pemda_id where p.code = '6172' and a.period_id = ${demo.id}`.execute(db)
    ).rows[0]?.n ?? 0,
  );
  if (singkawangUnits < 1 || singkawangUnits > 6)
    throw new Error(`unexpected Singkawang sample: ${singkawangUnits}`);
  await sql`insert into offices (id, name) values ('pusat', 'Ombudsman RI Kantor Pusat'),
    ('kaltim', 'Ombudsman RI Perwakilan Kalimantan Timur')`.execute(db);
  await user(db, "pusat", "Admin Kantor Pusat", "admin", "pusat");
  await user(db, "supkaltim", "Supervisor Kaltim", "supervisor", "kaltim");
  const kaltimPeriod = randomUUID();
  await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id)
    values (${kaltimPeriod}, 'kaltim', 2026, 'Penilaian Kepatuhan 2026 Kaltim', ${demo.instrument_id},
      ${demo.instrument_version}, ${demo.scheme_id})`.execute(db);
  for (const [code, name, kind] of [
    ["6471", "Kota Balikpapan", "kota"],
    ["6472", "Kota Samarinda", "kota"],
    ["6403", "Kabupaten Kutai Kartanegara", "kabupaten"],
  ] as const) {
    const pemdaId = randomUUID();
    await sql`insert into pemda (id, office_id, code, name, kind) values (${pemdaId}, 'kaltim', ${code}, ${name}, ${kind})`.execute(
      db,
    );
    // Balikpapan gets as many units as the demo samples in Singkawang (with the same answers: a tie).
    const names = ["Disdukcapil", "DPMPTSP", "Dinas Kesehatan", "RSUD", "Puskesmas", "Dinas Sosial"];
    const count = code === "6471" ? singkawangUnits : 2;
    for (const unit of names.slice(0, count)) {
      const unitId = randomUUID();
      await sql`insert into units (id, pemda_id, kind, name) values (${unitId}, ${pemdaId}, 'disdukcapil', ${`${unit} ${name}`})`.execute(
        db,
      );
      await sql`insert into assignments (id, period_id, unit_id) values (${randomUUID()}, ${kaltimPeriod}, ${unitId})`.execute(
        db,
      );
    }
  }
  await approveAll(db, demo.id, assessor.id);
  await approveAll(db, kaltimPeriod, assessor.id);

  // A closed 2025 period of Kalimantan Barat with Kota Pontianak's units (other answers).
  const earlier = randomUUID();
  await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id, status)
    values (${earlier}, 'kalbar', 2025, 'Penilaian Kepatuhan 2025', ${demo.instrument_id}, ${demo.instrument_version},
      ${demo.scheme_id}, 'closed')`.execute(db);
  await sql`insert into assignments (id, period_id, unit_id)
    select gen_random_uuid(), ${earlier}, u.id from units u join pemda p on p.id = u.pemda_id where p.code = '6171'`.execute(
    db,
  );
  SEEDS["6171"] = [71, 72, 73, 74];
  await approveAll(db, earlier, assessor.id);
  console.log("national seed: done");
} finally {
  await handle.close();
}
