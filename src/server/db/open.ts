/** Opens the database the config names (PostgreSQL via DATABASE_URL, else PGlite in DATA_DIR/pglite). */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config";
import { type DbHandle, openPglite, openPostgres } from "./connection";
import { lockDataDir } from "./pglite-lock";

export function pgliteDir(config: Config): string {
  return join(config.dataDir, "pglite");
}

/**
 * PostgreSQL, or PGlite after taking DATA_DIR/pglite.lock (throws DataDirLockedError when another
 * live process holds it); closing the handle releases the lock.
 */
export async function openConfiguredDatabase(config: Config): Promise<DbHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(join(config.dataDir, "pglite.lock"), pgliteDir(config));
  try {
    const handle = await openPglite(pgliteDir(config));
    return {
      ...handle,
      async close() {
        try {
          await handle.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
