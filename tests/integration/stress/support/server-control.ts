// The server under chaos: the REAL server process (`bin/patuh.js serve`, from source) on the test's
// PostgreSQL database, which the harness SIGKILLs and starts again; on PGlite (one process can own
// the in-memory database) the real app in process, stopped abruptly (open connections cut, handlers
// in flight finish or not) and started again on the same database. Devices follow the server to
// its new port through their fetch (tests/integration/client/support/cookie-fetch.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { TestDb } from "../../../helpers/test-db";
import { startTestServer, type TestServer } from "../../../helpers/test-server";

export interface ChaosServer {
  url(): string;
  /** SIGKILL (postgres: a real process) or an abrupt stop (pglite: in process). */
  kill(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
  /** Errors the server logged (internal errors are bugs). */
  logged(): string[];
  readonly mode: "process" | "in-process";
  kills: number;
}

const root = join(import.meta.dirname, "..", "..", "..", "..");

export async function chaosServer(testDb: TestDb, dataDir: string): Promise<ChaosServer> {
  return testDb.url ? processServer(testDb.url, dataDir) : inProcessServer(testDb, dataDir);
}

async function processServer(databaseUrl: string, dataDir: string): Promise<ChaosServer> {
  let child: ChildProcess | null = null;
  let url = "http://127.0.0.1:9";
  const logged: string[] = [];
  const start = async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      PATUH_FROM_SOURCE: "1",
    };
    const c = spawn(process.execPath, [join(root, "bin", "patuh.js"), "serve"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = c;
    let output = "";
    url = await new Promise<string>((resolve, reject) => {
      c.stdout?.on("data", (d: Buffer) => {
        output += d.toString("utf8");
        const m = output.match(/Patuh listening on (http:\/\/\S+)/);
        if (m?.[1]) resolve(m[1]);
      });
      c.stderr?.on("data", (d: Buffer) => {
        const text = d.toString("utf8");
        output += text;
        for (const line of text.split("\n")) if (/internal error/.test(line)) logged.push(line);
      });
      c.once("exit", (code, signal) =>
        reject(new Error(`serve exited early (${code ?? signal}):\n${output}`)),
      );
    });
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once("exit", () => resolve());
      c.kill("SIGKILL");
    });
  };
  await start();
  const s: ChaosServer = {
    url: () => url,
    async kill() {
      s.kills++;
      await kill();
    },
    start,
    close: kill,
    logged: () => [...logged],
    mode: "process",
    kills: 0,
  };
  return s;
}

async function inProcessServer(testDb: TestDb, dataDir: string): Promise<ChaosServer> {
  let server: TestServer | null = null;
  let url = "http://127.0.0.1:9";
  const logged: string[] = [];
  const start = async () => {
    server = await startTestServer({ testDb, config: { dataDir } });
    url = server.baseUrl;
  };
  const stop = async () => {
    const s = server;
    server = null;
    if (s) {
      await s.close();
      logged.push(...s.logged);
    }
  };
  await start();
  const s: ChaosServer = {
    url: () => url,
    async kill() {
      s.kills++;
      await stop();
    },
    start,
    close: stop,
    logged: () => [...logged, ...(server?.logged ?? [])],
    mode: "in-process",
    kills: 0,
  };
  return s;
}
