// The people's evidence archive (issue #20): GET /exports/evidence.zip?periodId=[&pemdaId=] as a
// supervisor downloads it — folders by pemda / unit / item, files named by respondent or product
// and time, bytes identical to the uploads, a manifest.csv an Indonesian Excel opens (read here
// with csv-parse) — authorised like the results (other office 404, assessor 403), and streamed:
// a 48 MB archive is read while the server's memory grows by far less than that.
import { createHash, randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInstrument } from "../../../src/domain/instrument/parse-instrument";
import type { Indicator } from "../../../src/domain/instrument/types";
import type { Mutation } from "../../../src/domain/sync/protocol";
import { as, create, fakeFile, m, sha256, uuid } from "../sync/api";
import { createWorld, instrumentJson, type World } from "../sync/world";

let w: World;
let pemdaK = "";
let pemdaCode = "";
const TAKEN = "2026-08-01T02:00:00Z"; // 09.00 WIB

function indicators(): { unit: Indicator; product: Indicator; official: Indicator } {
  const r = parseInstrument(instrumentJson);
  if (!r.ok) throw new Error("instrument");
  const all = r.instrument.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators));
  const pick = (level: string) => {
    const found = all.find((i) => i.level === level);
    if (found === undefined) throw new Error(`no ${level} indicator`);
    return found;
  };
  return { unit: pick("unit"), product: pick("product"), official: pick("official") };
}
const keyOf = (i: Indicator, subject = "") => `${i.id}${subject}${i.media?.length ? `#${i.media[0]}` : ""}`;

function attach(id: number, assessmentId: string, key: string, bytes: Uint8Array, extra = {}): Mutation {
  return m(id, "assessment.attachEvidence", {
    assessmentId,
    key,
    evidence: { sha256: sha256(bytes), mime: "image/jpeg", bytes: bytes.length, takenAt: TAKEN, ...extra },
  });
}

async function pushAll(who: "a1" | "a2" | "a3", mutations: Mutation[]) {
  const r = await as(w, who).push({ clientId: uuid(), mutations });
  expect(r.status).toBe(200);
  for (const x of r.body.results ?? []) expect(x.status, JSON.stringify(x)).toBe("applied");
}

const ind = indicators();
const photos = {
  unit: fakeFile("jpeg", 2100),
  product: fakeFile("jpeg", 2200),
  official: fakeFile("jpeg", 2300),
  second: fakeFile("jpeg", 2400),
  other: fakeFile("jpeg", 2500),
};
const ids = { a1: uuid(), a2: uuid(), a3: uuid() };
const product = uuid();
const official = uuid();

beforeAll(async () => {
  w = await createWorld();
  const r = await sql<{ pemda_id: string; code: string }>`select u.pemda_id, p.code from units u
    join pemda p on p.id = u.pemda_id where u.id = ${w.asg.a1.unitId}`.execute(w.db);
  pemdaK = r.rows[0]?.pemda_id ?? "";
  pemdaCode = r.rows[0]?.code ?? "";
  for (const [who, bytes] of [
    ["a1", photos.unit],
    ["a1", photos.product],
    ["a1", photos.official],
    ["a2", photos.second],
    ["a3", photos.other],
  ] as const) {
    expect((await as(w, who).putEvidence(sha256(bytes), bytes, "image/jpeg")).status).toBe(201);
  }
  await pushAll("a1", [
    create(1, ids.a1, w.asg.a1),
    m(2, "assessment.putProduct", { assessmentId: ids.a1, product: { id: product, name: "Akta Kelahiran" } }),
    m(3, "assessment.putRespondent", {
      assessmentId: ids.a1,
      respondent: { id: official, kind: "official", profile: { name: "Budi Santoso" } },
    }),
    attach(4, ids.a1, keyOf(ind.unit), photos.unit, { caption: "Papan informasi" }),
    attach(5, ids.a1, keyOf(ind.product, `@product:${product}`), photos.product),
    attach(6, ids.a1, keyOf(ind.official, `@official:${official}`), photos.official, {
      location: { lat: -0.0263, lon: 109.3425, accuracyM: 12 },
    }),
    // Attached on a poor link before its upload: listed, not in the archive.
    attach(7, ids.a1, keyOf(ind.unit), fakeFile("jpeg", 999)),
  ]);
  await pushAll("a2", [create(1, ids.a2, w.asg.a2), attach(2, ids.a2, keyOf(ind.unit), photos.second)]);
  await pushAll("a3", [create(1, ids.a3, w.asg.a3), attach(2, ids.a3, keyOf(ind.unit), photos.other)]);
}, 300_000);
afterAll(async () => {
  await w?.close();
});

