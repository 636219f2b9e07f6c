// Issue #16 (3, 5, 7): knowing a photo's SHA-256 gives nothing; attached metadata must match the
// stored file; downloads are attachments under a sandbox CSP; setVisit keeps the team in the
// office and the end after the start; an assessment's products, respondents and size are bounded.
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mutation } from "../../../src/domain/sync/protocol";
import { DEFAULT_LIMITS } from "../../../src/server/config";
import { createApp } from "../../../src/server/http/app";
import { COUNT_MARGIN } from "../../../src/server/sync/push-checks";
import { AT, as, create, fakeFile, m, sha256, uuid } from "../sync/api";
import { createWorld, type World } from "../sync/world";
import { worldConfig } from "./support";

const readZipEntries = (bytes: Uint8Array) => new Map(Object.entries(unzipSync(bytes)));

let w: World;
const quiet = { error: () => undefined, info: () => undefined };
beforeAll(async () => {
  w = await createWorld();
}, 300_000);
afterAll(async () => {
  await w?.close();
});

const attach = (id: number, assessmentId: string, bytes: Uint8Array, mime = "image/jpeg" as const) =>
  m(id, "assessment.attachEvidence", {
    assessmentId,
    key: "general",
    evidence: { sha256: sha256(bytes), mime, bytes: bytes.byteLength, takenAt: AT },
  });

async function started(who: "a1" | "a3", asg: { id: string; unitId: string }, world: World = w) {
  const clientId = uuid();
  const aid = uuid();
  const r = await as(world, who).push({ clientId, mutations: [create(1, aid, asg)] });
  expect(r.status).toBe(200);
  let next = 2;
  return {
    aid,
    async push(mutation: (id: number) => Mutation) {
      const res = await as(world, who).push({ clientId, mutations: [mutation(next++)] });
      expect(res.status).toBe(200);
      return res.body.results?.[0];
    },
  };
}

