// Photos on a poor link, with the real device code against the REAL server: a connection that
// drops at 80 % of a photo upload resumes from where the server's copy ends (only the rest is sent)
// and the stored bytes hash to the photo's SHA-256.
import "fake-indexeddb/auto";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordMutation } from "../../../src/client/db/edits";
import { storeEvidence } from "../../../src/client/db/evidence";
import { fakeJpeg } from "../../../src/client/db/testing/fixtures";
import { APP_ORIGIN } from "./support/cookie-fetch";
import { createAssessment, syncOk } from "./support/device";
import type { Interceptor } from "./support/faults";
import { useDeviceFleet } from "./support/fleet";

const fleet = useDeviceFleet();

/** Sends 80 % of the first evidence upload's body, then breaks the connection. */
function cutAt80(): { intercept: Interceptor; puts: { range: string | null; bytes: number }[] } {
  const puts: { range: string | null; bytes: number }[] = [];
  let cut = false;
  return {
    puts,
    intercept: async (input, init, forward) => {
      if (!input.includes("/evidence/") || init?.method !== "PUT" || !(init.body instanceof Blob))
        return forward(input, init);
      const bytes = new Uint8Array(await init.body.arrayBuffer());
      puts.push({ range: new Headers(init.headers).get("Content-Range"), bytes: bytes.length });
      if (cut) return forward(input, init);
      cut = true;
      const part = bytes.slice(0, Math.floor(bytes.length * 0.8));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(part);
          setTimeout(() => controller.error(new Error("connection lost at 80 %")), 300);
        },
      });
      return forward(input, { ...init, body, duplex: "half" } as RequestInit);
    },
  };
}

describe("resumable photo upload", () => {
  it("a dropped connection at 80 % resumes with the rest only, and the server's bytes hash right", {
    timeout: 120_000,
  }, async () => {
    const phone = await fleet.device("phone", { sync: false });
    await syncOk(phone);
    const id = await createAssessment(phone, 1);
    const photo = fakeJpeg(300_000, 7);
    const stored = await storeEvidence(phone.db, photo, { width: 800, height: 600 });
    await recordMutation(phone.db, "assessment.attachEvidence", {
      assessmentId: id,
      key: "IN.SP.01",
      evidence: {
        sha256: stored.sha256,
        mime: "image/jpeg",
        bytes: stored.bytes,
        takenAt: "2026-08-01T03:00:00Z",
      },
    });
    const net = cutAt80();
    phone.net.intercept = net.intercept;
    const broken = await phone.engine.sync();
    expect(broken.ok).toBe(false);
    expect((await phone.db.evidence.get(stored.sha256))?.uploadState).toBe("pending");
    await syncOk(phone);
    expect((await phone.db.evidence.get(stored.sha256))?.uploadState).toBe("uploaded");
    // First try: the whole file; the resume: only what the server did not get.
    expect(net.puts[0]).toEqual({ range: `bytes 0-${photo.size - 1}/${photo.size}`, bytes: photo.size });
    const resumed = net.puts[1];
    const start = Number(/^bytes (\d+)-/.exec(resumed?.range ?? "")?.[1]);
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThanOrEqual(Math.floor(photo.size * 0.8));
    expect(resumed?.bytes).toBe(photo.size - start);
    expect(net.puts).toHaveLength(2);
    // The server's bytes are the photo's.
    const res = await phone.http(`${APP_ORIGIN}/api/v1/evidence/${stored.sha256}`, { method: "GET" });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(stored.sha256);
    expect(fleet.server.logged()).toEqual([]);
  });
});
