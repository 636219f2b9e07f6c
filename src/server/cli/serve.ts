/**
 * `serve [--demo]`: migrate, optionally load the demo into an EMPTY database (printing the
 * credentials once), listen, and shut down cleanly on SIGINT/SIGTERM (readiness off, requests in
 * flight drained, then the database closed). Plain `serve` never loads demo data. On PGlite the
 * data directory is locked: a second process on it is refused with a clear message.
 */

import type { Config } from "../config";
import type { DbHandle } from "../db/connection";
import { migrate } from "../db/migrate";
import { openConfiguredDatabase } from "../db/open";
import { DataDirLockedError } from "../db/pglite-lock";
import { isDatabaseEmpty } from "../db/queries/database-state";
import { DatabaseNotEmptyError, formatDemoCredentials, seedDemo } from "../demo/seed-demo";
import { freeBytes } from "../evidence/capacity";
import { openBlobStore } from "../evidence/open-store";
import { sweepUnreferencedEvidence } from "../evidence/sweep";
import { startDraining } from "../ops/lifecycle";
import { metrics } from "../ops/metrics";
import { jsonLogger } from "../ops/observability";
import { startHttpServer } from "../server";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseArgs } from "./cli-io";
import { loadConfigOrReport, type ServerCliIo } from "./server-io";

/** Within systemd's default TimeoutStopSec (90 s) and the unit's 30 s; uploads get this long to end. */
export const SHUTDOWN_GRACE_MS = 25_000;

export async function serveCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseArgs(args, [], ["demo"]);
  if (!parsed.ok || parsed.positional.length > 0) {
    io.err("usage: patuh serve [--demo]");
    return EXIT_USAGE;
  }
  const config = loadConfigOrReport(io);
  if (config === null) return EXIT_USAGE;
  // Listen for SIGINT/SIGTERM from the start: a signal during migration or seeding then stops the
  // server right after startup instead of killing the process mid-write.
  const stopped = io.untilStopped();
  // A full disk makes PGlite die with an opaque "RuntimeError: Aborted()": say so before, and
  // name the disk if opening fails.
  const free = await freeBytes(config.dataDir);
  const diskNote =
    free === null
      ? ""
      : `the disk holding DATA_DIR (${config.dataDir}) has ${Math.floor(free / 1024 / 1024)} MiB free`;
  if (free !== null && free < config.limits.minFreeDiskBytes) {
    io.err(
      `patuh: WARNING ${diskNote}, below PATUH_MIN_FREE_DISK_BYTES; uploads answer 507 until space is freed`,
    );
  }
  let handle: DbHandle;
  try {
    handle = await openConfiguredDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      io.err(`patuh: ${e.message}`);
      return EXIT_INVALID;
    }
    if (free !== null && free < 64 * 1024 * 1024) {
      io.err(`patuh: cannot open the database: ${diskNote} — the disk is full. Free space and start again.`);
      return EXIT_INVALID;
    }
    throw e;
  }
  metrics.watchPool(() => handle.poolStats());
  try {
    const { applied } = await migrate(handle.db);
    for (const m of applied) io.out(`patuh: applied migration ${m.version} ${m.name}`);
    if (parsed.flags.has("demo") && (await isDatabaseEmpty(handle.db))) {
      try {
        io.out(formatDemoCredentials(await seedDemo(handle.db, { password: config.demoPassword })));
      } catch (e) {
        // Another instance seeded in between: the database has data, which is all --demo wants.
        if (!(e instanceof DatabaseNotEmptyError)) throw e;
      }
    }
    const admins = await handle.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "admin")
      .where("active", "=", true)
      .limit(1)
      .execute();
    if (admins.length === 0) {
      io.out(
        [
          "patuh: this database has no admin yet. Create the first one (it also creates the office):",
          "  patuh user add --username admin --name 'Nama Admin' --role admin --office OFFICE_ID --office-name 'Ombudsman RI Perwakilan …'",
          "then log in and follow the setup checklist on the admin home (loci, units, users, period …).",
        ].join("\n"),
      );
    }
    let server: Awaited<ReturnType<typeof startHttpServer>>;
    try {
      // JSON lines on stdout (journald/Loki-friendly); every line of a request carries its id.
      server = await startHttpServer({
        db: handle.db,
        config,
        log: jsonLogger(),
        requestLog: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
      });
    } catch (e) {
      const code = e instanceof Error && "code" in e ? String(e.code) : "";
      if (code !== "EADDRINUSE" && code !== "EACCES" && code !== "EADDRNOTAVAIL") throw e;
      io.err(`patuh: cannot listen on ${config.host}:${config.port} (${code}); set PORT/HOST`);
      return EXIT_INVALID;
    }
    io.out(`Patuh listening on http://${config.host}:${server.port}`);
    const sweeper = startSweeper(handle.db, config, io);
    const signal = await stopped;
    clearInterval(sweeper);
    io.out(`patuh: ${signal} received, draining requests in flight (at most ${SHUTDOWN_GRACE_MS / 1000} s)`);
    // /readyz answers 503 from now on, so the proxy sends new requests to the other servers.
    startDraining();
    await server.close(SHUTDOWN_GRACE_MS);
    return EXIT_OK;
  } finally {
    await handle.close();
  }
}

const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/** The sweep of unreferenced evidence, now and every six hours (src/server/evidence/sweep.ts). */
function startSweeper(
  db: Parameters<typeof sweepUnreferencedEvidence>[0],
  config: Pick<Config, "evidence" | "dataDir">,
  io: ServerCliIo,
) {
  // The configured store (file system or S3): the sweep deletes where the bytes really are.
  const store = openBlobStore(config);
  const run = () =>
    sweepUnreferencedEvidence(db, store, new Date())
      .then((r) => {
        if (r.deleted > 0) io.out(`patuh: swept ${r.deleted} unreferenced evidence files (${r.bytes} bytes)`);
      })
      .catch((e: unknown) =>
        io.err(`patuh: evidence sweep failed: ${e instanceof Error ? e.message : String(e)}`),
      );
  void run();
  const timer = setInterval(run, SWEEP_EVERY_MS);
  timer.unref();
  return timer;
}
