/**
 * `serve [--demo]`: migrate, optionally load the demo into an EMPTY database (printing the
 * credentials once), listen, and shut down cleanly on SIGINT/SIGTERM. Plain `serve` never loads
 * demo data.
 */
import { migrate } from "../db/migrate";
import { openConfiguredDatabase } from "../db/open";
import { isDatabaseEmpty } from "../db/queries/database-state";
import { DatabaseNotEmptyError, formatDemoCredentials, seedDemo } from "../demo/seed-demo";
import { startHttpServer } from "../server";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseArgs } from "./cli-io";
import { loadConfigOrReport, type ServerCliIo } from "./server-io";

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
  const handle = await openConfiguredDatabase(config);
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
      server = await startHttpServer({ db: handle.db, config });
    } catch (e) {
      const code = e instanceof Error && "code" in e ? String(e.code) : "";
      if (code !== "EADDRINUSE" && code !== "EACCES" && code !== "EADDRNOTAVAIL") throw e;
      io.err(`patuh: cannot listen on ${config.host}:${config.port} (${code}); set PORT/HOST`);
      return EXIT_INVALID;
    }
    io.out(`Patuh listening on http://${config.host}:${server.port}`);
    const signal = await stopped;
    io.out(`patuh: ${signal} received, shutting down`);
    await server.close();
    return EXIT_OK;
  } finally {
    await handle.close();
  }
}
