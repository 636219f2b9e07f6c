import "fake-indexeddb/auto";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openPatuhDb, type PatuhDb } from "./database";
import { StorageFullError } from "./errors";
import { listEvidenceByState, markEvidenceFailed, retryEvidence, storeEvidence } from "./evidence";
import { fakeJpeg } from "./testing/fixtures";

let seq = 0;
const opened: PatuhDb[] = [];
async function freshDb(): Promise<PatuhDb> {
  const db = await openPatuhDb(`evidence-${process.pid}-${++seq}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete().catch(() => undefined);
  }
});

describe("storeEvidence", () => {
  it("stores a blob under its SHA-256, once", async () => {
    const db = await freshDb();
    const blob = fakeJpeg(5000);
    const expected = createHash("sha256")
      .update(new Uint8Array(await blob.arrayBuffer()))
      .digest("hex");
    const first = await storeEvidence(db, blob, { width: 10, height: 20 }, "2026-08-01T00:00:00.000Z");
    expect(first).toEqual({
      sha256: expected,
      mime: "image/jpeg",
      bytes: 5000,
      width: 10,
      height: 20,
      created: true,
    });
    const again = await storeEvidence(db, fakeJpeg(5000), {}, "2026-08-02T00:00:00.000Z");
    expect(again.created).toBe(false);
    const row = await db.evidence.get(expected);
    expect(row).toMatchObject({ uploadState: "pending", addedAt: "2026-08-01T00:00:00.000Z", width: 10 });
    expect(new Uint8Array(await (row?.blob ?? new Blob()).arrayBuffer())).toEqual(
      new Uint8Array(await blob.arrayBuffer()),
    );
  });

  it("surfaces a full disk as StorageFullError with nothing stored", async () => {
    const db = await freshDb();
    const spy = vi.spyOn(db.evidence, "add").mockImplementationOnce(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    await expect(storeEvidence(db, fakeJpeg(100))).rejects.toBeInstanceOf(StorageFullError);
    spy.mockRestore();
    expect(await db.evidence.count()).toBe(0);
  });

  it("keeps a refused file with the server's words until the user retries it", async () => {
    const db = await freshDb();
    const { sha256 } = await storeEvidence(db, fakeJpeg(100));
    await markEvidenceFailed(db, sha256, {
      status: 415,
      code: "unsupported_media_type",
      message: "not a JPEG",
    });
    expect(await listEvidenceByState(db, "pending")).toHaveLength(0);
    expect((await listEvidenceByState(db, "failed"))[0]?.uploadError?.status).toBe(415);
    await retryEvidence(db, sha256);
    expect(await listEvidenceByState(db, "pending")).toHaveLength(1);
  });
});
