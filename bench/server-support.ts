// Setup the server benches share: the default instrument as stored JSON, a throwaway PostgreSQL
// database (created on the given server, migrated, dropped afterwards with its data directory) and
// the real HTTP app over it, driven in process.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { DEFAULT_LIMITS } from "../src/server/config";
import { type Db, openPostgres } from "../src/server/db/connection";
import { migrate } from "../src/server/db/migrate";
import { createApp } from "../src/server/http/app";
import { root } from "./support";

/** assets/instrument/ori-kepatuhan-2023.json, parsed but not validated. */
export function readDefaultInstrumentJson(): { id: string; version: number } {
  return JSON.parse(readFileSync(join(root, "assets/instrument/ori-kepatuhan-2023.json"), "utf8")) as {
    id: string;
    version: number;
  };
}

/**
 * Runs `fn` on a fresh, migrated database `patuh_bench_<label><pid>_<ms>` on the server at
 * `databaseUrl` (an admin URL) and an empty data directory; drops both afterwards, unless
 * PATUH_BENCH_KEEP is set (the database is then kept and named on stderr).
 */
export async function withBenchDatabase<T>(
  databaseUrl: string,
  label: string,
  fn: (db: Db, dataDir: string) => Promise<T>,
): Promise<T> {
  const name = `patuh_bench_${label}${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  const dataDir = mkdtempSync(join(tmpdir(), `patuh-bench-${label.replace(/_/g, "-")}`));
  try {
    await migrate(handle.db);
    return await fn(handle.db, dataDir);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.PATUH_BENCH_KEEP) console.error(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** The real app over `db`, serving nothing static, logging errors only. */
export function benchApp(db: Db, dataDir: string): ReturnType<typeof createApp> {
  return createApp({
    db,
    config: {
      port: 0,
      host: "127.0.0.1",
      databaseUrl: null,
      dataDir,
      staticDir: dataDir,
      demoPassword: null,
      trustProxy: false,
      limits: DEFAULT_LIMITS,
    },
    log: { error: (m, e) => console.error(m, e), info: () => undefined },
  });
}

export interface BenchBase {
  periodId: string;
  pemdaId: string;
}

/**
 * One office with the default instrument, an open period and one pemda: what every sync bench
 * world starts from. `office` names the office (`id`, display name and pemda code differ per bench).
 */
export async function seedBenchBase(
  db: Db,
  office: { id: string; name: string; pemdaCode: string },
): Promise<BenchBase> {
  const instrument = readDefaultInstrumentJson();
  await sql`insert into offices (id, name) values (${office.id}, ${`${office.name} office`})`.execute(db);
  await sql`insert into banding_schemes (id, definition) values ('opini-2022', '{}'::jsonb)`.execute(db);
  await sql`insert into instruments (id, version, definition)
            values (${instrument.id}, ${instrument.version}, ${JSON.stringify(instrument)}::jsonb)`.execute(
    db,
  );
  const periodId = randomUUID();
  await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id)
            values (${periodId}, ${office.id}, 2026, ${`${office.name} 2026`}, ${instrument.id}, ${instrument.version}, 'opini-2022')`.execute(
    db,
  );
  const pemdaId = randomUUID();
  await sql`insert into pemda (id, office_id, code, name, kind)
            values (${pemdaId}, ${office.id}, ${office.pemdaCode}, ${`Kab. ${office.name}`}, 'kabupaten')`.execute(
    db,
  );
  return { periodId, pemdaId };
}