async function download(who: keyof World["people"], query: string) {
  const res = await as(w, who).raw(`/exports/evidence.zip?${query}`);
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("evidence archive per period and per pemda", () => {
  it("names folders and files for people, keeps the bytes, and writes a manifest a spreadsheet reads", async () => {
    const z = await download("sup", `periodId=${w.periodId}`);
    expect(z.status).toBe(200);
    expect(z.headers.get("content-type")).toBe("application/zip");
    expect(z.headers.get("content-disposition")).toMatch(/filename="bukti-2026-kalbar-p\.zip"/);
    const files = unzipSync(z.bytes);
    const names = Object.keys(files).sort();
    const pemda = `${pemdaCode} Kab`;
    const unitQ = `${ind.unit.id} ${ind.unit.question.id.split(" ")[0]}`;
    // a1's and a2's units are both named "Unit": two folders, never mixed (which one gets "(2)"
    // follows the assessments' order).
    const unitOf = (n: string) => n.split("/").slice(0, 2).join("/");
    const photosIn = names.filter((n) => n !== "manifest.csv");
    expect(new Set(photosIn.map(unitOf))).toEqual(new Set([`${pemda}/Unit`, `${pemda}/Unit (2)`]));
    const productFile = names.find((n) => n.includes("Akta Kelahiran")) ?? "";
    const a1Unit = unitOf(productFile);
    expect(photosIn.filter((n) => unitOf(n) === a1Unit)).toHaveLength(3);
    expect(photosIn.filter((n) => unitOf(n) !== a1Unit)).toHaveLength(1);
    const unitFile = names.find((n) => n.startsWith(`${a1Unit}/${unitQ}`));
    expect(unitFile).toMatch(/\/2026-08-01 09\.00\.jpg$/);
    expect(productFile.slice(a1Unit.length)).toMatch(
      new RegExp(`^/${ind.product.id} [^/]+/Akta Kelahiran - .*2026-08-01 09\\.00\\.jpg$`),
    );
    const officialFile = names.find((n) => n.includes("Budi Santoso"));
    expect(officialFile).toBeDefined();
    expect(officialFile?.split("/")).toHaveLength(4); // pemda/unit/item/file: the respondent label never makes a folder
    for (const n of names) expect(n).not.toMatch(/[\\:*?"<>|]/);
    expect(files[unitFile ?? ""]).toEqual(photos.unit);
    expect(files[productFile ?? ""]).toEqual(photos.product);
    expect(files[officialFile ?? ""]).toEqual(photos.official);
    // The other office's photo is not in this office's archive.
    expect(Object.values(files).some((b) => sha256(b) === sha256(photos.other))).toBe(false);

    const rows = parse(Buffer.from(files["manifest.csv"] ?? []), {
      delimiter: ";",
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    const byHash = new Map(rows.map((r) => [r["SHA-256"], r]));
    const off = byHash.get(sha256(photos.official));
    expect(off).toMatchObject({
      Berkas: officialFile,
      "Kode indikator": ind.official.id,
      Pertanyaan: ind.official.question.id,
      "Diambil (WIB)": "2026-08-01 09.00",
      "Diambil (UTC)": TAKEN,
      Pengunggah: "a1",
      Lintang: "-0,0263",
      Bujur: "109,3425",
      "Akurasi (m)": "12",
      "Di arsip": "ya",
    });
    expect(off?.["Nama subjek"]).toContain("Budi Santoso");
    expect(byHash.get(sha256(photos.unit))?.Keterangan).toBe("Papan informasi");
    expect(byHash.get(sha256(fakeFile("jpeg", 999)))).toMatchObject({
      Berkas: "",
      "Di arsip": "tidak: belum diunggah",
    });
    for (const r of rows.filter((x) => x.Berkas !== "")) {
      expect(
        createHash("sha256")
          .update(files[r.Berkas ?? ""] ?? new Uint8Array())
          .digest("hex"),
      ).toBe(r["SHA-256"]);
    }
  });

  it("per pemda holds the same; another office's pemda or period is 404, an assessor 403", async () => {
    const z = await download("sup", `periodId=${w.periodId}&pemdaId=${pemdaK}`);
    expect(z.status).toBe(200);
    expect(z.headers.get("content-disposition")).toContain(`-${pemdaCode.toLowerCase()}.zip`);
    expect(Object.keys(unzipSync(z.bytes))).toHaveLength(5);
    const otherPemda = await sql<{ id: string }>`select id from pemda where office_id = 'other'`.execute(
      w.db,
    );
    expect((await download("sup", `periodId=${w.periodId}&pemdaId=${otherPemda.rows[0]?.id}`)).status).toBe(
      404,
    );
    expect((await download("sup2", `periodId=${w.periodId}`)).status).toBe(404);
    expect((await download("sup2", `periodId=${w.periodId}&pemdaId=${pemdaK}`)).status).toBe(404);
    expect((await download("a1", `periodId=${w.periodId}`)).status).toBe(403);
    expect((await download("sup", "periodId=nope")).status).toBe(400);
    expect((await download("sup", `pemdaId=${pemdaK}`)).status).toBe(400);
    // The admin sees every office.
    expect((await download("admin", `periodId=${w.periodId}`)).status).toBe(200);
  });

  it("streams: a 48 MB archive is read while the server's memory grows far less", async () => {
    const COUNT = 48;
    const mutations: Mutation[] = [];
    const hashes: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const bytes = new Uint8Array(randomBytes(1024 * 1024));
      bytes.set([0xff, 0xd8, 0xff, 0xe0]);
      expect((await as(w, "a2").putEvidence(sha256(bytes), bytes, "image/jpeg")).status).toBe(201);
      hashes.push(sha256(bytes));
      mutations.push(attach(i + 3, ids.a2, keyOf(ind.unit), bytes));
    }
    const r = await as(w, "a2").push({
      clientId: uuid(),
      mutations: mutations.map((x, i) => ({ ...x, id: i + 1 })),
    });
    expect(r.body.results?.every((x) => x.status === "applied")).toBe(true);

    const before = process.memoryUsage().rss;
    let peak = before;
    const res = await as(w, "sup").raw(`/exports/evidence.zip?periodId=${w.periodId}&pemdaId=${pemdaK}`);
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    let total = 0;
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) break;
      total += chunk.value.byteLength;
      peak = Math.max(peak, process.memoryUsage().rss);
      // A slow phone line: the server must wait for the reader, not buffer ahead.
      if (total % (4 * 1024 * 1024) < chunk.value.byteLength) await new Promise((x) => setTimeout(x, 5));
    }
    expect(total).toBeGreaterThan(COUNT * 1024 * 1024);
    const growth = peak - before;
    expect(growth, `RSS grew by ${(growth / 1e6).toFixed(1)} MB`).toBeLessThan((COUNT * 1024 * 1024) / 3);
  }, 120_000);
});
