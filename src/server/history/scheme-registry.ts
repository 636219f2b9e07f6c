/**
 * Every banding scheme a history row may name, by id: the builtin ones (domain/banding/builtin,
 * so schemes added there later — opini-2025 — work unchanged) and the admin-stored ones. A stored
 * definition that does not parse is left out (an unknown scheme is a row error, never a crash).
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { BUILTIN_SCHEMES } from "../../domain/banding/builtin";
import { parseBandingScheme } from "../../domain/banding/parse-scheme";
import type { BandingScheme } from "../../domain/banding/types";

export async function loadSchemeRegistry(db: QueryExecutorProvider): Promise<Map<string, BandingScheme>> {
  const out = new Map<string, BandingScheme>();
  const r = await sql<{
    id: string;
    definition: unknown;
  }>`select id, definition from banding_schemes`.execute(db);
  for (const row of r.rows) {
    const parsed = parseBandingScheme(row.definition);
    if (parsed.ok && parsed.scheme.id === row.id) out.set(row.id, parsed.scheme);
  }
  // Builtins win: their stored copy may be a placeholder and their definition is the published one.
  for (const [id, scheme] of Object.entries(BUILTIN_SCHEMES)) out.set(id, scheme);
  return out;
}
