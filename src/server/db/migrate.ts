/**
 * Applies pending migrations at start.
 * Invariant: all pending migrations run in ONE transaction holding a transaction-scoped advisory
 * lock, so two instances starting together never race and a failed step leaves nothing behind;
 * `schema_migrations` records each applied version in that same transaction.
 */
import { sql } from "kysely";
import type { Db } from "./connection";
import { MIGRATIONS, type Migration } from "./migrations/index";

/** Arbitrary constant shared by every Patuh instance ("patuh" in ASCII). */
const MIGRATION_LOCK_KEY = 0x7061747568;

export interface MigrateResult {
  applied: { version: number; name: string }[];
  current: number;
}

function checkOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration list out of order at ${m.name} (version ${m.version})`);
  });
}

export async function migrate(db: Db, list: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  checkOrder(list);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY}::bigint)`.execute(trx);
    await sql`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`.execute(trx);
    const rows = await trx.selectFrom("schema_migrations").select("version").execute();
    const done = new Set(rows.map((r) => r.version));
    const known = Math.max(0, ...list.map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > known) {
      throw new Error(`database schema version ${newest} is newer than this server knows (${known})`);
    }
    const applied: MigrateResult["applied"] = [];
    for (const m of list) {
      if (done.has(m.version)) continue;
      await m.up(trx);
      await trx.insertInto("schema_migrations").values({ version: m.version, name: m.name }).execute();
      applied.push({ version: m.version, name: m.name });
    }
    return { applied, current: known };
  });
}
