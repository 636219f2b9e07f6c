// The rapor fit to send and the schemes without zones (issues #20 and #18) over real HTTP, on
// PGlite and PostgreSQL: the office letterhead an admin sets (text, a PNG/JPEG logo checked by its
// signature and size, served only within the office), the print date, the approval block read from
// the approval record, what was observed for a failed item (answer in words, note, photos), units
// not yet assessed; and results and the people's exports without a zone column under opini-2025,
// with the zone column kept under opini-2022.
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInstrument } from "../../../src/domain/instrument/parse-instrument";
import type { AssessmentState } from "../../../src/domain/sync/protocol";
import { type AnyBody, as, create, fakeFile, m, setAnswer, sha256, uuid } from "../sync/api";
import { completeChecklist } from "../sync/complete";
import { createWorld, instrumentJson, type World } from "../sync/world";

let w: World;
const a1 = uuid();
const a1Client = uuid();
const photo = fakeFile("jpeg", 3000);
const photoSha = sha256(photo);
const NOTE = "Papan informasi tidak dipasang di ruang tunggu";

type Who = keyof World["people"];
async function call(who: Who, method: string, path: string, body?: BodyInit, type?: string) {
  const res = await as(w, who).raw(path, {
    method,
    ...(body === undefined ? {} : { body, headers: { "content-type": type ?? "application/json" } }),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  let json: AnyBody = {};
  try {
    json = JSON.parse(new TextDecoder().decode(bytes)) as AnyBody;
  } catch {
    // binary
  }
  return { status: res.status, headers: res.headers, body: json, bytes };
}
const get = (who: Who, path: string) => call(who, "GET", path);

/** A PNG header with the given size: signature, IHDR length, "IHDR", width, height, then filler. */
function png(width: number, height: number, size = 400): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return out;
}

async function stateOf(id: string): Promise<AssessmentState> {
  const r = await sql<{ state: AssessmentState }>`select state from assessments where id = ${id}`.execute(
    w.db,
  );
  const s = r.rows[0]?.state;
  if (s === undefined) throw new Error(`no assessment ${id}`);
  return s;
}

let failedKey = "";
let failedIndicator = "";
let lowLabel = "";

beforeAll(async () => {
  w = await createWorld();
  expect((await as(w, "a1").putEvidence(photoSha, photo, "image/jpeg")).status).toBe(201);
  const full = [
    create(1, a1, w.asg.a1),
    ...completeChecklist(a1, 2, { sha256: photoSha, bytes: photo.length }),
  ];
  let next = full.length + 1;
  expect(
    (await as(w, "a1").push({ clientId: a1Client, mutations: full })).body.results?.every(
      (r) => r.status === "applied",
    ),
  ).toBe(true);
  // Lower the answer that carries a photo, with a note: a failed item with photos and a note.
  const state = await stateOf(a1);
  const evidence = state.evidence[0];
  if (evidence === undefined) throw new Error("the complete checklist has no photo");
  failedKey = evidence.key;
  failedIndicator = failedKey.split(/[@#]/)[0] ?? "";
  const parsed = parseInstrument(instrumentJson);
  if (!parsed.ok) throw new Error("instrument");
  const indicator = parsed.instrument.dimensions
    .flatMap((d) => d.variables.flatMap((v) => v.indicators))
    .find((i) => i.id === failedIndicator);
  const scale = indicator ? parsed.instrument.scales[indicator.answer] : undefined;
  if (scale?.kind !== "options") throw new Error(`${failedIndicator} is not an options item`);
  const low = [...scale.options]
    .filter((o) => o.value !== null)
    .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
  if (low === undefined) throw new Error("no option");
  lowLabel = low.label.id;
  const push = await as(w, "a1").push({
    clientId: a1Client,
    mutations: [
      setAnswer(next++, a1, failedKey, low.code ?? low.value, state.answers[failedKey] ?? null),
      m(next++, "assessment.setNote", { assessmentId: a1, key: failedKey, text: NOTE, previous: null }),
      m(next++, "assessment.submit", { assessmentId: a1 }),
    ],
  });
  expect(push.body.results?.filter((r) => r.status !== "applied")).toEqual([]);
  const revision = (await stateOf(a1)).revision;
  const approve = await call(
    "sup",
    "POST",
    `/assessments/${a1}/review`,
    JSON.stringify({ decision: "approve", revision }),
  );
  expect(approve.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await w?.close();
});

describe("letterhead", () => {
  it("defaults to the Ombudsman heading and the office name", async () => {
    const r = await get("admin", "/offices/kalbar/letterhead");
    expect(r.status).toBe(200);
    expect(r.body.letterhead).toMatchObject({
      lines: ["OMBUDSMAN REPUBLIK INDONESIA", "Kalbar"],
      isDefault: true,
      logoUrl: null,
    });
  });

  it("lets only an admin set the text, and refuses bad text with nothing written", async () => {
    const body = {
      lines: ["OMBUDSMAN REPUBLIK INDONESIA", "Perwakilan Kalimantan Barat"],
      address: "Jl. Sutan Syahrir No. 1, Pontianak",
    };
    expect((await call("sup", "PUT", "/offices/kalbar/letterhead", JSON.stringify(body))).status).toBe(403);
    const tooMany = { lines: ["1", "2", "3", "4", "5"], address: "" };
    expect((await call("admin", "PUT", "/offices/kalbar/letterhead", JSON.stringify(tooMany))).status).toBe(
      400,
    );
    expect((await call("admin", "PUT", "/offices/nowhere/letterhead", JSON.stringify(body))).status).toBe(
      404,
    );
    expect((await get("admin", "/offices/kalbar/letterhead")).body.letterhead).toMatchObject({
      isDefault: true,
    });
    const ok = await call("admin", "PUT", "/offices/kalbar/letterhead", JSON.stringify(body));
    expect(ok.status).toBe(200);
    expect(ok.body.letterhead).toMatchObject({ ...body, isDefault: false });
  });

  it("takes a PNG or JPEG logo by its signature and size, and serves it within the office only", async () => {
    const put = (who: Who, bytes: Uint8Array<ArrayBuffer>, type: string) =>
      call(who, "PUT", "/offices/kalbar/letterhead/logo", bytes, type);
    expect((await put("sup", png(120, 120), "image/png")).status).toBe(403);
    expect((await put("admin", png(120, 120), "image/svg+xml")).status).toBe(415);
    // A JPEG declared as PNG, a PNG of 3000 px, a file over 256 KiB: refused, nothing stored.
    const mismatch = await put("admin", photo, "image/png");
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error?.code).toBe("invalid_image");
    expect((await put("admin", png(3000, 100), "image/png")).body.error?.details).toMatchObject({
      reason: "dimensions",
    });
    expect((await put("admin", png(100, 100, 300 * 1024), "image/png")).status).toBe(413);
    expect((await get("admin", "/offices/kalbar/letterhead")).body.letterhead).toMatchObject({
      logoUrl: null,
    });

    const logo = png(120, 80);
    const ok = await put("admin", logo, "image/png");
    expect(ok.status).toBe(200);
    const url = (ok.body.letterhead as { logoUrl: string }).logoUrl;
    expect(url).toMatch(/^\/api\/v1\/offices\/kalbar\/letterhead\/logo\?v=\d+$/);
    const served = await get("sup", url.replace("/api/v1", ""));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect([...served.bytes]).toEqual([...logo]);
    expect((await get("sup2", "/offices/kalbar/letterhead/logo")).status).toBe(404);
  });
});

describe("rapor fit to send", () => {
  it("carries the letterhead, the print date, the approval block and what was observed", async () => {
    const pemdaId = (await stateOf(a1)).pemdaId;
    const r = await get("sup", `/results/rapor?periodId=${w.periodId}&pemdaId=${pemdaId}`);
    expect(r.status).toBe(200);
    const rapor = r.body as AnyBody & {
      letterhead: { lines: string[]; address: string; logoUrl: string | null };
      printedAt: string;
      approvals: { unitId: string; approverName: string; approverRole: string; approvedAt: string }[];
      units: {
        unitId: string;
        assessmentId: string | null;
        shortfalls: {
          indicatorId: string;
          observations: {
            key: string;
            answers: { text: { id: string } }[];
            notes: string[];
            photoCount: number;
            photos: { sha256: string }[];
          }[];
        }[];
      }[];
      scheme: { hasZones: boolean };
    };
    expect(rapor.letterhead.lines).toEqual(["OMBUDSMAN REPUBLIK INDONESIA", "Perwakilan Kalimantan Barat"]);
    expect(rapor.letterhead.logoUrl).toMatch(/letterhead\/logo/);
    // The print date is the server's clock at the request (the world runs on the system clock).
    expect(Math.abs(Date.parse(rapor.printedAt) - Date.now())).toBeLessThan(60_000);
    expect(rapor.scheme.hasZones).toBe(true);
    // The approval block names the approver from the approval record.
    expect(rapor.approvals).toEqual([
      expect.objectContaining({ unitId: w.asg.a1.unitId, approverName: "sup", approverRole: "supervisor" }),
    ]);
    // The failed item: the answer in words, the note and the photo.
    const unit = rapor.units.find((u) => u.assessmentId === a1);
    const failed = unit?.shortfalls.find((s) => s.indicatorId === failedIndicator);
    const base = failedKey.split("#")[0] ?? failedKey;
    const observation = failed?.observations.find((o) => o.key === base);
    expect(observation?.answers.map((a) => a.text.id)).toContain(lowLabel);
    expect(observation?.notes).toEqual([NOTE]);
    expect(observation?.photoCount).toBeGreaterThanOrEqual(1);
    expect(observation?.photos.map((p) => p.sha256)).toContain(photoSha);
    // a2's unit is sampled but not started: listed, with no assessment and no approval.
    const pending = rapor.units.filter((u) => u.assessmentId === null);
    expect(pending.map((u) => u.unitId)).toEqual([w.asg.a2.unitId]);
  });

  it("does not approve a unit that is no longer approved (undo)", async () => {
    const pemdaId = (await stateOf(a1)).pemdaId;
    const revision = (await stateOf(a1)).revision;
    const undo = await call(
      "sup",
      "POST",
      `/assessments/${a1}/review`,
      JSON.stringify({ decision: "undo_approval", revision }),
    );
    expect(undo.status).toBe(200);
    const r = await get("sup", `/results/rapor?periodId=${w.periodId}&pemdaId=${pemdaId}`);
    expect(r.body.approvals).toEqual([]);
    const again = await call(
      "sup",
      "POST",
      `/assessments/${a1}/review`,
      JSON.stringify({ decision: "approve", revision: (await stateOf(a1)).revision }),
    );
    expect(again.status).toBe(200);
  });
});

describe("a scheme without zones (opini-2025)", () => {
  const csvHeader = async (table: string) => {
    const res = await get("sup", `/exports/report.csv?periodId=${w.periodId}&table=${table}`);
    expect(res.status).toBe(200);
    const rows = parse(Buffer.from(res.bytes), { delimiter: ";", bom: true }) as string[][];
    return rows;
  };

  it("keeps the zone column under a zoned scheme", async () => {
    const results = await get("sup", `/results?periodId=${w.periodId}`);
    expect(results.body.scheme).toMatchObject({ id: "opini-2022", hasZones: true, hasQualifier: false });
    const [head] = await csvHeader("pemda");
    expect(head).toContain("Zona");
    expect(head).not.toContain("Kualifikasi");
  });

  it("drops the zone and shows the predicate with its qualifier in results, rapor and exports", async () => {
    // The built-in scheme's row (its definition is the code's; the row satisfies the foreign key).
    await sql`insert into banding_schemes (id, definition) values ('opini-2025', '{}'::jsonb)
              on conflict do nothing`.execute(w.db);
    await sql`update periods set scheme_id = 'opini-2025' where id = ${w.periodId}`.execute(w.db);
    try {
      const results = await get("sup", `/results?periodId=${w.periodId}`);
      expect(results.body.scheme).toMatchObject({ id: "opini-2025", hasZones: false, hasQualifier: true });
      const pemda = (results.body.pemda as { band: { zone: string | null; predicate?: string } | null }[])[0];
      expect(pemda?.band?.zone).toBeNull();
      expect(pemda?.band?.predicate).toEqual(expect.any(String));
      const pemdaId = (await stateOf(a1)).pemdaId;
      const rapor = await get("sup", `/results/rapor?periodId=${w.periodId}&pemdaId=${pemdaId}`);
      expect(rapor.body.scheme).toMatchObject({ hasZones: false });
      const [head, row] = await csvHeader("pemda");
      expect(head).not.toContain("Zona");
      expect(head).toContain("Kualifikasi");
      const predicate = row?.[head?.indexOf("Predikat") ?? -1];
      expect(predicate).toBe(pemda?.band?.predicate);
      // Follow-ups are not recorded: the qualifier is undecided, and said so.
      expect(row?.[head?.indexOf("Kualifikasi") ?? -1]).toBe("Belum diputuskan");
      const [unitHead] = await csvHeader("units");
      expect(unitHead).toContain("Predikat unit");
    } finally {
      await sql`update periods set scheme_id = 'opini-2022' where id = ${w.periodId}`.execute(w.db);
    }
  });
});
