// The device's sync engine against the REAL server (in process, real HTTP, real database), with
// faults injected into the device's network: lost answers, a server stopped mid-batch, an upload
// cut halfway, a long offline spell. The invariant under test everywhere: every edit is applied
// on the server exactly once and the device ends with the server's state.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { recordMutation, setAnswer } from "../../../src/client/db/edits";
import { storeEvidence } from "../../../src/client/db/evidence";
import { fakeJpeg, UNIT_SCALE_KEYS } from "../../../src/client/db/testing/fixtures";
import { APP_ORIGIN } from "./support/cookie-fetch";
import { createAssessment, syncOk, type TestDevice } from "./support/device";
import { cutUploadOnce, loseResponseOnce, offline } from "./support/faults";
import { useDeviceFleet } from "./support/fleet";

const fleet = useDeviceFleet({ printServerLog: (lines) => lines });

const device = (name: string, username = "penilai1") => fleet.device(name, { username });

/**
 * Errors the server logged, minus the request the upload test aborts on purpose: the server logs
 * a client hanging up mid-body as an internal error (reported to the server side; no response is
 * ever sent for it, and nothing of it is stored, which the test checks).
 */
function unexpectedLogs(): string[] {
  return fleet.server
    .logged()
    .filter((line) => !/^internal error on PUT \/api\/v1\/evidence\/[0-9a-f]{64}: Error: aborted/.test(line));
}

/** What a fresh device of the same user pulls for `assessmentId`: the server's state. */
async function serverState(username: string, assessmentId: string) {
  const observer = await device(`observer-${assessmentId.slice(0, 8)}-${Date.now()}`, username);
  return observer.db.serverAssessments.get(assessmentId);
}

/** n edits over the unit-level 0..3 answers, each different from the key's previous value. */
async function edit(d: TestDevice, assessmentId: string, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i++) {
    const key = UNIT_SCALE_KEYS[i % UNIT_SCALE_KEYS.length] ?? "IN.SP.01";
    await setAnswer(d.db, assessmentId, key, Math.floor(i / UNIT_SCALE_KEYS.length) % 4);
  }
}

describe("client sync against the real server", () => {
  it("applies a batch once when the answer to a committed push is lost (the retry is all duplicates)", async () => {
    const d = await device("lost-answer");
    const id = await createAssessment(d, 0);
    await edit(d, id, 20);
    d.net.intercept = loseResponseOnce((url, method) => method === "POST" && url.includes("/sync/push"));
    const lost = await d.engine.sync();
    expect(lost.ok).toBe(false);
    expect(d.engine.getStatus().state).toBe("offline");
    expect(await d.db.outbox.count()).toBe(21);

    d.net.intercept = undefined;
    const retry = await d.engine.sync();
    expect(retry.pushed).toMatchObject({ sent: 21, applied: 0, duplicate: 21, rejected: 0 });
    expect(await d.db.outbox.count()).toBe(0);
    const server = await serverState("penilai1", id);
    expect(server?.revision).toBe(21); // create = 1, then +1 per applied edit: nothing twice
    expect(await d.db.assessments.get(id)).toEqual(server);
    expect(unexpectedLogs()).toEqual([]);
  });

  it("survives the server stopping mid-batch and restarting on the same database", async () => {
    const d = await device("restart");
    const id = await createAssessment(d, 1);
    await edit(d, id, 799);
    let stopped: Promise<void> | undefined;
    d.net.intercept = async (url, init, forward) => {
      if (!stopped && url.includes("/sync/push")) {
        const pending = forward(url, init);
        // Stop while the server is working through the 500 mutations of the first batch.
        stopped = new Promise((r) => setTimeout(r, 30)).then(() => fleet.server.stop());
        return pending;
      }
      return forward(url, init);
    };
    const cut = await d.engine.sync();
    await stopped;
    expect(cut.ok).toBe(false);
    d.net.intercept = undefined;
    await fleet.server.restart();
    await syncOk(d);
    expect(await d.db.outbox.count()).toBe(0);
    const server1 = await serverState("penilai1", id);
    expect(server1?.revision).toBe(800);
    expect(await d.db.assessments.get(id)).toEqual(server1);
  }, 240_000);

  it("re-sends an evidence upload cut halfway; the server keeps no partial file and ends with identical bytes", async () => {
    const d = await device("upload");
    const id = await createAssessment(d, 2);
    const blob = fakeJpeg(256 * 1024, 11);
    const stored = await storeEvidence(d.db, blob, { width: 640, height: 480 });
    await recordMutation(d.db, "assessment.attachEvidence", {
      assessmentId: id,
      key: "IN.SP.05",
      evidence: {
        sha256: stored.sha256,
        mime: "image/jpeg",
        bytes: stored.bytes,
        takenAt: "2026-08-01T02:00:00Z",
      },
    });
    d.net.intercept = cutUploadOnce((url, method) => method === "PUT" && url.includes("/evidence/"));
    const cut = await d.engine.sync();
    expect(cut.ok).toBe(false);
    expect((await d.db.evidence.get(stored.sha256))?.uploadState).toBe("pending");
    const head = await d.http(`${APP_ORIGIN}/api/v1/evidence/${stored.sha256}`, { method: "HEAD" });
    expect(head.status).toBe(404); // the half upload was not counted
    expect(await d.db.outbox.count()).toBe(2); // the attach waits for its blob

    d.net.intercept = undefined;
    await syncOk(d);
    expect((await d.db.evidence.get(stored.sha256))?.uploadState).toBe("uploaded");
    const got = await d.http(`${APP_ORIGIN}/api/v1/evidence/${stored.sha256}`);
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
    expect((await d.db.assessments.get(id))?.evidence.map((e) => e.sha256)).toEqual([stored.sha256]);
    expect(unexpectedLogs()).toEqual([]);
  });

  it("a device offline for 1,000 edits syncs them all: applied, queue empty, states equal", async () => {
    const d = await device("offline-1000");
    const id = await createAssessment(d, 3);
    d.net.intercept = offline;
    await edit(d, id, 999);
    const down = await d.engine.sync();
    expect(down.ok).toBe(false);
    expect(d.engine.getStatus()).toMatchObject({ state: "offline", pendingCount: 1000 });
    expect(d.engine.getStatus().lastError?.words.id).toMatch(/Tidak ada koneksi/);

    d.net.intercept = undefined;
    const up = await d.engine.sync();
    expect(up.ok).toBe(true);
    expect(up.pushed).toMatchObject({ sent: 1000, applied: 1000, rejected: 0 });
    expect(await d.db.outbox.count()).toBe(0);
    expect(d.engine.getStatus()).toMatchObject({ state: "idle", pendingCount: 0 });
    const server = await serverState("penilai1", id);
    expect(server?.revision).toBe(1000);
    expect(await d.db.assessments.get(id)).toEqual(server);
    expect(unexpectedLogs()).toEqual([]);
  }, 240_000);
});
