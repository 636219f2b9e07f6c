// `patuh evidence migrate --to s3` as an operator runs it, as a real process against s3rver: a file
// store with 80 photos, one of them corrupted on disk. The first run is killed midway (SIGKILL, a
// crash); the re-run skips what the bucket already holds, copies the rest, reports the corrupted
// blob instead of copying it and exits 1; every good blob is then in the bucket byte for byte.
// Then back (`--to fs` from the bucket) and the refusals an operator can meet.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FsBlobStore } from "../../../src/server/evidence/fs-blob-store";
import { migrateEvidence } from "../../../src/server/evidence/migrate";
import { S3BlobStore } from "../../../src/server/evidence/s3-blob-store";
import { type LocalS3, S3_TEST_CREDENTIALS, startLocalS3 } from "./support/s3rver";

const root = join(import.meta.dirname, "..", "..", "..");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
async function* once(bytes: Uint8Array) {
  yield bytes;
}
async function readAll(s: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const COUNT = 80;
const SIZE = 512 * 1024;
let s3: LocalS3;
let dataDir: string;
let spool: string;
let bucket: S3BlobStore;
const photos = new Map<string, Buffer>();
let corrupt = "";

function cli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<Run> } {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.EVIDENCE_STORE;
  const child = spawn(process.execPath, [join(root, "bin", "patuh.js"), "evidence", "migrate", ...args], {
    cwd: root,
    env: { ...clean, ...env, PATUH_FROM_SOURCE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const done = new Promise<Run>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

const fsEnv = () => ({ ...s3.env(), EVIDENCE_STORE: "fs", DATA_DIR: dataDir });

async function bucketCount(): Promise<number> {
  let n = 0;
  for await (const _ of bucket.list()) n++;
  return n;
}

beforeAll(async () => {
  s3 = await startLocalS3();
  dataDir = mkdtempSync(join(tmpdir(), "patuh-migrate-"));
  spool = mkdtempSync(join(tmpdir(), "patuh-migrate-spool-"));
  bucket = new S3BlobStore({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: "us-east-1",
    forcePathStyle: true,
    spoolDir: spool,
    credentials: S3_TEST_CREDENTIALS,
  });
  const files = new FsBlobStore(join(dataDir, "evidence"));
  await files.init();
  for (let i = 0; i < COUNT; i++) {
    const bytes = randomBytes(SIZE);
    const h = sha(bytes);
    await files.put(h, once(bytes), { limitBytes: 1 << 24 });
    photos.set(h, bytes);
  }
  // Bit rot on disk: the file under one hash no longer holds that hash's bytes.
  corrupt = [...photos.keys()].sort()[COUNT / 2] as string;
  const path = join(dataDir, "evidence", corrupt.slice(0, 2), corrupt);
  const rotten = readFileSync(path);
  rotten[1000] = (rotten[1000] ?? 0) ^ 0xff;
  writeFileSync(path, rotten);
}, 120_000);

afterAll(async () => {
  bucket?.destroy();
  await s3?.close();
  for (const d of [dataDir, spool]) if (d) rmSync(d, { recursive: true, force: true });
});

describe("patuh evidence migrate", () => {
  it("survives a kill midway, resumes, verifies every copy and reports the corrupted blob", async () => {
    const first = cli(["--to", "s3", "--concurrency", "1"], fsEnv());
    let atKill = 0;
    for (;;) {
      atKill = await bucketCount();
      if (atKill >= 5 || first.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.signal).toBe("SIGKILL");
    const afterKill = await bucketCount();
    expect(afterKill).toBeGreaterThanOrEqual(5);
    expect(afterKill).toBeLessThan(COUNT - 1); // really midway

    const second = await cli(["--to", "s3"], fsEnv()).done;
    expect(second.code, second.err).toBe(1);
    expect(second.err).toContain(`NOT migrated ${corrupt}: corrupt_source`);
    expect(second.err).toMatch(/evidence migrate: \d+\/80 blobs/); // the progress line
    const summary =
      /(\d+) blobs in the source, (\d+) copied and verified .* (\d+) already there, (\d+) failed/.exec(
        second.out,
      );
    expect(summary, second.out).not.toBeNull();
    const [, total, copied, already, failed] = (summary ?? []).map(Number);
    expect(total).toBe(COUNT);
    expect(already).toBe(afterKill);
    expect(copied).toBe(COUNT - 1 - afterKill);
    expect(failed).toBe(1);

    // Every good blob is in the bucket, byte-identical; the corrupted one is not.
    expect(await bucketCount()).toBe(COUNT - 1);
    for (const [h, bytes] of photos) {
      const found = await bucket.stream(h);
      if (h === corrupt) {
        expect(found).toBeNull();
        continue;
      }
      expect(found?.bytes).toBe(SIZE);
      expect((await readAll(found?.stream ?? once(new Uint8Array()))).equals(bytes)).toBe(true);
    }

    // A third run has nothing left to copy and still refuses to call the store complete.
    const third = await cli(["--to", "s3"], fsEnv()).done;
    expect(third.code).toBe(1);
    expect(third.out).toContain(
      `80 blobs in the source, 0 copied and verified (0.0 MB), 79 already there, 1 failed`,
    );
  }, 180_000);

  it("migrates back from the bucket to a fresh file store (--to fs) with exit 0", async () => {
    const back = mkdtempSync(join(tmpdir(), "patuh-migrate-back-"));
    try {
      const run = await cli(["--to", "fs", "--verify"], { ...s3.env(), DATA_DIR: back }).done;
      expect(run.code, run.err).toBe(0);
      expect(run.out).toContain("79 copied and verified");
      expect(run.out).toContain("complete");
      const files = new FsBlobStore(join(back, "evidence"));
      for (const [h, bytes] of photos) {
        const got = await files.get(h);
        if (h === corrupt) expect(got).toBeNull();
        else expect(Buffer.from(got ?? []).equals(bytes)).toBe(true);
      }
    } finally {
      rmSync(back, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses a target that is the configured store, and a missing --to (exit 2)", async () => {
    const same = await cli(["--to", "s3"], s3.env()).done;
    expect(same.code).toBe(2);
    expect(same.err).toContain("EVIDENCE_STORE is already s3");
    const none = await cli([], fsEnv()).done;
    expect(none.code).toBe(2);
    expect(none.err).toContain("usage: patuh evidence migrate");
  }, 60_000);

  it("names a hash the database records but neither store holds", async () => {
    const ghost = "0".repeat(64);
    const report = await migrateEvidence({
      source: new FsBlobStore(join(dataDir, "evidence")),
      target: bucket,
      limitBytes: 1 << 24,
      recorded: [...photos.keys(), ghost],
    });
    expect(report.missing).toEqual([ghost]);
    expect(report.alreadyThere).toBe(COUNT - 1);
    expect(report.failures.map((f) => f.sha256)).toEqual([corrupt]);
  }, 60_000);
});
