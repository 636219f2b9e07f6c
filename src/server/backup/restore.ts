/**
 * `patuh restore FILE [--replace]`: the database from a backup (pg_restore, or a PGlite data dir
 * loaded from its dump), then the blobs (file-store backups), each re-verified by its SHA-256 on
 * the way into the configured store, then a check that every evidence row has its bytes.
 * Invariant: a database that holds data is never overwritten without --replace; with --replace a
 * PGlite data dir is moved aside (kept), a PostgreSQL database is cleaned object by object.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import type { Config } from "../config";
import { openPostgres } from "../db/connection";
import { pgliteDir } from "../db/open";
import { lockDataDir } from "../db/pglite-lock";
import { isDatabaseEmpty } from "../db/queries/database-state";
import type { BlobStore } from "../evidence/blob-store";
import { BACKUP_FORMAT, type BackupManifest, run } from "./backup";
import { pgTool } from "./pg-tools";
import { readTar } from "./tar";

export class RestoreRefusedError extends Error {
  override name = "RestoreRefusedError";
}

export interface RestoreReport {
  manifest: BackupManifest;
  blobsRestored: number;
  /** Evidence rows whose bytes the configured store does not have after the restore. */
  missing: string[];
}

async function toFile(body: AsyncIterable<Uint8Array>, path: string): Promise<void> {
  await pipeline(Readable.from(body), createWriteStream(path, { flags: "wx" }));
}

export async function restore(opts: {
  config: Config;
  store: BlobStore;
  file: string;
  replace: boolean;
  env: NodeJS.ProcessEnv;
}): Promise<RestoreReport> {
  const { config, store } = opts;
  const work = mkdtempSync(join(tmpdir(), "patuh-restore-"));
  let manifest: BackupManifest | null = null;
  let blobsRestored = 0;
  let releaseLock: (() => void) | null = null;
  try {
    await store.init();
    await readTar(createReadStream(opts.file), async (entry, body) => {
      if (entry.name === "manifest.json") {
        const parts: Uint8Array[] = [];
        for await (const c of body) parts.push(c);
        const parsed = JSON.parse(Buffer.concat(parts).toString("utf8")) as BackupManifest;
        if (parsed.format !== BACKUP_FORMAT)
          throw new RestoreRefusedError(`not a Patuh backup (${String(parsed.format)})`);
        manifest = parsed;
        return;
      }
      if (manifest === null) throw new RestoreRefusedError("not a Patuh backup: no manifest.json first");
      if (entry.name === "database.pgdump") {
        if (!config.databaseUrl)
          throw new RestoreRefusedError(
            "this backup is of a PostgreSQL database: set DATABASE_URL to restore it",
          );
        const handle = await openPostgres(config.databaseUrl);
        let empty: boolean;
        try {
          empty = await isDatabaseEmpty(handle.db).catch(() => true);
        } finally {
          await handle.close();
        }
        if (!empty && !opts.replace)
          throw new RestoreRefusedError(
            "the database holds data; add --replace to overwrite it with the backup",
          );
        const path = join(work, "database.pgdump");
        await toFile(body, path);
        const clean = empty ? [] : ["--clean", "--if-exists"];
        await run(
          pgTool("pg_restore", opts.env),
          [
            ...clean,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            `--dbname=${config.databaseUrl}`,
            path,
          ],
          opts.env,
        );
        return;
      }
      if (entry.name === "database.pglite.tgz") {
        if (config.databaseUrl)
          throw new RestoreRefusedError(
            "this backup is of an embedded PGlite database: unset DATABASE_URL to restore it",
          );
        const dir = pgliteDir(config);
        releaseLock = lockDataDir(join(config.dataDir, "pglite.lock"), dir);
        if (existsSync(dir) && readdirSync(dir).length > 0) {
          if (!opts.replace)
            throw new RestoreRefusedError(
              `${dir} holds a database; add --replace to overwrite it (it is kept aside)`,
            );
          renameSync(dir, `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`);
        }
        const path = join(work, "database.pglite.tgz");
        await toFile(body, path);
        // PGlite loads a dump from a Blob: its data dir is small next to the evidence.
        const pglite = new PGlite(dir, { loadDataDir: new Blob([readFileSync(path)]) });
        await pglite.waitReady;
        await pglite.close();
        return;
      }
      const m = /^evidence\/([0-9a-f]{64})$/.exec(entry.name);
      if (m?.[1]) {
        await store.put(m[1], body, { limitBytes: Number.MAX_SAFE_INTEGER });
        blobsRestored++;
        return;
      }
      throw new RestoreRefusedError(`unexpected entry in the backup: ${entry.name}`);
    });
    const found = manifest as BackupManifest | null;
    if (found === null) throw new RestoreRefusedError("empty archive");
    const missing: string[] = [];
    for (const e of found.evidence) if (!(await store.has(e.sha256))) missing.push(e.sha256);
    return { manifest: found, blobsRestored, missing };
  } finally {
    (releaseLock as (() => void) | null)?.();
    rmSync(work, { recursive: true, force: true });
  }
}
