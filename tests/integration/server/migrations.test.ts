import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrate } from "../../../src/server/db/migrate";
import { MIGRATIONS } from "../../../src/server/db/migrations/index";
import { seedDemo } from "../../../src/server/demo/seed-demo";
import { createEmptyTestDb, createTestDb, openSecondHandle, type TestDb } from "../../helpers/test-db";
import { startTestServer } from "../../helpers/test-server";
import { fakeFile, sha256 } from "../sync/api";

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

/** Per table: its columns now, its row count and a digest of those columns' content, row by row. */
async function contentSnapshot(db: TestDb["db"], only?: Map<string, string[]>) {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'schema_migrations'
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const c of cols.rows) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c.column_name]);
  const out = new Map<string, { columns: string[]; rows: number; digest: string | null }>();
  for (const [table, columns] of only ?? tables) {
    const list = sql.join(columns.map((c) => sql.ref(c)));
    const r = await sql<{ rows: string; digest: string | null }>`
      select count(*) as rows, md5(string_agg(x::text, E'\n' order by x::text)) as digest
      from (select row(${list}) as x from ${sql.table(table)}) s`.execute(db);
    out.set(table, { columns, rows: Number(r.rows[0]?.rows), digest: r.rows[0]?.digest ?? null });
  }
  return out;
}

/**
 * Copies every row of every table of `to` (only the columns `to` has) from `from`, with triggers and
 * foreign-key checks off (session_replication_role = replica), identities kept and their sequences
 * moved past the copied values.
 */
async function copyRows(from: TestDb["db"], to: TestDb["db"]): Promise<void> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
    order by table_name`.execute(to);
  const rowsOf = new Map<string, string>();
  for (const { table_name } of tables.rows) {
    const r = await sql<{ j: string }>`select coalesce(json_agg(t), '[]'::json)::text as j
      from ${sql.table(table_name)} t`.execute(from);
    rowsOf.set(table_name, r.rows[0]?.j ?? "[]");
  }
  await to.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const [table, json] of rowsOf) {
      await sql`insert into ${sql.table(table)} overriding system value
        select * from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(trx);
    }
  });
  const sequences = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(to);
  for (const { table_name, column_name } of sequences.rows) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      (select coalesce(max(${sql.ref(column_name)}), 0) + 1 from ${sql.table(table_name)}), false)`.execute(
      to,
    );
  }
}

it("a database populated through the API, as it stood at the previous version, keeps every row and value when migrated", {
  timeout: 240_000,
}, async () => {
  // The current code cannot serve the previous schema (it reads the newest columns), so the data
  // is made by the real API on a current database, then copied, restricted to the columns the
  // previous version has, into a database migrated to the previous version; that one is upgraded.
  const source = await createEmptyTestDb();
  const empty = await createEmptyTestDb();
  const dataDir = mkdtempSync(join(tmpdir(), "patuh-mig-"));
  try {
    const previous = MIGRATIONS.slice(0, -1);
    await migrate(source.db);
    await migrate(empty.db, previous);
    const { password } = await seedDemo(source.db, { password: "migration-Demo-2026" });
    const server = await startTestServer({ testDb: source, config: { dataDir } });
    try {
      // A device's day: log in, pull, create an assessment, answer, note, a product, a photo.
      const c = server.client();
      expect((await c.post("/api/v1/session", { username: "penilai1", password })).status).toBe(200);
      const clientId = crypto.randomUUID();
      const pull = await c.get(`/api/v1/sync/pull?clientId=${clientId}`);
      expect(pull.status).toBe(200);
      const patch = (pull.json as { patch: { type: string; value: Record<string, unknown> }[] }).patch;
      const assignment = patch.find((p) => p.type === "assignment")?.value as {
        id: string;
        unitId: string;
        periodId: string;
      };
      const period = patch.find((p) => p.type === "period" && p.value.id === assignment.periodId)?.value as {
        instrumentId: string;
        instrumentVersion: number;
      };
      const bytes = fakeFile("jpeg", 2048);
      const sha = sha256(bytes);
      const put = await c.request("PUT", `/api/v1/evidence/${sha}`, {
        body: bytes,
        headers: { "content-type": "image/jpeg" },
      });
      expect(put.status).toBe(201);
      const assessmentId = crypto.randomUUID();
      const productId = crypto.randomUUID();
      const at = "2026-08-01T02:00:00Z";
      const args = [
        [
          "assessment.create",
          {
            assessmentId,
            assignmentId: assignment.id,
            unitId: assignment.unitId,
            instrumentId: period.instrumentId,
            instrumentVersion: period.instrumentVersion,
            visit: { date: "2026-08-01", mode: "scheduled" },
          },
        ],
        ["assessment.setAnswer", { assessmentId, key: "IN.SP.01", value: 2, previous: null }],
        ["assessment.setAnswer", { assessmentId, key: "IN.SP.01", value: 3, previous: 2 }],
        ["assessment.setNote", { assessmentId, key: "general", text: "Catatan ✓ <b>", previous: null }],
        ["assessment.putProduct", { assessmentId, product: { id: productId, name: "KTP-el" } }],
        [
          "assessment.attachEvidence",
          {
            assessmentId,
            key: "IN.SP.05",
            evidence: { sha256: sha, mime: "image/jpeg", bytes: bytes.length, takenAt: at },
          },
        ],
        ["assessment.removeProduct", { assessmentId, productId: crypto.randomUUID() }], // rejected: kept too
      ] as const;
      const push = await c.post("/api/v1/sync/push", {
        clientId,
        mutations: args.map(([name, a], i) => ({ id: i + 1, name, args: a, at })),
      });
      expect(push.status).toBe(200);
    } finally {
      await server.close();
    }
    await copyRows(source.db, empty.db);

    const before = await contentSnapshot(empty.db);
    for (const table of [
      "users",
      "assignments",
      "assessments",
      "assessment_history",
      "mutation_clients",
      "mutation_rejections",
      "evidence",
      "assessment_evidence",
      "changes",
      "sessions",
    ]) {
      expect(before.get(table)?.rows, table).toBeGreaterThan(0);
    }
    const result = await migrate(empty.db);
    expect(result.applied.map((m) => m.version)).toEqual(
      MIGRATIONS.slice(previous.length).map((m) => m.version),
    );
    const columnsBefore = new Map([...before].map(([t, s]) => [t, s.columns]));
    const after = await contentSnapshot(empty.db, columnsBefore);
    expect(after).toEqual(before);

    // And the migrated database serves what was stored, with the new version's features.
    const again = await startTestServer({ testDb: empty, config: { dataDir } });
    try {
      const sup = again.client();
      expect(
        (await sup.post("/api/v1/session", { username: "supervisor", password: "migration-Demo-2026" }))
          .status,
      ).toBe(200);
      const list = await sup.get("/api/v1/assessments");
      expect(list.status).toBe(200);
      const items = (list.json as { assessments: { id: string }[] }).assessments;
      expect(items).toHaveLength(1);
      const one = await sup.get(`/api/v1/assessments/${items[0]?.id}`);
      expect(one.status).toBe(200);
      expect(one.json).toMatchObject({ answers: { "IN.SP.01": 3 }, notes: { general: "Catatan ✓ <b>" } });
    } finally {
      await again.close();
    }
  } finally {
    await source.close();
    await empty.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
