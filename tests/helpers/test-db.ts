/**
 * A fresh, migrated database per call, on the backend PATUH_TEST_DB names:
 * - `pglite` (default): in-memory PGlite. initdb in WASM costs seconds, so each worker migrates
 *   ONE template once and every test database is a clone of its data dir (dumpDataDir/loadDataDir).
 * - `postgres`: a uniquely named database on the cluster at PATUH_TEST_DATABASE_URL (an admin URL),
 *   created from a per-worker migrated template database and dropped on dispose.
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Db, type DbHandle, openPostgres, wrapPglite } from "../../src/server/db/connection";
import { migrate } from "../../src/server/db/migrate";

export interface TestDb {
  db: Db;
  kind: "pglite" | "postgres";
  handle: DbHandle;
  /** For postgres: the URL of this test database (e.g. to point a spawned server at it). */
  url: string | null;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export function testDbKind(): "pglite" | "postgres" {
  const kind = process.env.PATUH_TEST_DB ?? "pglite";
  if (kind !== "pglite" && kind !== "postgres")
    throw new Error(`PATUH_TEST_DB must be pglite or postgres, got ${kind}`);
  return kind;
}

// Measured here: a fresh in-memory PGlite (WASM initdb) takes 7–18 s on a loaded 2-core box;
// loading a dumped data dir takes about 1 s. So each worker pays initdb once.
let pgliteTemplates: Promise<{ empty: Blob; migrated: Blob }> | null = null;

async function buildPgliteTemplates(): Promise<{ empty: Blob; migrated: Blob }> {
  const pglite = new PGlite("memory://");
  await pglite.waitReady; // dumpDataDir before ready never resolves
  const handle = wrapPglite(pglite);
  const empty = await pglite.dumpDataDir("none");
  await migrate(handle.db);
  const migrated = await pglite.dumpDataDir("none");
  await handle.close();
  return { empty, migrated };
}

async function createPgliteDb(migrated: boolean): Promise<TestDb> {
  pgliteTemplates ??= buildPgliteTemplates();
  const templates = await pgliteTemplates;
  const pglite = new PGlite({ loadDataDir: migrated ? templates.migrated : templates.empty });
  await pglite.waitReady;
  const handle = wrapPglite(pglite);
  return finish(handle, null, () => handle.close());
}

function adminUrl(): string {
  const url = process.env.PATUH_TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      "PATUH_TEST_DB=postgres needs PATUH_TEST_DATABASE_URL (admin URL of a throwaway cluster)",
    );
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let pgTemplate: Promise<string> | null = null;

// The template is left on the throwaway cluster (deleted with it); test databases are dropped.
async function buildPgTemplate(): Promise<string> {
  const name = `patuh_tpl_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`create database ${name}`));
  const handle = await openPostgres(withDatabase(adminUrl(), name));
  await migrate(handle.db);
  await handle.close();
  return name;
}

async function createPostgresDb(migrated: boolean): Promise<TestDb> {
  pgTemplate ??= buildPgTemplate();
  const template = migrated ? await pgTemplate : "template0";
  const name = `patuh_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`create database ${name} template ${template}`));
  const url = withDatabase(adminUrl(), name);
  const handle = await openPostgres(url);
  return finish(handle, url, async () => {
    await handle.close();
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  });
}

function finish(handle: DbHandle, url: string | null, dispose: () => Promise<void>): TestDb {
  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= dispose();
    return closed;
  };
  return {
    db: handle.db,
    kind: handle.kind,
    handle,
    url,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/**
 * Fills an empty PGlite data directory with the migrated template (so a CLI or server pointed at
 * it skips the slow initdb). Only for PATUH_TEST_DB=pglite.
 */
export async function preparePgliteDataDir(dir: string): Promise<void> {
  pgliteTemplates ??= buildPgliteTemplates();
  const pglite = new PGlite(dir, { loadDataDir: (await pgliteTemplates).migrated });
  await pglite.waitReady;
  await pglite.close();
}

/** Wraps an already open handle (e.g. a CLI's data dir reopened by a test) as a TestDb. */
export function adoptHandle(handle: DbHandle, url: string | null = null): TestDb {
  return finish(handle, url, () => handle.close());
}

export async function createTestDb(): Promise<TestDb> {
  return testDbKind() === "postgres" ? createPostgresDb(true) : createPgliteDb(true);
}

/** A fresh database with no schema at all (for migration tests). */
export async function createEmptyTestDb(): Promise<TestDb> {
  return testDbKind() === "postgres" ? createPostgresDb(false) : createPgliteDb(false);
}

/** Another connection pool on the same database (postgres only; PGlite has one connection). */
export async function openSecondHandle(t: TestDb): Promise<DbHandle | null> {
  return t.url ? openPostgres(t.url) : null;
}
