// Starts the real server (`node bin/patuh.js serve --demo`, or without --demo for an empty start) as a child process with its real PID,
// a private data dir and a free port, and stops it by that PID.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./paths";

export const DEMO_PASSWORD = "e2e-Demo-Pass-2026";

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  /** Everything the server printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  dataDir: string;
  staticDir: string;
  port?: number;
  /** Load the demo data (default); false starts from an empty database as a new office would. */
  demo?: boolean;
}

/** Runs `patuh ARGS` (from source) against DATA_DIR while no server holds it; `input` is its stdin. */
export function runCli(dataDir: string, args: string[], input = ""): string {
  const { NODE_ENV: _testEnv, ...inherited } = process.env;
  return execFileSync(process.execPath, [join(ROOT, "bin", "patuh.js"), ...args], {
    cwd: ROOT,
    env: { PATUH_FROM_SOURCE: "1", ...inherited, DATA_DIR: dataDir },
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// Generous: on a busy 2-core machine a cold start from sources (tsx) has taken over a minute.
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 10_000;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const host = "127.0.0.1";
  const bin = join(ROOT, "bin", "patuh.js");
  // As deployed: without Vitest's NODE_ENV=test.
  const { NODE_ENV: _testEnv, ...inherited } = process.env;
  const child = spawn(process.execPath, [bin, "serve", ...(options.demo === false ? [] : ["--demo"])], {
    cwd: ROOT,
    env: {
      // bin/patuh.js prefers dist/server when present; run the sources unless told otherwise, so a
      // stale local bundle is never what the tests exercise.
      PATUH_FROM_SOURCE: "1",
      ...inherited,
      PORT: String(port),
      HOST: host,
      DATA_DIR: options.dataDir,
      STATIC_DIR: options.staticDir,
      PATUH_DEMO_PASSWORD: DEMO_PASSWORD,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${bin}`);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      child.kill("SIGKILL");
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server did not say "Patuh listening on" within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      if (/Patuh listening on http:\/\//.test(output)) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });

  return { url: `http://${host}:${port}`, port, pid, log: () => output, stop };
}
