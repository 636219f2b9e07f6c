import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/server/cli/main";
import type { ServerCliIo } from "../../../src/server/cli/server-io";
import { openPglite } from "../../../src/server/db/connection";
import {
  adoptHandle,
  createTestDb,
  preparePgliteDataDir,
  type TestDb,
  testDbKind,
} from "../../helpers/test-db";
import { CookieClient, startTestServer } from "../../helpers/test-server";

const root = join(import.meta.dirname, "..", "..", "..");
const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "patuh-cli-"));
  tmp.push(d);
  return d;
}

/** A database target for the CLI: a PGlite data dir, or an empty PostgreSQL database. */
async function cliTarget(prepared = true): Promise<{
  env: NodeJS.ProcessEnv;
  open: () => Promise<TestDb>;
  dispose: () => Promise<void>;
}> {
  const dataDir = tempDir();
  if (testDbKind() === "postgres") {
    const t = await createTestDb();
    await t.handle.close();
    const url = t.url ?? "";
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: url },
      open: async () => {
        const { openPostgres } = await import("../../../src/server/db/connection");
        return adoptHandle(await openPostgres(url), url);
      },
      dispose: () => t.close(),
    };
  }
  if (prepared) await preparePgliteDataDir(join(dataDir, "pglite"));
  return {
    env: { DATA_DIR: dataDir },
    open: async () => adoptHandle(await openPglite(join(dataDir, "pglite"))),
    dispose: async () => undefined,
  };
}

function fakeIo(env: NodeJS.ProcessEnv, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: ServerCliIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env,
    cwd: root,
    readStdin: async () => stdin,
    untilStopped: () => new Promise(() => undefined),
  };
  return { io, out, err };
}

async function login(db: TestDb, username: string, password: string): Promise<number> {
  const s = await startTestServer({ testDb: db });
  try {
    return (await s.client().post("/api/v1/session", { username, password })).status;
  } finally {
    await s.close();
  }
}

describe("patuh seed demo / user add (in process)", () => {
  let target: Awaited<ReturnType<typeof cliTarget>>;
  beforeAll(async () => {
    target = await cliTarget();
  });
  afterAll(async () => {
    await target?.dispose();
  });

  it("seeds the demo once, then refuses; adds users with a given or generated password", {
    timeout: 180_000,
  }, async () => {
    const env = { ...target.env, PATUH_DEMO_PASSWORD: "demo-password-1" };
    const first = fakeIo(env);
    expect(await runCli(["seed", "demo"], first.io)).toBe(0);
    const printed = first.out.join("\n");
    expect(printed).toContain("admin, supervisor, penilai1, penilai2");
    expect(printed).not.toContain("demo-password-1");

    const again = fakeIo(env);
    expect(await runCli(["seed", "demo"], again.io)).not.toBe(0);
    expect(again.err.join("\n")).toMatch(/already holds data/);

    const add = fakeIo(target.env, "s3cret-passw0rd\n");
    const args = [
      "add",
      "--username",
      "Budi",
      "--name",
      "Budi Santoso",
      "--role",
      "supervisor",
      "--office",
      "kalbar",
    ];
    expect(await runCli(["user", ...args, "--password-stdin"], add.io)).toBe(0);
    expect(add.out.join("\n")).not.toContain("s3cret-passw0rd");

    const gen = fakeIo(target.env);
    const genArgs = [
      "add",
      "--username",
      "citra",
      "--name",
      "Citra",
      "--role",
      "assessor",
      "--office",
      "kalbar",
    ];
    expect(await runCli(["user", ...genArgs], gen.io)).toBe(0);
    const shown = gen.out.join("\n").match(/generated password \(shown only once\): (\S+)/);
    expect(shown).not.toBeNull();
    const generated = shown?.[1] ?? "";
    expect(gen.out.join("\n").split(generated).length - 1).toBe(1);

    const dup = fakeIo(target.env);
    expect(await runCli(["user", ...genArgs], dup.io)).not.toBe(0);
    const badRole = fakeIo(target.env);
    expect(
      await runCli(
        ["user", "add", "--username", "x", "--name", "X", "--role", "boss", "--office", "kalbar"],
        badRole.io,
      ),
    ).toBe(2);

    const db = await target.open();
    try {
      expect(await login(db, "budi", "s3cret-passw0rd")).toBe(200);
      expect(await login(db, "citra", generated)).toBe(200);
      expect(await login(db, "penilai1", "demo-password-1")).toBe(200);
      const assignments = await db.db
        .selectFrom("assignment_members")
        .innerJoin("users", "users.id", "assignment_members.user_id")
        .select(["users.username"])
        .execute();
      const byUser = new Set(assignments.map((a) => a.username));
      expect(byUser).toEqual(new Set(["penilai1", "penilai2"]));
      expect((await db.db.selectFrom("pemda").select("id").execute()).length).toBe(15);
    } finally {
      await db.close();
    }
  });
});

function startServe(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  ready: Promise<{ url: string; output: string }>;
  output: () => string;
} {
  const child = spawn(process.execPath, [join(root, "bin", "patuh.js"), "serve", "--demo"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<{ url: string; output: string }>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString("utf8");
      const m = output.match(/Patuh listening on (http:\/\/\S+)/);
      if (m?.[1]) resolve({ url: m[1], output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (d: Buffer) => {
      output += d.toString("utf8");
    });
    child.once("exit", (code) => reject(new Error(`serve exited early (${code}):\n${output}`)));
  });
  return { child, ready, output: () => output };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("patuh serve --demo (spawned)", () => {
  it("prints the credentials once, serves logins, and keeps its data over a restart", {
    timeout: 240_000,
  }, async () => {
    // Not prepared: the first start runs initdb into the empty DATA_DIR, as on a real first start.
    const target = await cliTarget(false);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...target.env,
      PORT: "0",
      HOST: "127.0.0.1",
      PATUH_FROM_SOURCE: "1",
    };
    delete env.PATUH_DEMO_PASSWORD;
    if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
    const first = startServe(env);
    try {
      const { url, output } = await first.ready;
      const password = output.match(/Password: (\S+)/)?.[1] ?? "";
      expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      const c = new CookieClient(url);
      const res = await c.post("/api/v1/session", { username: "supervisor", password });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-patuh-protocol")).toBe("1");
      expect(await stop(first.child)).toBe(0);

      const second = startServe(env);
      try {
        const again = await second.ready;
        expect(again.output).not.toContain("Password:");
        expect(again.output).not.toContain(password);
        const c2 = new CookieClient(again.url);
        expect((await c2.post("/api/v1/session", { username: "penilai2", password })).status).toBe(200);
      } finally {
        expect(await stop(second.child)).toBe(0);
      }
    } finally {
      await stop(first.child);
      await target.dispose();
    }
  });
});
