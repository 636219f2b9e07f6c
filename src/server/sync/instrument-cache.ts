/**
 * Parsed instruments by id@version, loaded from the instruments table on first use.
 * Owns nothing persistent. Invariant: an instrument version is immutable once stored (a checklist
 * keeps its version forever), so a cached parse never goes stale.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { parseInstrument } from "../../domain/instrument/parse-instrument";
import type { Instrument } from "../../domain/instrument/types";

export class InstrumentCache {
  private readonly parsed = new Map<string, Instrument>();

  async get(db: QueryExecutorProvider, id: string, version: number): Promise<Instrument | undefined> {
    const key = `${id}@${version}`;
    const hit = this.parsed.get(key);
    if (hit !== undefined) return hit;
    const r = await sql<{ definition: unknown }>`
      select definition from instruments where id = ${id} and version = ${version}`.execute(db);
    const row = r.rows[0];
    if (row === undefined) return undefined;
    const result = parseInstrument(row.definition);
    if (!result.ok) return undefined;
    this.parsed.set(key, result.instrument);
    return result.instrument;
  }
}
