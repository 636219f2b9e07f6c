/** `patuh backup FILE`, `patuh restore FILE [--replace]` (backup/). */
import { basename } from "node:path";
import { writeCliAudit, writeCliAuditFresh } from "../audit/cli-audit";
import { backup } from "../backup/backup";
import { RestoreRefusedError, restore } from "../backup/restore";
import { openConfiguredDatabase } from "../db/open";
import { DataDirLockedError } from "../db/pglite-lock";
import { openBlobStore } from "../evidence/open-store";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseArgs } from "./cli-io";
import { loadConfigOrReport, type ServerCliIo } from "./server-io";

export async function backupCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseArgs(args, [], []);
  if (!parsed.ok || parsed.positional.length !== 1) {
    io.err("usage: patuh backup FILE");
    return EXIT_USAGE;
  }
  const config = loadConfigOrReport(io);
  if (config === null) return EXIT_USAGE;
  const file = parsed.positional[0] as string;
  let handle: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    handle = await openConfiguredDatabase(config);
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    io.err(`patuh: ${e.message}\n(stop the server for the few seconds a PGlite backup takes)`);
    return EXIT_INVALID;
  }
  // Written after the dump (so a backup never holds its own row), whatever the outcome.
  const audit = async (outcome: "success" | "failure", detail: Record<string, string | number | boolean>) => {
    try {
      await writeCliAudit(handle.db, {
        action: "backup.create",
        outcome,
        detail: { file: basename(file), ...detail },
      });
    } catch (e) {
      io.err(
        `patuh: the audit row of the backup was not written: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  try {
    const store = openBlobStore(config);
    const m = await backup({ config, handle, store, file, env: io.env }).catch(async (e: unknown) => {
      await audit("failure", { reason: e instanceof Error && "code" in e ? String(e.code) : "error" });
      throw e;
    });
    await audit("success", {
      database: m.database,
      evidenceFiles: m.evidence.length,
      blobsIncluded: m.blobsIncluded,
    });
    io.out(
      `patuh: backup written to ${file}: ${m.database} database, ${m.evidence.length} evidence files ` +
        (m.blobsIncluded ? "(blobs included)" : `(listed; the blobs stay in ${store.description})`),
    );
    return EXIT_OK;
  } catch (e) {
    if (e instanceof Error && "code" in e && e.code === "EEXIST") {
      io.err(`patuh: ${file} exists; a backup never overwrites a file`);
      return EXIT_INVALID;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

export async function restoreCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseArgs(args, [], ["replace"]);
  if (!parsed.ok || parsed.positional.length !== 1) {
    io.err("usage: patuh restore FILE [--replace]");
    return EXIT_USAGE;
  }
  const config = loadConfigOrReport(io);
  if (config === null) return EXIT_USAGE;
  const file = parsed.positional[0] as string;
  const audit = (
    outcome: "success" | "failure" | "refused",
    detail: Record<string, string | number | boolean>,
  ) =>
    writeCliAuditFresh(
      config,
      {
        action: "backup.restore",
        outcome,
        detail: { file: basename(file), replace: parsed.flags.has("replace"), ...detail },
      },
      (message) => io.err(message),
    );
  try {
    const report = await restore({
      config,
      store: openBlobStore(config),
      file,
      replace: parsed.flags.has("replace"),
      env: io.env,
    });
    io.out(
      `patuh: restored the ${report.manifest.database} database of ${report.manifest.createdAt} and ` +
        `${report.blobsRestored} evidence files (each verified by its SHA-256)`,
    );
    await audit(report.missing.length > 0 ? "failure" : "success", {
      backupCreatedAt: report.manifest.createdAt,
      evidenceFiles: report.blobsRestored,
      missing: report.missing.length,
    });
    if (report.missing.length > 0) {
      io.err(
        `patuh: ${report.missing.length} evidence files are recorded but not in the store, e.g. ${report.missing[0]}`,
      );
      return EXIT_INVALID;
    }
    return EXIT_OK;
  } catch (e) {
    // A refused restore left the database as it was: the row goes there. A locked data dir cannot
    // take one (the server holds it).
    if (e instanceof RestoreRefusedError) await audit("refused", {});
    if (e instanceof RestoreRefusedError || e instanceof DataDirLockedError) {
      io.err(`patuh: ${e.message}`);
      return EXIT_INVALID;
    }
    throw e;
  }
}
