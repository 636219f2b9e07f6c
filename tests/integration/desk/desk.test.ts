// The supervisor's desk on the server (issue #20), through the real app on both databases: a
// duplicate period refused, the review queue across every open period, thumbnails made once and
// cached, an approval undone while the period is open, "changed since return" with old → new per
// item and the new photo marked, and the people's exports read back with a real reader (exceljs,
// csv-parse).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import jpeg from "jpeg-js";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnyBody, as, create, fakeFile, m, sha256, uuid } from "../sync/api";
import { completeChecklist } from "../sync/complete";
import { createWorld, instrumentJson, type World } from "../sync/world";

const PHOTOS = join(import.meta.dirname, "../../fixtures/photos");
const photo = new Uint8Array(readFileSync(join(PHOTOS, "papan-informasi.jpg")));
const photoSha = sha256(photo);
const photo2 = new Uint8Array(readFileSync(join(PHOTOS, "maklumat.jpg")));
const photo2Sha = sha256(photo2);
const ITEM = "IN.SP.05"; // unit level, photo_required

let w: World;
const a1 = uuid();
const a1Client = uuid();
let next = 1;

type Who = keyof World["people"];
async function call(who: Who, method: string, path: string, json?: unknown) {
  const res = await as(w, who).raw(path, {
    method,
    ...(json === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(json) }),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  let body: AnyBody = {};
  try {
    body = JSON.parse(new TextDecoder().decode(bytes)) as AnyBody;
  } catch {
    // binary
  }
  return { status: res.status, headers: res.headers, body, bytes };
}
const get = (who: Who, path: string) => call(who, "GET", path);

async function pushA1(mutations: ReturnType<typeof m>[]) {
  const r = await as(w, "a1").push({ clientId: a1Client, mutations });
  expect(r.body.results?.filter((x) => x.status !== "applied")).toEqual([]);
  next += mutations.length;
}
const mut = <N extends Parameters<typeof m>[1]>(name: N, args: Parameters<typeof m<N>>[2]) =>
  m(next, name, args);

async function revisionOf(id: string): Promise<number> {
  const r = await sql<{ revision: number }>`select revision from assessments where id = ${id}`.execute(w.db);
  return r.rows[0]?.revision ?? -1;
}

beforeAll(async () => {
  w = await createWorld();
  expect((await as(w, "a1").putEvidence(photoSha, photo, "image/jpeg")).status).toBe(201);
  expect((await as(w, "a1").putEvidence(photo2Sha, photo2, "image/jpeg")).status).toBe(201);
  await pushA1([
    create(1, a1, w.asg.a1),
    ...completeChecklist(a1, 2, { sha256: photoSha, bytes: photo.length }),
  ]);
  await pushA1([mut("assessment.submit", { assessmentId: a1 })]);
}, 120_000);

afterAll(async () => {
  await w?.close();
});

const newPeriod = (name: string, year = 2027) => ({
  officeId: "kalbar",
  year,
  name,
  instrumentId: instrumentJson.id,
  instrumentVersion: instrumentJson.version,
  schemeId: "opini-2022",
});

describe("periods", () => {
  it("refuses a second period with the same office, year and name (409 period_exists), changing nothing", async () => {
    const first = await call("admin", "POST", "/periods", newPeriod("Putaran 2027"));
    expect(first.status).toBe(201);
    const count = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from periods`.execute(w.db)).rows[0]?.n);
    const before = await count();
    const again = await call("admin", "POST", "/periods", newPeriod("  putaran 2027 "));
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("period_exists");
    expect(await count()).toBe(before);
    // Another year or another office is another round.
    expect((await call("admin", "POST", "/periods", newPeriod("Putaran 2027", 2028))).status).toBe(201);
    expect(
      (await call("admin", "POST", "/periods", { ...newPeriod("Putaran 2027"), officeId: "other" })).status,
    ).toBe(201);
    // Renaming into an existing name is refused the same way; the name stays.
    const created = (first.body.period as { id: string }).id;
    const rename = await call("admin", "PATCH", `/periods/${w.periodId}`, { name: "p LAMA" });
    expect(rename.status).toBe(409);
    expect(rename.body.error?.code).toBe("period_exists");
    const stays = await sql<{ name: string }>`select name from periods where id = ${w.periodId}`.execute(
      w.db,
    );
    expect(stays.rows[0]?.name).toBe("P");
    expect(
      (await call("admin", "PATCH", `/periods/${created}`, { name: "Putaran 2027 (ulang)" })).status,
    ).toBe(200);
  });
});

describe("review queue", () => {
  it("lists the submitted checklists of every open period the user manages, not only the newest period's", async () => {
    // The newest periods (created above) have nothing waiting; 2026's checklist still waits.
    const periods = (await get("sup", "/periods")).body.periods as { id: string; year: number }[];
    expect(periods[0]?.year).toBeGreaterThan(2026);
    const queue = await get("sup", "/review-queue");
    expect(queue.status).toBe(200);
    expect(queue.headers.get("cache-control")).toBe("no-store");
    const items = queue.body.items as {
      assessmentId: string;
      period: { id: string; year: number };
      unit: { name: string };
      team: { name: string }[];
      resubmitted: boolean;
    }[];
    expect(items.map((i) => i.assessmentId)).toEqual([a1]);
    expect(items[0]).toMatchObject({ period: { id: w.periodId, year: 2026 }, resubmitted: false });
    expect(items[0]?.team.map((t) => t.name)).toEqual(["a1"]);
    expect((await get("admin", "/review-queue")).body.items).toHaveLength(1);
    // Another office sees none of it; an assessor may not read the queue.
    expect((await get("sup2", "/review-queue")).body.items).toEqual([]);
    expect((await get("a1", "/review-queue")).status).toBe(403);
  });
});

describe("thumbnails", () => {
  it("serves a small JPEG made once and cached, to those who may see the photo only", async () => {
    const res = await get("sup", `/evidence/${photoSha}/thumbnail`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(res.bytes.length).toBeLessThan(photo.length / 3);
    const decoded = jpeg.decode(res.bytes, { useTArray: true });
    expect(Math.max(decoded.width, decoded.height)).toBe(240);
    const original = jpeg.decode(photo, { useTArray: true });
    expect(decoded.width / decoded.height).toBeCloseTo(original.width / original.height, 1);
    // Cached on disk; the second answer is the same bytes.
    const cached = readdirSync(join(w.dataDir, "thumbnails", photoSha.slice(0, 2)));
    expect(cached).toEqual([`${photoSha}.jpg`]);
    expect((await get("admin", `/evidence/${photoSha}/thumbnail`)).bytes).toEqual(res.bytes);
    // Not visible to another office (404, as the photo itself); an unknown blob 404.
    expect((await get("sup2", `/evidence/${photoSha}/thumbnail`)).status).toBe(404);
    expect((await get("sup", `/evidence/${"0".repeat(64)}/thumbnail`)).status).toBe(404);
    // A PNG is not thumbnailed (415; the client shows it full size).
    const png = fakeFile("png", 500);
    expect((await as(w, "a1").putEvidence(sha256(png), png, "image/png")).status).toBe(201);
    expect((await get("a1", `/evidence/${sha256(png)}/thumbnail`)).status).toBe(415);
  });
});

describe("decisions", () => {
  it("undoes an approval while the period is open, on the revision shown", async () => {
    const rev = await revisionOf(a1);
    const approve = await call("sup", "POST", `/assessments/${a1}/review`, {
      decision: "approve",
      revision: rev,
    });
    expect(approve.body).toMatchObject({ status: "approved", revision: rev + 1 });
    const stale = await call("sup", "POST", `/assessments/${a1}/review`, {
      decision: "undo_approval",
      revision: rev,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe("stale_revision");
    expect(
      (
        await call("a1", "POST", `/assessments/${a1}/review`, {
          decision: "undo_approval",
          revision: rev + 1,
        })
      ).status,
    ).toBe(403);
    const undo = await call("sup", "POST", `/assessments/${a1}/review`, {
      decision: "undo_approval",
      revision: rev + 1,
    });
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ status: "submitted", revision: rev + 2 });
    const again = await call("sup", "POST", `/assessments/${a1}/review`, {
      decision: "undo_approval",
      revision: rev + 2,
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("not_approved");
    const detail = (await get("sup", `/assessments/${a1}`)).body;
    const reviews = detail.reviews as { decision: string; by: string; revision: number }[];
    expect(reviews.map((r) => r.decision)).toEqual(["approve", "undo_approval"]);
    expect(reviews[1]).toMatchObject({ by: w.people.sup.id, revision: rev + 1 });
    const history = detail.history as { action: string; key: string; old: unknown; new: unknown }[];
    expect(history.find((h) => h.action === "review.undo_approval" && h.key === "status")).toMatchObject({
      old: "approved",
      new: "submitted",
    });
    expect((await get("sup", "/review-queue")).body.items).toHaveLength(1);
  });

  it("shows what changed since the return: old → new per item, the new photo marked, with who", async () => {
    const rev = await revisionOf(a1);
    const back = await call("sup", "POST", `/assessments/${a1}/review`, {
      decision: "return",
      revision: rev,
      itemComments: [{ key: ITEM, text: "Foto kurang jelas" }],
    });
    expect(back.body.status).toBe("returned");
    expect((await get("sup", `/assessments/${a1}`)).body.sinceReturn).toMatchObject({ changes: [] });
    await pushA1([mut("assessment.setAnswer", { assessmentId: a1, key: "IN.SP.01", value: 1, previous: 3 })]);
    await pushA1([mut("assessment.setAnswer", { assessmentId: a1, key: "IN.SP.01", value: 2, previous: 1 })]);
    await pushA1([
      mut("assessment.attachEvidence", {
        assessmentId: a1,
        key: ITEM,
        evidence: {
          sha256: photo2Sha,
          mime: "image/jpeg",
          bytes: photo2.length,
          takenAt: "2026-08-02T02:00:00Z",
        },
      }),
    ]);
    await pushA1([
      mut("assessment.setNote", { assessmentId: a1, key: ITEM, text: "Foto baru", previous: null }),
    ]);
    await pushA1([mut("assessment.submit", { assessmentId: a1 })]);
    const detail = (await get("sup", `/assessments/${a1}`)).body;
    const since = detail.sinceReturn as {
      returnedBy: string;
      changes: {
        key: string;
        kind: string;
        itemKey: string;
        old: unknown;
        new: unknown;
        added?: boolean;
        by: string[];
      }[];
    };
    expect(since.returnedBy).toBe(w.people.sup.id);
    const byKey = new Map(since.changes.map((c) => [c.key, c]));
    // Two edits of one answer read as one change: first old → last new.
    expect(byKey.get("answer:IN.SP.01")).toMatchObject({
      kind: "answer",
      itemKey: "IN.SP.01",
      old: 3,
      new: 2,
    });
    expect(byKey.get("answer:IN.SP.01")?.by).toEqual([w.people.a1.id]);
    expect(byKey.get(`evidence:${ITEM}:${photo2Sha}`)).toMatchObject({
      kind: "evidence",
      itemKey: ITEM,
      added: true,
    });
    expect(byKey.get(`note:${ITEM}`)).toMatchObject({ old: null, new: "Foto baru" });
    expect([...byKey.keys()].some((k) => k.startsWith("status") || k.startsWith("review"))).toBe(false);
    const queue = (await get("sup", "/review-queue")).body.items as { resubmitted: boolean }[];
    expect(queue[0]?.resubmitted).toBe(true);
  });
});

describe("exports for people", () => {
  it("writes an Indonesian workbook a real reader opens: question texts, names, status words, numbers", async () => {
    const res = await get("sup", `/exports/report.xlsx?periodId=${w.periodId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/rekap-penilaian-2026-kalbar-p\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.read(Readable.from([Buffer.from(res.bytes)]));
    expect(book.worksheets.map((s) => s.name)).toEqual(["Pemda", "Unit Layanan", "Jawaban"]);
    const answers = book.getWorksheet("Jawaban");
    if (!answers) throw new Error("no Jawaban sheet");
    expect(answers.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = answers.getRow(1).values as unknown[];
    expect(header).toContain("Pertanyaan");
    expect(header).toContain("Nama subjek");
    expect(answers.getColumn(8).width).toBeGreaterThan(40);
    const rows: unknown[][] = [];
    answers.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    const sp01 = rows.find((r) => r[6] === "IN.SP.01");
    const question = (
      instrumentJson as unknown as {
        dimensions: { variables: { indicators: { id: string; question: { id: string } }[] }[] }[];
      }
    ).dimensions
      .flatMap((d) => d.variables.flatMap((v) => v.indicators))
      .find((i) => i.id === "IN.SP.01")?.question.id;
    expect(sp01?.[7]).toBe(question);
    expect(sp01?.[3]).toBe("Diajukan");
    expect(typeof sp01?.[12]).toBe("number");
    expect(rows.some((r) => r[9] === "Produk 1")).toBe(true);
    expect(rows.some((r) => String(r[9]).startsWith("Pejabat/Petugas 1"))).toBe(true);
    // One row per answer instance: no key syntax anywhere.
    expect(
      rows.some((r) => r.some((c) => typeof c === "string" && /@(product|official|user):/.test(c))),
    ).toBe(false);
    const units = book.getWorksheet("Unit Layanan");
    // The submitted unit's row (a unit not yet assessed has no score and may sort first).
    const unitRow = ((units?.getSheetValues() ?? []) as unknown[]).find(
      (r): r is unknown[] => Array.isArray(r) && r[4] === "Diajukan",
    ) as unknown[];
    expect(typeof unitRow[5]).toBe("number");
    expect(units?.getColumn(5).numFmt).toBe("0.00");
    expect((await get("a1", `/exports/report.xlsx?periodId=${w.periodId}`)).status).toBe(403);
    expect((await get("sup2", `/exports/report.xlsx?periodId=${w.periodId}`)).status).toBe(404);
  });

  it("writes CSV with ';' and decimal commas by default, which round-trips; ',' with dots on request", async () => {
    const results = (await get("sup", `/results?periodId=${w.periodId}`)).body.pemda as {
      units: { name: string; score: number | null }[];
    }[];
    const score = results.flatMap((p) => p.units).find((u) => u.score !== null)?.score;
    expect(typeof score).toBe("number");
    const res = await get("sup", `/exports/report.csv?periodId=${w.periodId}`);
    expect(res.status).toBe(200);
    const text = new TextDecoder().decode(res.bytes);
    const rows = parse(text, { delimiter: ";", bom: true }) as string[][];
    expect(rows[0]?.slice(0, 5)).toEqual([
      "Kode pemda",
      "Nama pemda",
      "Unit layanan",
      "Status",
      "Nilai unit",
    ]);
    const scored = rows.slice(1).find((r) => r[4] !== "");
    expect(scored?.[4]).toMatch(/^\d+(,\d+)?$/);
    expect(Number(scored?.[4]?.replace(",", "."))).toBe(score);
    const comma = await get(
      "sup",
      `/exports/report.csv?periodId=${w.periodId}&separator=comma&table=answers`,
    );
    const commaRows = parse(new TextDecoder().decode(comma.bytes), {
      delimiter: ",",
      bom: true,
    }) as string[][];
    expect(commaRows[0]).toContain("Pertanyaan");
    expect(commaRows.length).toBeGreaterThan(50);
    expect((await get("sup", `/exports/report.csv?periodId=${w.periodId}&separator=pipe`)).status).toBe(400);
  });
});