describe("evidence belongs to an assessment", () => {
  it("a cross-office hash attach is refused and the bytes stay unreadable, ZIP included", async () => {
    const secret = fakeFile("jpeg", 4321);
    const sha = sha256(secret);
    const mine = await started("a1", w.asg.a1);
    expect((await as(w, "a1").putEvidence(sha, secret, "image/jpeg")).status).toBe(201);
    expect((await mine.push((id) => attach(id, mine.aid, secret)))?.status).toBe("applied");

    const theirs = await started("a3", w.asg.a3);
    const tried = await theirs.push((id) => attach(id, theirs.aid, secret));
    expect(tried).toMatchObject({ status: "rejected", error: { code: "evidence_forbidden" } });
    for (const who of ["a3", "sup2"] as const) {
      expect((await as(w, who).evidence("GET", sha)).status).toBe(404);
      expect((await as(w, who).evidence("HEAD", sha)).status).toBe(404);
    }
    const zip = await as(w, "sup2").raw(`/exports/evidence.zip?assessmentId=${theirs.aid}`);
    expect(zip.status).toBe(200);
    const entries = readZipEntries(new Uint8Array(await zip.arrayBuffer()));
    expect([...entries.keys()]).toEqual(["manifest.json"]);
    // The owner's side still reads it, ZIP included.
    expect((await as(w, "sup").evidence("GET", sha)).status).toBe(200);
    const own = await as(w, "sup").raw(`/exports/evidence.zip?assessmentId=${mine.aid}`);
    expect(readZipEntries(new Uint8Array(await own.arrayBuffer())).size).toBe(2);
  });

  it("a reference planted before the owner uploads never opens the bytes to the planter", async () => {
    const photo = fakeFile("jpeg", 5555);
    const sha = sha256(photo);
    const theirs = await started("a3", w.asg.a3);
    // Not stored yet: the attach is accepted (devices push edits before photos on a poor link)…
    expect((await theirs.push((id) => attach(id, theirs.aid, photo)))?.status).toBe("applied");
    // …then the real owner uploads it.
    expect((await as(w, "a1").putEvidence(sha, photo, "image/jpeg")).status).toBe(201);
    expect((await as(w, "a3").evidence("GET", sha)).status).toBe(404);
    expect((await as(w, "sup2").evidence("GET", sha)).status).toBe(404);
    // Uploading the bytes themselves is the proof of holding them.
    expect((await as(w, "a3").putEvidence(sha, photo, "image/jpeg")).status).toBe(200);
    expect((await as(w, "a3").evidence("GET", sha)).status).toBe(200);
  });

  it("attached type and size must be the stored file's", async () => {
    const photo = fakeFile("jpeg", 777);
    await as(w, "a1").putEvidence(sha256(photo), photo, "image/jpeg");
    const mine = await started("a1", w.asg.a1);
    const lying = m(0, "assessment.attachEvidence", {
      assessmentId: mine.aid,
      key: "general",
      evidence: { sha256: sha256(photo), mime: "image/png", bytes: 778, takenAt: AT },
    });
    const r = await mine.push((id) => ({ ...lying, id }) as Mutation);
    expect(r).toMatchObject({ status: "rejected", error: { code: "evidence_mismatch" } });
  });

  it("downloads are attachments under a sandboxing CSP", async () => {
    const pdf = fakeFile("pdf", 900);
    await as(w, "a1").putEvidence(sha256(pdf), pdf, "application/pdf");
    const got = await as(w, "a1").evidence("GET", sha256(pdf));
    expect(got.status).toBe(200);
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="[0-9a-f]{16}\.pdf"$/);
    expect(got.headers.get("content-security-policy")).toContain("sandbox");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("setVisit", () => {
  const visit = (id: number, aid: string, v: { startedAt?: string; endedAt?: string; team: string[] }) =>
    m(id, "assessment.setVisit", {
      assessmentId: aid,
      visit: { date: "2026-08-01", startedAt: v.startedAt ?? null, endedAt: v.endedAt ?? null, team: v.team },
    });

  it("refuses a team member of another office and an end before the start", async () => {
    const a = await started("a1", w.asg.a1);
    const me = w.people.a1.id;
    expect(await a.push((id) => visit(id, a.aid, { team: [me, w.people.a3.id] }))).toMatchObject({
      status: "rejected",
      error: { code: "invalid_team" },
    });
    expect(
      await a.push((id) =>
        visit(id, a.aid, { startedAt: "2026-08-01T10:00:00Z", endedAt: "2026-08-01T09:00:00Z", team: [me] }),
      ),
    ).toMatchObject({ status: "rejected", error: { code: "invalid_visit" } });
    expect(
      (
        await a.push((id) =>
          visit(id, a.aid, {
            startedAt: "2026-08-01T09:00:00Z",
            endedAt: "2026-08-01T10:00:00Z",
            team: [me],
          }),
        )
      )?.status,
    ).toBe("applied");
  });
});

describe("an assessment is bounded by its instrument", () => {
  it("respondents beyond the quota plus the margin are rejected with the reason", async () => {
    const a = await started("a1", w.asg.a1);
    const statuses: string[] = [];
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5 + COUNT_MARGIN + 2; i++) {
      const r = await a.push((id) =>
        m(id, "assessment.putRespondent", {
          assessmentId: a.aid,
          respondent: { id: uuid(), kind: "user", profile: {} },
        }),
      );
      statuses.push(r?.status ?? "");
      codes.push(r?.error?.code);
    }
    const applied = statuses.filter((s) => s === "applied").length;
    expect(applied).toBeLessThanOrEqual(5 + COUNT_MARGIN);
    expect(applied).toBeGreaterThanOrEqual(5);
    expect(codes.at(-1)).toBe("too_many_respondents");
  });

  it("products beyond the minimum plus the margin are rejected", async () => {
    const a = await started("a1", w.asg.a1);
    let last: string | undefined;
    for (let i = 0; i < 2 + COUNT_MARGIN + 2; i++) {
      const r = await a.push((id) =>
        m(id, "assessment.putProduct", {
          assessmentId: a.aid,
          product: { id: uuid(), name: `Layanan ${i}` },
        }),
      );
      last = r?.error?.code;
    }
    expect(last).toBe("too_many_products");
  });

  it("a state past the size cap is refused with the reason", async () => {
    const limits = { ...DEFAULT_LIMITS, assessmentBytes: 64 * 1024 };
    const small = { ...w, app: createApp({ db: w.db, config: worldConfig(w, { limits }), log: quiet }) };
    const a = await started("a1", w.asg.a1, small);
    let refused: string | undefined;
    let applied = 0;
    for (let n = 0; refused === undefined && n < 80; n++) {
      const r = await a.push((id) =>
        m(id, "assessment.attachEvidence", {
          assessmentId: a.aid,
          key: "general",
          evidence: {
            sha256: sha256(new TextEncoder().encode(`photo ${n}`)),
            mime: "image/jpeg",
            bytes: 1000,
            takenAt: AT,
            caption: "c".repeat(1000),
          },
        }),
      );
      if (r?.status === "applied") applied++;
      else refused = r?.error?.code;
    }
    expect(refused).toBe("assessment_too_large");
    expect(applied).toBeGreaterThan(40);
  });
});
