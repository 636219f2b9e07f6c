// Submit end to end: a complete checklist whose photo is not uploaded yet is rejected (incomplete,
// evidence_not_uploaded); after the upload the same submit is accepted and the checklist is locked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, create, fakeFile, m, setAnswer, sha256, uuid } from "./api";
import { completeChecklist } from "./complete";
import { createWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

describe("submit", () => {
  it("needs every answer and every uploaded photo; then locks the checklist", async () => {
    const a1 = as(w, "a1");
    const clientId = uuid();
    const aid = uuid();
    const photo = fakeFile("jpeg", 2048);
    const sha = sha256(photo);
    const body = [
      create(1, aid, w.asg.a1),
      ...completeChecklist(aid, 2, { sha256: sha, bytes: photo.byteLength }),
    ];
    const filled = await a1.push({ clientId, mutations: body });
    expect(filled.status).toBe(200);
    expect(filled.body.results?.filter((r) => r.status !== "applied")).toEqual([]);
    let next = body.length + 1;
    const early = await a1.push({
      clientId,
      mutations: [m(next++, "assessment.submit", { assessmentId: aid })],
    });
    expect(early.body.results?.[0]?.error?.code).toBe("incomplete");
    const details = early.body.results?.[0]?.error?.details as { problems: { code: string }[] } | undefined;
    expect(new Set(details?.problems.map((p) => p.code))).toEqual(new Set(["evidence_not_uploaded"]));
    expect((await a1.putEvidence(sha, photo, "image/jpeg")).status).toBe(201);
    const ok = await a1.push({
      clientId,
      mutations: [m(next++, "assessment.submit", { assessmentId: aid })],
    });
    expect(ok.body.results?.[0]?.status).toBe("applied");
    const locked = await a1.push({ clientId, mutations: [setAnswer(next++, aid, "IN.SP.01", 0, 3)] });
    expect(locked.body.results?.[0]?.error?.code).toBe("not_editable");
    const pulled = await a1.pull(clientId);
    const put = pulled.body.patch?.find(
      (p) => p.op === "put" && p.type === "assessment" && p.value.id === aid,
    );
    expect(put?.op === "put" && put.type === "assessment" ? put.value.status : null).toBe("submitted");
  });
});
