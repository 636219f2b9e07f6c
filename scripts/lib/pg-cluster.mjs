// A private, throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp dir, start on
// a free loopback port, stop by its own PID and delete the dir. Never touches a system cluster.
import { spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPgBin } from "./system-deps.mjs";

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

function postgresUid() {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPgCluster() {
  const bin = findPgBin();
  if (!bin) throw new Error("PostgreSQL binaries not found (apt-get install postgresql)");
  const dir = mkdtempSync(join(tmpdir(), "patuh-pg-"));
  const data = join(dir, "data");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const owner = isRoot ? postgresUid() : null;
  if (isRoot && !owner) throw new Error("running as root but there is no postgres user");
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (cmd, args) => {
    const full = owner
      ? ["runuser", ["-u", "postgres", "--", `${bin}/${cmd}`, ...args]]
      : [`${bin}/${cmd}`, args];
    const r = spawnSync(full[0], full[1], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "start"]);
  const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    pid,
    stop() {
      try {
        process.kill(pid, "SIGINT"); // fast shutdown
      } catch {
        // already gone
      }
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        spawnSync("sleep", ["0.1"]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
