// Backup → wipe → restore, on the database this pass runs on (PGlite data dir, or PostgreSQL via
// pg_dump/pg_restore) with the file evidence store: every table is identical row for row, every
// blob is back with its bytes, and the API returns identical assessments, results and photos.
// Also: restore refuses a database that holds data unless --replace, and backup never overwrites.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/server/cli/main";
import type { ServerCliIo } from "../../../src/server/cli/server-io";
import { type Config, loadConfig } from "../../../src/server/config";
import type { Db } from "../../../src/server/db/connection";
import { openConfiguredDatabase } from "../../../src/server/db/open";
import { seedDemo } from "../../../src/server/demo/seed-demo";
import { createApp } from "../../../src/server/http/app";
import { createEmptyTestDb, createTestDb, preparePgliteDataDir, testDbKind } from "../../helpers/test-db";
import { create, fakeFile, setAnswer, sha256, uuid } from "../sync/api";

const PASSWORD = "backup-Demo-2026";
const tmp: string[] = [];
const tempDir = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  tmp.push(d);
  return d;
};
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: ServerCliIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env: { ...process.env, ...env },
    cwd: process.cwd(),
    readStdin: async () => "",
    untilStopped: () => new Promise(() => undefined),
  };
  return { cli, out, err };
}

/** The CLI's audit rows (issue #16), oldest first; compared apart from the other tables. */
async function cliAudit(
  config: Config,
): Promise<{ action: string; outcome: string; detail: Record<string, unknown> }[]> {
  const handle = await openConfiguredDatabase(config);
  try {
    const r = await sql<{ action: string; outcome: string; detail: Record<string, unknown> }>`
      select action, outcome, detail from audit_log where actor_username = 'system:cli' order by id`.execute(
      handle.db,
    );
    return r.rows;
  } finally {
    await handle.close();
  }
}

