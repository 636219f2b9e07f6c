/**
 * `patuh evidence migrate --to s3|fs [--verify] [--concurrency N]`: copies every blob from the
 * configured store (EVIDENCE_STORE) to the other one (evidence/migrate.ts), with a progress line on
 * stderr at most once a second and a summary on stdout.
 * Exit codes: 0 every blob is in the target, verified; 1 some blob was not migrated (listed; the
 * source is left as it was — fix and re-run, a re-run skips what is done) or a store is
 * unreachable; 2 usage or configuration.
 * The server may keep running meanwhile; the switch-over steps are in docs/deploy.md.
 */
import { existsSync } from "node:fs";
import { sql } from "kysely";
import { type Config, ConfigError, loadConfig } from "../config";
import { openConfiguredDatabase, pgliteDir } from "../db/open";
import { DataDirLockedError } from "../db/pglite-lock";
import { BlobStoreUnavailableError } from "../evidence/blob-store";
import { type MigrateProgress, migrateEvidence } from "../evidence/migrate";
import { openBlobStore } from "../evidence/open-store";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseCommandArgs } from "./cli-io";
import type { ServerCliIo } from "./server-io";

const USAGE = "usage: patuh evidence migrate --to s3|fs [--verify] [--concurrency N]";

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);

function progressLine(p: MigrateProgress): string {
  const seconds = Math.max(p.elapsedMs / 1000, 0.001);
  return (
    `evidence migrate: ${p.done}/${p.total} blobs · copied ${p.copied} (${mb(p.bytesCopied)} MB, ` +
    `${mb(p.bytesCopied / seconds)} MB/s) · already there ${p.alreadyThere} · failed ${p.failed}`
  );
}

/**
 * The hashes the database records, when it can be read without disturbing anything: PostgreSQL, or
 * an existing PGlite directory no server holds. A running PGlite server holds its lock: then the
 * source store's own listing is the worklist (each name is its content's hash) and this says so.
 */
async function recordedHashes(config: Config, io: ServerCliIo): Promise<string[] | undefined> {
  if (config.databaseUrl === null && !existsSync(pgliteDir(config))) return undefined;
  let handle: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    handle = await openConfiguredDatabase(config);
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    io.err(
      "evidence migrate: the PGlite database is in use by the server; the store's listing is the worklist",
    );
    return undefined;
  }
  try {
    const r = await sql<{ sha256: string }>`select sha256 from evidence`.execute(handle.db);
    return r.rows.map((x) => x.sha256);
  } finally {
    await handle.close();
  }
}

export async function evidenceMigrateCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseCommandArgs(args, ["to", "concurrency"], ["verify"], USAGE, io);
  if (typeof parsed === "number") return parsed;
  const to = parsed.options.get("to");
  const concurrency = Number(parsed.options.get("concurrency") ?? "4");
  if ((to !== "s3" && to !== "fs") || parsed.positional.length > 0) {
    io.err(USAGE);
    return EXIT_USAGE;
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    io.err(`--concurrency must be a whole number from 1 to 64\n${USAGE}`);
    return EXIT_USAGE;
  }
  let sourceConfig: Config;
  let targetConfig: Config;
  try {
    sourceConfig = loadConfig(io.env, io.cwd);
    targetConfig = loadConfig({ ...io.env, EVIDENCE_STORE: to }, io.cwd);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(`patuh: configuration error: ${e.message}`);
    return EXIT_USAGE;
  }
  if (sourceConfig.evidence.kind === to) {
    io.err(
      `patuh: EVIDENCE_STORE is already ${to}; run the migration with the CURRENT store configured ` +
        `(EVIDENCE_STORE=${to === "s3" ? "fs" : "s3"}) and --to ${to}`,
    );
    return EXIT_USAGE;
  }
  const source = openBlobStore(sourceConfig);
  const target = openBlobStore(targetConfig);
  io.out(`evidence migrate: from ${source.description} to ${target.description}`);
  const recorded = await recordedHashes(sourceConfig, io);
  let last = 0;
  try {
    const report = await migrateEvidence({
      source,
      target,
      limitBytes: sourceConfig.limits.evidenceBytes,
      concurrency,
      verifyExisting: parsed.flags.has("verify"),
      ...(recorded === undefined ? {} : { recorded }),
      onProgress: (p) => {
        const t = Date.now();
        if (t - last < 1000 && p.done !== p.total) return;
        last = t;
        io.err(progressLine(p));
      },
    });
    for (const f of report.failures)
      io.err(`evidence migrate: NOT migrated ${f.sha256}: ${f.reason} (${f.detail})`);
    for (const h of report.missing) io.err(`evidence migrate: recorded but in neither store: ${h}`);
    io.out(
      `evidence migrate: done in ${(report.elapsedMs / 1000).toFixed(1)} s: ${report.total} blobs in the source, ` +
        `${report.copied} copied and verified (${mb(report.bytesCopied)} MB), ${report.alreadyThere} already there, ` +
        `${report.failed} failed` +
        (recorded === undefined ? "" : `, ${report.missing.length} recorded but missing`),
    );
    if (report.failed > 0 || report.missing.length > 0) {
      io.err("evidence migrate: INCOMPLETE — keep the source store; fix the blobs above and run again");
      return EXIT_INVALID;
    }
    io.out(`evidence migrate: complete — every blob is in ${target.description}, verified by its SHA-256`);
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof BlobStoreUnavailableError)) throw e;
    io.err(
      `evidence migrate: stopped: ${e.message}\n(run again once the store answers; done blobs are skipped)`,
    );
    return EXIT_INVALID;
  }
}
