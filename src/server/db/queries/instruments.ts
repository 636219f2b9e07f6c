/** instruments: immutable instrument definitions by (id, version); a new edition is a new version. */
import { sql } from "kysely";
import type { Db } from "../connection";

export async function insertInstrument(db: Db, i: { id: string; version: number; definition: unknown }) {
  await db
    .insertInto("instruments")
    .values({ id: i.id, version: i.version, definition: JSON.stringify(i.definition) })
    .execute();
}

export async function findInstrument(db: Db, id: string, version: number) {
  return db
    .selectFrom("instruments")
    .select(["id", "version", "definition"])
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
}

export interface InstrumentListRow {
  id: string;
  version: number;
  title: unknown;
  createdAt: Date;
  inUse: boolean;
}

/**
 * Every stored version, newest first per id. A version is in use when a period or an assessment
 * references it; from then on it is immutable (scores depend on it).
 */
export async function listInstrumentVersions(db: Db): Promise<InstrumentListRow[]> {
  const r = await sql<{ id: string; version: number; title: unknown; created_at: Date; in_use: boolean }>`
    select i.id, i.version, i.definition->'title' as title, i.created_at,
      (exists (select 1 from periods p where p.instrument_id = i.id and p.instrument_version = i.version)
       or exists (select 1 from assessments a
                  where a.state->>'instrumentId' = i.id
                    and a.state->>'instrumentVersion' = i.version::text)) as in_use
    from instruments i
    order by i.id, i.version desc`.execute(db);
  return r.rows.map((x) => ({
    id: x.id,
    version: x.version,
    title: x.title,
    createdAt: new Date(x.created_at),
    inUse: x.in_use,
  }));
}

/** True when a period or an assessment references this version. */
export async function isInstrumentInUse(db: Db, id: string, version: number): Promise<boolean> {
  const r = await sql<{ in_use: boolean }>`
    select (exists (select 1 from periods p where p.instrument_id = ${id} and p.instrument_version = ${version})
      or exists (select 1 from assessments a
                 where a.state->>'instrumentId' = ${id}
                   and a.state->>'instrumentVersion' = ${String(version)})) as in_use`.execute(db);
  return r.rows[0]?.in_use === true;
}

/** Locks the version's row (if any) for the rest of the transaction. */
export async function findInstrumentForUpdate(db: Db, id: string, version: number) {
  return db
    .selectFrom("instruments")
    .select(["id", "version", "definition", "created_at"])
    .where("id", "=", id)
    .where("version", "=", version)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteInstrument(db: Db, id: string, version: number): Promise<boolean> {
  const r = await db
    .deleteFrom("instruments")
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
