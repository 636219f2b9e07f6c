/**
 * `patuh backup FILE`: one .tar holding
 *   manifest.json          what is inside: database kind, evidence store, every evidence row
 *                          (sha256, mime, bytes), and whether the blobs are included;
 *   database.pgdump        PostgreSQL: `pg_dump --format=custom` (restored with pg_restore), or
 *   database.pglite.tgz    PGlite: its data-dir dump (dumpDataDir);
 *   evidence/<sha256>      file store only: every blob (an S3 bucket is backed up by the bucket's
 *                          own versioning/replication; docs/deploy.md).
 * Invariant: the database is dumped FIRST and the manifest read after it, so every evidence row in
 * the dump is in the manifest and (row ⇒ bytes) its blob is in the archive.
 */
import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { Config } from "../config";
import type { DbHandle } from "../db/connection";
import type { BlobStore } from "../evidence/blob-store";
import { pgTool } from "./pg-tools";
import { TarWriter } from "./tar";

export const BACKUP_FORMAT = "patuh-backup/1";

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: "postgres" | "pglite";
  evidenceStore: "fs" | "s3";
  blobsIncluded: boolean;
  evidence: { sha256: string; mime: string; bytes: number }[];
}

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    c.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    c.once("error", (e) => reject(new Error(`${cmd}: ${e.message}`)));
    c.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${err.trim()}`)),
    );
  });
}

export async function backup(opts: {
  config: Config;
  handle: DbHandle;
  store: BlobStore;
  file: string;
  env: NodeJS.ProcessEnv;
}): Promise<BackupManifest> {
  const { config, handle, store } = opts;
  const tar = new TarWriter(opts.file);
  const work = mkdtempSync(join(tmpdir(), "patuh-backup-"));
  try {
    let dbEntry: { name: string; path: string };
    if (handle.kind === "postgres") {
      const path = join(work, "database.pgdump");
      await run(
        pgTool("pg_dump", opts.env),
        ["--format=custom", "--no-owner", `--file=${path}`, `--dbname=${config.databaseUrl}`],
        opts.env,
      );
      dbEntry = { name: "database.pgdump", path };
    } else {
      const pglite = handle.pglite;
      if (pglite === null) throw new Error("PGlite handle without its instance");
      const dump = await pglite.dumpDataDir("gzip");
      const bytes = new Uint8Array(await dump.arrayBuffer());
      const path = join(work, "database.pglite.tgz");
      writeFileSync(path, bytes);
      dbEntry = { name: "database.pglite.tgz", path };
    }
    const rows = await sql<{ sha256: string; mime: string; bytes: number }>`
      select sha256, mime, bytes from evidence order by sha256`.execute(handle.db);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: handle.kind,
      evidenceStore: config.evidence.kind,
      blobsIncluded: config.evidence.kind === "fs",
      evidence: rows.rows.map((r) => ({ sha256: r.sha256, mime: r.mime, bytes: Number(r.bytes) })),
    };
    await tar.addBytes("manifest.json", new TextEncoder().encode(JSON.stringify(manifest, null, 1)));
    await tar.add(dbEntry.name, statSync(dbEntry.path).size, createReadStream(dbEntry.path));
    if (manifest.blobsIncluded) {
      for (const e of manifest.evidence) {
        const blob = await store.stream(e.sha256);
        if (blob === null)
          throw new Error(`evidence ${e.sha256} is recorded but missing from ${store.description}`);
        await tar.add(`evidence/${e.sha256}`, blob.bytes, blob.stream);
      }
    }
    tar.close();
    return manifest;
  } catch (e) {
    rmSync(opts.file, { force: true });
    throw e;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