/** Every table but audit_log (a restore adds its own row there). */
async function tables(db: Db): Promise<Record<string, string[]>> {
  const names = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name <> 'audit_log'
    order by table_name`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { table_name } of names.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)}`.execute(db);
    out[table_name] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** What the API shows a supervisor and the assessor: the assessment, the results, the photo. */
async function apiView(config: Config, ids: { assessment: string; photo: string; period: string }) {
  const handle = await openConfiguredDatabase(config);
  try {
    const app = createApp({ db: handle.db, config, log: { error: () => undefined, info: () => undefined } });
    const as = async (username: string) => {
      const res = await app.request("/api/v1/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      return (path: string) => app.request(`/api/v1${path}`, { headers: { cookie } });
    };
    const sup = await as("supervisor");
    const assessment = await (await sup(`/assessments/${ids.assessment}`)).json();
    const results = await (await sup(`/results?periodId=${ids.period}`)).json();
    const photo = new Uint8Array(await (await sup(`/evidence/${ids.photo}`)).arrayBuffer());
    return { assessment, results, photo: sha256(photo) };
  } finally {
    await handle.close();
  }
}

describe(`backup and restore (${testDbKind()}, file evidence store)`, () => {
  it("backup → wipe → restore gives identical tables, blobs and API answers", {
    timeout: 300_000,
  }, async () => {
    const dataDir = tempDir("patuh-backup-src-");
    let env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, EVIDENCE_STORE: "fs" };
    let wipedEnv: NodeJS.ProcessEnv;
    if (testDbKind() === "postgres") {
      const source = await createTestDb();
      const target = await createEmptyTestDb();
      await source.handle.close();
      await target.handle.close();
      cleanups.push(
        () => source.close(),
        () => target.close(),
      );
      env = { ...env, DATABASE_URL: source.url ?? "" };
      wipedEnv = {
        DATA_DIR: tempDir("patuh-backup-dst-"),
        EVIDENCE_STORE: "fs",
        DATABASE_URL: target.url ?? "",
      };
    } else {
      await preparePgliteDataDir(join(dataDir, "pglite"));
      wipedEnv = { DATA_DIR: tempDir("patuh-backup-dst-"), EVIDENCE_STORE: "fs" };
    }
    const config = loadConfig({ ...env, DATABASE_URL: env.DATABASE_URL ?? "" }, process.cwd());

    // Some real work: the demo, a checklist with answers and a photo, pushed through the API.
    const photo = fakeFile("jpeg", 50_000);
    const ids = { assessment: uuid(), photo: sha256(photo), period: "" };
    {
      const handle = await openConfiguredDatabase(config);
      try {
        await seedDemo(handle.db, { password: PASSWORD });
        const asg = await sql<{ id: string; unit_id: string; period_id: string }>`
          select a.id, a.unit_id, a.period_id from assignments a join assignment_members m on m.assignment_id = a.id
          join users u on u.id = m.user_id where u.username = 'penilai1' order by a.id limit 1`.execute(
          handle.db,
        );
        const a = asg.rows[0];
        if (!a) throw new Error("demo has no assignment for penilai1");
        ids.period = a.period_id;
        const app = createApp({ db: handle.db, config });
        const login = await app.request("/api/v1/session", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "penilai1", password: PASSWORD }),
        });
        const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
        const put = await app.request(`/api/v1/evidence/${ids.photo}`, {
          method: "PUT",
          headers: { cookie, "content-type": "image/jpeg" },
          body: photo,
        });
        expect(put.status).toBe(201);
        const push = await app.request("/api/v1/sync/push", {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({
            clientId: uuid(),
            mutations: [
              create(1, ids.assessment, { id: a.id, unitId: a.unit_id }),
              setAnswer(2, ids.assessment, "IN.SP.01", 3),
              {
                id: 3,
                name: "assessment.attachEvidence",
                at: "2026-08-01T02:03:04Z",
                args: {
                  assessmentId: ids.assessment,
                  key: "IN.SP.05",
                  evidence: {
                    sha256: ids.photo,
                    mime: "image/jpeg",
                    bytes: photo.length,
                    takenAt: "2026-08-01T02:00:00Z",
                  },
                },
              },
            ],
          }),
        });
        expect(push.status).toBe(200);
        expect(
          ((await push.json()) as { results: { status: string }[] }).results.map((r) => r.status),
        ).toEqual(["applied", "applied", "applied"]);
      } finally {
        await handle.close();
      }
    }
    // The API view first: reading writes sessions and the score cache, which the backup then holds.
    const viewBefore = await apiView(config, ids);
    expect(viewBefore.photo).toBe(ids.photo);
    const before = await (async () => {
      const handle = await openConfiguredDatabase(config);
      try {
        return await tables(handle.db);
      } finally {
        await handle.close();
      }
    })();

    const file = join(tempDir("patuh-backup-file-"), "patuh.tar");
    const b = io(env);
    expect(await runCli(["backup", file], b.cli), b.err.join("\n")).toBe(0);
    expect(b.out.join("\n")).toMatch(/1 evidence files \(blobs included\)/);
    // A backup never overwrites a file.
    const again = io(env);
    expect(await runCli(["backup", file], again.cli)).not.toBe(0);
    expect(again.err.join("\n")).toMatch(/exists/);

    // Both backup runs are in the source's audit log: the one written and the one refused.
    expect(await cliAudit(config)).toEqual([
      {
        action: "backup.create",
        outcome: "success",
        detail: { file: "patuh.tar", database: expect.any(String), evidenceFiles: 1, blobsIncluded: true },
      },
      { action: "backup.create", outcome: "failure", detail: { file: "patuh.tar", reason: "EEXIST" } },
    ]);

    // Wipe: a new, empty database and an empty data directory.
    const r = io(wipedEnv);
    expect(await runCli(["restore", file], r.cli), r.err.join("\n")).toBe(0);
    expect(r.out.join("\n")).toMatch(/and 1 evidence files/);
    const restoredConfig = loadConfig({ ...wipedEnv }, process.cwd());
    const handle = await openConfiguredDatabase(restoredConfig);
    try {
      expect(await tables(handle.db)).toEqual(before);
    } finally {
      await handle.close();
    }
    expect(await apiView(restoredConfig, ids)).toEqual(viewBefore);

    // A second restore onto data is refused without --replace, and works with it.
    const refused = io(wipedEnv);
    expect(await runCli(["restore", file], refused.cli)).not.toBe(0);
    expect(refused.err.join("\n")).toMatch(/--replace/);
    expect((await cliAudit(restoredConfig)).map((r) => [r.action, r.outcome])).toEqual([
      ["backup.restore", "success"],
      ["backup.restore", "refused"],
    ]);
    const replaced = io(wipedEnv);
    expect(await runCli(["restore", file, "--replace"], replaced.cli), replaced.err.join("\n")).toBe(0);
    expect(await apiView(restoredConfig, ids)).toEqual(viewBefore);
    // The replacing restore's row is in the restored database (the earlier rows went with the
    // replaced data; the backup held none of its own rows, being dumped before they were written).
    const restoredRows = await cliAudit(restoredConfig);
    expect(restoredRows.at(-1)).toEqual({
      action: "backup.restore",
      outcome: "success",
      detail: {
        file: "patuh.tar",
        replace: true,
        backupCreatedAt: expect.any(String),
        evidenceFiles: 1,
        missing: 0,
      },
    });
    expect(restoredRows.some((r) => r.action === "backup.create")).toBe(false);
  });
});
