// The data layer under WebKit's IndexedDB quirks (simulated on fake-indexeddb by
// testing/engine-quirks.ts): a pull that empties the outbox, the home's per-assessment sync list,
// and photos stored, read back and uploaded where Blobs are refused.
import "fake-indexeddb/auto";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { listAssessmentSyncInfo } from "./assessments";
import { recordMutation } from "./edits";
import { getEvidence, listEvidenceByState, markEvidenceUploaded, storeEvidence } from "./evidence";
import { readSyncMeta } from "./meta";
import type { PullResponse } from "./protocol-types";
import { applyPull } from "./pull-apply";
import { blobsRefused, keyCursorsFail } from "./testing/engine-quirks";
import { createArgs, fakeJpeg, fixtureIds, serverState, testDatabases } from "./testing/fixtures";

const dbs = testDatabases(`quirks-${process.pid}`);
const undo: (() => void)[] = [];
afterEach(async () => {
  for (const u of undo.splice(0)) u();
  await dbs.closeAll();
});

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("WebKit on-disk storage: key-only cursors fail", () => {
  it("applies a pull that acknowledges the whole outbox (the first sync of every Safari user)", async () => {
    const db = await dbs.open();
    await recordMutation(db, "assessment.create", createArgs());
    const all = (await db.outbox.toArray()).map((r) => r.mutation);
    undo.push(keyCursorsFail());
    const pull: PullResponse = {
      cursor: "c1",
      reset: false,
      lastMutationId: 1,
      patch: [{ op: "put", type: "assessment", value: serverState(all) }],
      rejections: [],
    };
    const applied = await applyPull(db, pull, "2026-08-01T06:00:00.000Z");
    expect(applied.acknowledged).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await readSyncMeta(db)).toMatchObject({ cursor: "c1", lastMutationId: 1 });
    expect(await db.assessmentSync.get(fixtureIds.assessment)).toMatchObject({
      lastSyncedAt: "2026-08-01T06:00:00.000Z",
    });
  });

  it("lists every assessment's sync state with an empty and with a filled outbox", async () => {
    const db = await dbs.open();
    undo.push(keyCursorsFail());
    expect(await listAssessmentSyncInfo(db)).toEqual([]);
    await recordMutation(db, "assessment.create", createArgs());
    const [info] = await listAssessmentSyncInfo(db);
    expect(info).toMatchObject({ assessmentId: fixtureIds.assessment, pendingCount: 1 });
  });
});

describe("WebKit in-memory storage (Private Browsing): Blobs refused in IndexedDB", () => {
  it("stores a photo as raw bytes and gives it back as the same Blob, to the uploader too", async () => {
    const db = await dbs.open();
    undo.push(blobsRefused());
    const photo = fakeJpeg(4000, 7);
    const bytes = new Uint8Array(await photo.arrayBuffer());
    const stored = await storeEvidence(db, photo, { width: 40, height: 30 }, "2026-08-01T06:00:00.000Z");
    expect(stored).toMatchObject({ sha256: sha256(bytes), mime: "image/jpeg", bytes: 4000, created: true });

    const row = await getEvidence(db, stored.sha256);
    expect(row?.blob).toBeInstanceOf(Blob);
    expect(row?.blob.type).toBe("image/jpeg");
    expect(sha256(new Uint8Array(await (row?.blob ?? new Blob()).arrayBuffer()))).toBe(stored.sha256);

    const [pending] = await listEvidenceByState(db, "pending");
    expect(pending?.sha256).toBe(stored.sha256);
    expect(pending?.blob.size).toBe(4000);
    // Marking it uploaded rewrites the row: it must not try to put a Blob back.
    await markEvidenceUploaded(db, stored.sha256);
    expect((await getEvidence(db, stored.sha256))?.uploadState).toBe("uploaded");

    // The second photo goes straight to bytes; the same bytes again are recognised.
    const second = await storeEvidence(db, fakeJpeg(3000, 8));
    expect(second.created).toBe(true);
    expect((await storeEvidence(db, fakeJpeg(3000, 8))).created).toBe(false);
    expect(await db.evidence.count()).toBe(2);
  });
});
