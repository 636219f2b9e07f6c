/**
 * An instrument version's stored definition (the JSON as loaded), for review and results screens
 * that need labels, scales and dimension names. Owns no table; callers check visibility first.
 */
import { type QueryExecutorProvider, sql } from "kysely";

export async function instrumentDefinition(
  db: QueryExecutorProvider,
  id: string,
  version: number,
): Promise<{ id: string; version: number; definition: unknown } | undefined> {
  const r = await sql<{ definition: unknown }>`
    select definition from instruments where id = ${id} and version = ${version}`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : { id, version, definition: row.definition };
}
