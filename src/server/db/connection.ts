/**
 * Database connection: one Kysely<Database> over one pg.Pool for both backends: a real PostgreSQL
 * (DATABASE_URL) or the embedded PGlite persisted in a data directory (or in memory for tests).
 * Invariant: PGlite runs one query at a time, so its pool holds exactly one client that is never
 * destroyed (a destroyed PGlite client cannot reconnect) and is never ended through pg (its `end`
 * event is never delivered, so pool.end() would hang): close() closes PGlite itself.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./types";

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /** Present for PGlite (tests clone it via dumpDataDir). */
  pglite: PGlite | null;
  /** Connections of the pool now (for /metrics). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

function statsOf(pool: pg.Pool): () => { total: number; idle: number; waiting: number } {
  return () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
}

const INT8_OID = 20;
const DATE_OID = 1082;

/** Same parsing on both backends: int8 stays text (converted by query modules), date stays "YYYY-MM-DD". */
const typeOverrides: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8_OID || oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

export async function openPostgres(url: string): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: typeOverrides });
  pool.on("error", (err) => console.error("postgres pool error:", err.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    pglite: null,
    poolStats: statsOf(pool),
    close: () => db.destroy(),
  };
}

/** Wrap an existing PGlite instance (owned by the returned handle from now on). */
export function wrapPglite(pglite: PGlite): DbHandle {
  const pool = new pg.Pool({
    ...(createPgConfig(pglite) as unknown as pg.PoolConfig),
    max: 1,
    idleTimeoutMillis: 0,
    types: typeOverrides,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    kind: "pglite",
    pglite,
    poolStats: statsOf(pool),
    async close() {
      if (closed) return;
      closed = true;
      void pool.end().catch(() => undefined);
      await pglite.close();
    },
  };
}

/** dataDir null → in-memory PGlite. */
export async function openPglite(dataDir: string | null): Promise<DbHandle> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir ?? "memory://");
  await pglite.waitReady;
  return wrapPglite(pglite);
}
