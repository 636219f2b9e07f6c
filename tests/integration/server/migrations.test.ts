import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrate } from "../../../src/server/db/migrate";
import { MIGRATIONS } from "../../../src/server/db/migrations/index";
import { createEmptyTestDb, createTestDb, openSecondHandle, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function schemaSnapshot(db: TestDb["db"]) {
  const r = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' order by table_name, column_name`.execute(db);
  return r.rows;
}

it("records every migration and running them again changes nothing", async () => {
  const recorded = await t.db
    .selectFrom("schema_migrations")
    .select(["version", "name"])
    .orderBy("version")
    .execute();
  expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  const before = await schemaSnapshot(t.db);
  expect(before.some((c) => c.table_name === "users" && c.column_name === "password_hash")).toBe(true);
  const again = await migrate(t.db);
  expect(again.applied).toEqual([]);
  expect(await migrate(t.db)).toEqual({ applied: [], current: MIGRATIONS.length });
  expect(await schemaSnapshot(t.db)).toEqual(before);
});

it("refuses a database newer than the code", async () => {
  await expect(migrate(t.db, MIGRATIONS.slice(0, 1))).rejects.toThrow(/newer than this server knows/);
});

it("rejects a misordered migration list", async () => {
  await expect(migrate(t.db, [...MIGRATIONS].reverse())).rejects.toThrow(/out of order/);
});

it("enforces case-insensitive unique usernames", async () => {
  await t.db.insertInto("offices").values({ id: "x", name: "X" }).execute();
  const user = { name: "A", role: "assessor" as const, office_id: "x", password_hash: "h" };
  await t.db
    .insertInto("users")
    .values({ ...user, username: "Budi" })
    .execute();
  await expect(
    t.db
      .insertInto("users")
      .values({ ...user, username: "budi" })
      .execute(),
  ).rejects.toThrow();
});

it("migrates an empty database; concurrent starts apply each step exactly once", async () => {
  const empty = await createEmptyTestDb();
  const other = await openSecondHandle(empty);
  try {
    const second = other?.db ?? empty.db;
    const [a, b] = await Promise.all([migrate(empty.db), migrate(second)]);
    // One of them applied everything, the other found nothing left to do.
    const applied = [...a.applied, ...b.applied].map((m) => m.version);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
    const rows = await empty.db.selectFrom("schema_migrations").select("version").execute();
    expect(rows.length).toBe(MIGRATIONS.length);
  } finally {
    await other?.close();
    await empty.close();
  }
});
