// Issue #16 item 7: an attached photo's time is checked against the stored file. The server reads
// the file's own EXIF capture time when it is stored, and GET /assessments/{id} says, per attached
// photo, how far that is from the time the device claims; beyond a day it is marked for the
// reviewer. The work itself is never refused for it (a camera's clock can be wrong).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCaptureTime } from "../../../src/domain/evidence/exif-time";
import type { EvidenceCheck } from "../../../src/server/evidence/capture-time";
import { as, create, fakeFile, m, sha256, uuid } from "../sync/api";
import { createWorld, type World } from "../sync/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 300_000);
afterAll(async () => {
  await w?.close();
});

const ATTACHED = "2026-08-05T03:00:00.000Z"; // 10:00 WIB

/** A JPEG whose EXIF says it was taken at `local` (camera time) with `offset`. */
const photoTakenAt = (local: string, offset: string | null, seed: number) =>
  withCaptureTime(fakeFile("jpeg", 900 + seed), { local, offset }) as Uint8Array<ArrayBuffer>;

describe("a photo's own time against the time it was attached", () => {
  it("records the file's capture time and marks a photo from another day, without refusing it", async () => {
    const sameVisit = photoTakenAt("2026-08-05T09:41:00", "+07:00", 1); // 19 minutes before
    const oldGallery = photoTakenAt("2026-07-29T08:00:00", null, 2); // a week earlier, read as WIB
    const noTime = fakeFile("jpeg", 999);
    const clientId = uuid();
    const aid = uuid();
    const a1 = as(w, "a1");
    let id = 1;
    expect((await a1.push({ clientId, mutations: [create(id++, aid, w.asg.a1)] })).status).toBe(200);
    for (const bytes of [sameVisit, oldGallery, noTime]) {
      expect((await a1.putEvidence(sha256(bytes), bytes, "image/jpeg")).status).toBe(201);
      const attach = m(id++, "assessment.attachEvidence", {
        assessmentId: aid,
        key: "general",
        evidence: { sha256: sha256(bytes), mime: "image/jpeg", bytes: bytes.byteLength, takenAt: ATTACHED },
      });
      const pushed = await a1.push({ clientId, mutations: [attach] });
      expect(pushed.body.results?.[0]?.status, JSON.stringify(pushed.body)).toBe("applied");
    }

    const res = await as(w, "sup").raw(`/assessments/${aid}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { evidenceChecks: EvidenceCheck[] };
    const bySha = new Map(body.evidenceChecks.map((c) => [c.sha256, c]));
    expect(bySha.get(sha256(sameVisit))).toMatchObject({
      capturedAt: "2026-08-05T02:41:00.000Z",
      gapHours: 0.3,
      mismatch: false,
    });
    expect(bySha.get(sha256(oldGallery))).toMatchObject({
      capturedAt: "2026-07-29T01:00:00.000Z",
      gapHours: 170,
      mismatch: true,
    });
    expect(bySha.get(sha256(noTime))).toMatchObject({ capturedAt: null, gapHours: null, mismatch: false });
  });
});
