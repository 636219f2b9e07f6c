/** Opens the database the config names (PostgreSQL via DATABASE_URL, else PGlite in DATA_DIR/pglite). */
import { join } from "node:path";
import type { Config } from "../config";
import { type DbHandle, openPglite, openPostgres } from "./connection";

export function pgliteDir(config: Config): string {
  return join(config.dataDir, "pglite");
}

export async function openConfiguredDatabase(config: Config): Promise<DbHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(pgliteDir(config));
}
