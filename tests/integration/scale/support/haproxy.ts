/**
 * HAProxy from Debian running deploy/haproxy.cfg itself: the bind address and the two server
 * addresses are replaced by the test's ports, and the lines marked "deploy-only" (user/group, which
 * need root) are dropped. Started with -db (foreground) and stopped by PID.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..", "..", "..");
export const HAPROXY_CONFIG = join(root, "deploy", "haproxy.cfg");

export function haproxyConfigFor(frontPort: number, serverPorts: readonly number[]): string {
  const text = readFileSync(HAPROXY_CONFIG, "utf8");
  let n = 0;
  const lines = text
    .split("\n")
    .filter((l) => !l.includes("# deploy-only"))
    .map((l) => {
      if (/^\s*bind 127\.0\.0\.1:8080\b/.test(l))
        return l.replace("127.0.0.1:8080", `127.0.0.1:${frontPort}`);
      const m = /^(\s*server \S+ )127\.0\.0\.1:\d+(.*)$/.exec(l);
      if (m) return `${m[1]}127.0.0.1:${serverPorts[n++]}${m[2]}`;
      return l;
    });
  if (n !== serverPorts.length)
    throw new Error(`deploy/haproxy.cfg names ${n} servers, the test runs ${serverPorts.length}`);
  return lines.join("\n");
}

export interface Haproxy {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startHaproxy(configPath: string, config: string, frontPort: number): Promise<Haproxy> {
  writeFileSync(configPath, config);
  const check = spawnSync("haproxy", ["-c", "-q", "-f", configPath], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`haproxy -c refused the config:\n${check.stderr}${check.stdout}`);
  const child: ChildProcess = spawn("haproxy", ["-db", "-f", configPath], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const url = `http://127.0.0.1:${frontPort}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${err}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (i > 100) throw new Error(`haproxy did not answer: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        process.kill(child.pid as number, "SIGTERM");
      });
    },
  };
}
