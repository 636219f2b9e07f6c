/**
 * A real `patuh serve` process (from source) for the scale tests, started and stopped by PID. Its
 * JSON request log lines are counted, so a test can tell which server answered how much.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..", "..", "..");

export interface ServeProcess {
  readonly name: string;
  port: number;
  pid(): number | undefined;
  /** Request log lines seen since the first start. */
  requests: number;
  /** Lines with "internal error" (bugs). */
  errors: string[];
  /** Output so far (for failure messages). */
  output(): string;
  start(): Promise<void>;
  /** SIGKILL (a crash) or SIGTERM (a graceful stop); resolves when the process is gone. */
  stop(signal: "SIGKILL" | "SIGTERM"): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export function serveProcess(name: string, env: NodeJS.ProcessEnv, port = 0): ServeProcess {
  let child: ChildProcess | null = null;
  let out = "";
  const p: ServeProcess = {
    name,
    port,
    pid: () => child?.pid,
    requests: 0,
    errors: [],
    output: () => out,
    async start() {
      const c = spawn(process.execPath, [join(root, "bin", "patuh.js"), "serve"], {
        cwd: root,
        env: { ...process.env, ...env, PORT: String(p.port), HOST: "127.0.0.1", PATUH_FROM_SOURCE: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = c;
      let buffered = "";
      const onLine = (line: string) => {
        out += `${line}\n`;
        if (line.includes('"msg":"request"')) p.requests++;
        if (/internal error/.test(line)) p.errors.push(line);
      };
      const feed = (d: Buffer) => {
        buffered += d.toString("utf8");
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const l of lines) onLine(l);
      };
      p.port = await new Promise<number>((resolve, reject) => {
        c.stdout?.on("data", (d: Buffer) => {
          feed(d);
          const m = /Patuh listening on http:\/\/[^:]+:(\d+)/.exec(out);
          if (m?.[1]) resolve(Number(m[1]));
        });
        c.stderr?.on("data", feed);
        c.once("exit", (code, signal) =>
          reject(new Error(`${name} exited early (${code ?? signal}):\n${out}`)),
        );
      });
    },
    async stop(signal) {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null || c.pid === undefined) return;
      await new Promise<void>((resolve) => {
        c.once("exit", () => resolve());
        process.kill(c.pid as number, signal);
      });
    },
  };
  return p;
}
