/**
 * One process per PGlite data directory. PGlite is an embedded, single-process PostgreSQL: two
 * processes on one data directory would each believe they own the files and corrupt them.
 *
 * Owns: DATA_DIR/pglite.lock, holding the owner's PID. Invariant: the file is created with O_EXCL,
 * so of two processes starting at once exactly one wins; a lock whose PID is no longer alive (a
 * crash, a kill -9) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid}. PGlite serves one process only: ` +
        "stop that process first, or use PostgreSQL (DATABASE_URL) to run several servers.",
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user: still alive.
    return e instanceof Error && "code" in e && e.code === "EPERM";
  }
}

/** Takes the lock or throws DataDirLockedError; returns the release function. */
export function lockDataDir(lockPath: string, dataDir: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (e) {
      if (!(e instanceof Error && "code" in e && e.code === "EEXIST")) throw e;
    }
    let pid = Number.NaN;
    try {
      pid = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
    } catch {
      // Removed between our open and read: try again.
      continue;
    }
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataDirLockedError(dataDir, pid);
    // Stale (dead owner or unreadable content): take it over.
    rmSync(lockPath, { force: true });
  }
  throw new Error(`cannot take the lock ${lockPath}`);
}
