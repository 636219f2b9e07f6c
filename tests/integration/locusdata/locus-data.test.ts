// Secondary data and follow-ups of the 2025 method (issue #18) end to end through the API, on PGlite
// and PostgreSQL: a Gorontalo period with three approved units, secondary values and oversight
// follow-ups entered by the supervisor (JSON and spreadsheet), results / rapor / XLSX computed with
// them, the qualifier granted only when every follow-up is full, and other offices refused.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeXlsx } from "../../../src/server/spreadsheet";
import { readXlsx } from "../review/read-zip";
import { GORONTALO_OBSERVED, testInstrument2025 } from "./instrument";
import { insertSubmittedAssessment } from "./submitted-assessment";
import { type LocusWorld, startLocusWorld } from "./world";

type Who = "admin" | "sup" | "sup2" | "ass";
let world: LocusWorld<Who>;
const call: LocusWorld<Who>["call"] = (...args) => world.call(...args);
const periodId = randomUUID();
const otherPeriod = randomUUID();
const gorontalo = randomUUID();
const otherLocus = randomUUID();
const assessments: string[] = [];

interface PemdaBody {
  pemdaId: string;
  score: number | null;
  final: boolean;
  band: Record<string, unknown> | null;
  units: { name: string; score: number; secondary?: string[]; dimensions: { id: string }[] }[];
  locusInputs?: Record<string, unknown>;
}
async function gorontaloResult(): Promise<PemdaBody> {
  const r = await call("sup", "GET", `/results?periodId=${periodId}`);
  expect(r.status).toBe(200);
  const p = (r.body.pemda as PemdaBody[]).find((x) => x.pemdaId === gorontalo);
  if (p === undefined) throw new Error("no Gorontalo in results");
  return p;
}

const secondaryPath = `/periods/${periodId}/locus-data/${gorontalo}/secondary`;
const oversightPath = `/periods/${periodId}/locus-data/${gorontalo}/oversight`;
const fullValues = {
  values: [{ indicatorId: "OUT.01", value: 3, source: "KemenPANRB, Indeks Pelayanan Publik 2025" }],
};

beforeAll(async () => {
  world = await startLocusWorld<Who>(
    [
      ["gorontalo", "Perwakilan Gorontalo"],
      ["other", "Lain"],
    ],
    [
      ["admin", "admin", "gorontalo"],
      ["sup", "supervisor", "gorontalo"],
      ["sup2", "supervisor", "other"],
      ["ass", "assessor", "gorontalo"],
    ],
  );
  const { db, ids } = world;
  for (const [id, office] of [
    [periodId, "gorontalo"],
    [otherPeriod, "other"],
  ] as const)
    await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id, status)
              values (${id}, ${office}, 2025, 'Penilaian 2025', 'uji-2025', 1, 'opini-2025', 'open')`.execute(
      db,
    );
  await sql`insert into pemda (id, office_id, code, name, kind) values
            (${gorontalo}, 'gorontalo', '75', 'Pemprov Gorontalo', 'provinsi'),
            (${otherLocus}, 'other', '61', 'Pemprov Lain', 'provinsi')`.execute(db);
  const units = [
    ["Dinas Pendidikan", GORONTALO_OBSERVED.dinasPendidikan],
    ["Dinas Sosial", GORONTALO_OBSERVED.dinasSosial],
    ["RSUD", GORONTALO_OBSERVED.rsud],
  ] as const;
  for (const [name, observed] of units) {
    const unitId = randomUUID();
    const assignmentId = randomUUID();
    await sql`insert into units (id, pemda_id, kind, name) values (${unitId}, ${gorontalo}, ${name}, ${name})`.execute(
      db,
    );
    await sql`insert into assignments (id, period_id, unit_id) values (${assignmentId}, ${periodId}, ${unitId})`.execute(
      db,
    );
    const id = await insertSubmittedAssessment(db, {
      periodId,
      pemdaId: gorontalo,
      unitId,
      assignmentId,
      assessorId: ids.ass,
      observed,
    });
    assessments.push(id);
  }
  // The supervisor approves the three units through the review API.
  for (const id of assessments) {
    const r = await call("sup", "POST", `/assessments/${id}/review`, { decision: "approve", revision: 4 });
    expect(r.status).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe("Gorontalo 2025 through the API", () => {
  it("without secondary data the Output counts as unanswered and the qualifier is undecided", async () => {
    const p = await gorontaloResult();
    expect(p.units.map((u) => u.score)).toEqual([37.58, 55.1, 68.22]);
    expect(p.band).toMatchObject({ qualifier: null, qualifierDecided: false });
    expect(p.locusInputs).toEqual({
      secondary: [],
      secondaryMissing: ["OUT.01"],
      followUps: { recorded: false, products: 0, full: 0, partial: 0, none: 0 },
    });
  });

  it("68.79 / 77.55 / 84.11 → 76.82 Kualitas Sedang once the secondary value is recorded, marked as secondary", async () => {
    expect((await call("sup", "PUT", secondaryPath, fullValues)).status).toBe(204);
    const p = await gorontaloResult();
    expect(p.units.map((u) => [u.name, u.score])).toEqual([
      ["Dinas Pendidikan", 68.79],
      ["Dinas Sosial", 77.55],
      ["RSUD", 84.11],
    ]);
    expect(p.score).toBe(76.82);
    expect(p.final).toBe(true);
    expect(
      p.units.every(
        (u) => JSON.stringify(u.secondary) === JSON.stringify(["OUT"]) && u.dimensions.length === 3,
      ),
    ).toBe(true);
    expect(p.locusInputs).toMatchObject({
      secondary: [{ indicatorId: "OUT.01", value: 3, source: "KemenPANRB, Indeks Pelayanan Publik 2025" }],
      secondaryMissing: [],
    });
    expect(p.band).toEqual({
      category: "C",
      label: "Kualitas Sedang",
      zone: null,
      qualifier: null,
      qualifierDecided: false,
      predicate: "Kualitas Sedang",
    });
  });

  it("the qualifier only when every recorded follow-up is full; never changes the score", async () => {
    const products = [
      {
        kind: "tindakan_korektif",
        number: "0012/LAPH/2025",
        date: "2025-03-04",
        state: "full",
        evidence: "Surat 800/12",
      },
      { kind: "saran", number: "S-07/2025", date: "2025-05-20", state: "partial" },
    ];
    expect((await call("sup", "PUT", oversightPath, { products })).status).toBe(204);
    let p = await gorontaloResult();
    expect(p.band).toMatchObject({ qualifier: null, qualifierDecided: true, predicate: "Kualitas Sedang" });
    expect(p.locusInputs).toMatchObject({
      followUps: { recorded: true, products: 2, full: 1, partial: 1, none: 0 },
    });
    const second = products[1];
    if (second === undefined) throw new Error("fixture");
    second.state = "full";
    expect((await call("sup", "PUT", oversightPath, { products })).status).toBe(204);
    p = await gorontaloResult();
    expect(p.score).toBe(76.82);
    expect(p.band).toEqual({
      category: "C",
      label: "Kualitas Sedang",
      zone: null,
      qualifier: "Tanpa Maladministrasi",
      qualifierDecided: true,
      predicate: "Kualitas Sedang Tanpa Maladministrasi",
    });
    const rapor = await call("sup", "GET", `/results/rapor?periodId=${periodId}&pemdaId=${gorontalo}`);
    expect(rapor.status).toBe(200);
    expect(JSON.stringify(rapor.body)).toContain("Kualitas Sedang Tanpa Maladministrasi");
  });

  it("the results XLSX carries the pemda score and the predicate with its qualifier", async () => {
    const r = await call("sup", "GET", `/exports/results.xlsx?periodId=${periodId}`);
    expect(r.status).toBe(200);
    const cells = Object.values(readXlsx(r.bytes))
      .flat(2)
      .map((c) => String(c));
    expect(cells).toContain("76.82");
    expect(cells.some((c) => c.includes("Tanpa Maladministrasi"))).toBe(true);
  });

  it("DELETE makes the follow-ups unrecorded again (qualifier undecided); an empty list grants it", async () => {
    expect((await call("sup", "DELETE", oversightPath)).status).toBe(204);
    expect((await gorontaloResult()).band).toMatchObject({ qualifier: null, qualifierDecided: false });
    expect((await call("sup", "PUT", oversightPath, { products: [] })).status).toBe(204);
    expect((await gorontaloResult()).band).toMatchObject({ qualifier: "Tanpa Maladministrasi" });
  });
});

describe("validation and scope", () => {
  it("refuses values that are not an answer of a secondary indicator, listing every issue; nothing changes", async () => {
    const r = await call("sup", "PUT", secondaryPath, {
      values: [
        { indicatorId: "IN.01", value: 3, source: "BPS" },
        { indicatorId: "OUT.01", value: 7, source: "" },
      ],
    });
    expect(r.status).toBe(400);
    const issues = (r.body.error?.details?.issues ?? []) as { path: string }[];
    expect(issues.map((i) => i.path)).toEqual(["values.0.indicatorId", "values.1.value", "values.1.source"]);
    expect((await gorontaloResult()).score).toBe(76.82);
    const bad = await call("sup", "PUT", oversightPath, {
      products: [{ kind: "teguran", number: "", date: "2025-02-30", state: "done" }],
    });
    expect(bad.status).toBe(400);
    expect(((bad.body.error?.details?.issues ?? []) as { path: string }[]).map((i) => i.path)).toEqual([
      "products.0.kind",
      "products.0.state",
      "products.0.number",
      "products.0.date",
    ]);
  });

  it("refuses a body that is not a list of objects, and an entry given twice, with their paths", async () => {
    const issuesOf = async (path: string, body: unknown) => {
      const r = await call("sup", "PUT", path, body);
      expect(r.status).toBe(400);
      return ((r.body.error?.details?.issues ?? []) as { path: string; message: string }[]).map(
        (i) => `${i.path}: ${i.message}`,
      );
    };
    expect(await issuesOf(secondaryPath, { values: "OUT.01" })).toEqual(["values: Expected {values: [...]}"]);
    expect(await issuesOf(oversightPath, [])).toEqual(["products: Expected {products: [...]}"]);
    expect(
      await issuesOf(secondaryPath, {
        values: [
          null,
          { indicatorId: "OUT.01", value: 3, source: "BPS" },
          { indicatorId: "OUT.01", value: 2, source: "BPS" },
        ],
      }),
    ).toEqual(["values.0: Expected an object", "values.2.indicatorId: OUT.01 is given twice"]);
    const product = { kind: "saran", number: "S-1/2025", date: "2025-02-03", state: "full" };
    expect(await issuesOf(oversightPath, { products: [product, 7, product] })).toEqual([
      "products.1: Expected an object",
      "products.2.number: saran S-1/2025 is given twice",
    ]);
    expect((await gorontaloResult()).score).toBe(76.82);
  });

  it("another office's supervisor gets 404 everywhere; an assessor 403; a foreign locus 404", async () => {
    for (const [method, path, body] of [
      ["GET", `/periods/${periodId}/locus-data`, undefined],
      ["PUT", secondaryPath, fullValues],
      ["PUT", oversightPath, { products: [] }],
      ["DELETE", oversightPath, undefined],
      ["GET", `/periods/${periodId}/locus-data/export?format=xlsx`, undefined],
    ] as const) {
      expect((await call("sup2", method, path, body)).status).toBe(404);
      expect((await call("ass", method, path, body)).status).toBe(403);
    }
    expect(
      (await call("sup", "PUT", `/periods/${periodId}/locus-data/${otherLocus}/secondary`, fullValues))
        .status,
    ).toBe(404);
    expect(
      (await call("sup2", "PUT", `/periods/${otherPeriod}/locus-data/${gorontalo}/secondary`, fullValues))
        .status,
    ).toBe(404);
    expect((await call("sup2", "GET", `/results?periodId=${periodId}`)).status).toBe(404);
  });

  it("GET lists the secondary indicators and every locus of the office with its inputs", async () => {
    const r = await call("admin", "GET", `/periods/${periodId}/locus-data`);
    expect(r.status).toBe(200);
    expect(r.body.indicators).toMatchObject([{ id: "OUT.01", providers: ["KemenPANRB"] }]);
    expect(r.body.loci).toMatchObject([
      { pemdaId: gorontalo, code: "75", sampled: true, secondary: [{ indicatorId: "OUT.01", value: 3 }] },
    ]);
  });
});

describe("spreadsheet import and export", () => {
  const workbook = (secondary: (string | number | null)[][], oversight: (string | number | null)[][]) =>
    writeXlsx([
      {
        name: "Data Sekunder",
        columns: ["Kode Lokus", "Indikator", "Nilai", "Sumber"].map((header) => ({ header })),
        rows: secondary,
      },
      {
        name: "Tindak Lanjut",
        columns: ["Kode Lokus", "Jenis Produk", "Nomor", "Tanggal", "Tindak Lanjut", "Bukti"].map(
          (header) => ({
            header,
          }),
        ),
        rows: oversight,
      },
    ]);
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  it("lists every bad cell with its sheet, row and column and writes nothing", async () => {
    const bytes = await workbook(
      [
        ["75", "OUT.01", 9, "BPS"],
        ["99", "OUT.02", 2, null],
      ],
      [["75", "Teguran", "1/2025", "2025-13-01", "Tuntas", null]],
    );
    const r = await call("sup", "POST", `/periods/${periodId}/locus-data/import`, bytes, xlsx);
    expect(r.status).toBe(422);
    const problems = (r.body.error?.details?.problems ?? []) as {
      at?: { sheet: string; row: number; column: string };
    }[];
    expect(problems.map((p) => (p.at ? `${p.at.sheet}!${p.at.column}${p.at.row}` : "?"))).toEqual([
      "Data Sekunder!C2",
      "Data Sekunder!A3",
      "Data Sekunder!B3",
      "Data Sekunder!D3",
      "Tindak Lanjut!B2",
      "Tindak Lanjut!D2",
    ]);
    expect((await gorontaloResult()).band).toMatchObject({ qualifier: "Tanpa Maladministrasi" });
  });

  it("names a row given twice on either sheet, an empty locus code, and takes 'Tidak ada' as no product", async () => {
    const bytes = await workbook(
      [
        ["75", "OUT.01", 2, "BPS"],
        ["75", "OUT.01", 3, "BPS"],
        ["", "OUT.01", 2, "BPS"],
      ],
      [
        ["75", "Rekomendasi", "R-1/2025", "2025-04-01", "Belum", null],
        ["75", "rekomendasi", "R-1/2025", "2025-04-02", "Tuntas", null],
        ["75", "Teguran", "", "2025-04-01", "Belum", null],
        ["75", "Tidak ada", null, null, null, null],
      ],
    );
    const r = await call("sup", "POST", `/periods/${periodId}/locus-data/import`, bytes, xlsx);
    expect(r.status).toBe(422);
    const problems = (r.body.error?.details?.problems ?? []) as {
      code: string;
      message: string;
      at?: { sheet: string; row: number; column: string };
    }[];
    expect(problems.map((p) => `${p.at?.sheet}!${p.at?.column}${p.at?.row} ${p.code}`)).toEqual([
      "Data Sekunder!B3 duplicate",
      "Data Sekunder!A4 required",
      "Tindak Lanjut!C3 duplicate",
      "Tindak Lanjut!B4 invalid_value",
      "Tindak Lanjut!C4 required",
    ]);
    expect(problems[0]?.message).toBe("Data Sekunder!B3: OUT.01 of 75 is given twice.");
    expect(problems[2]?.message).toBe("Tindak Lanjut!C3: rekomendasi R-1/2025 of 75 is given twice.");
    expect((await gorontaloResult()).band).toMatchObject({ qualifier: "Tanpa Maladministrasi" });

    // A CSV of follow-ups (told by its columns) with "Tidak ada" alone: the locus's follow-ups are
    // recorded as none (a dry run here, nothing saved).
    const none = new TextEncoder().encode(
      "Kode Lokus;Jenis Produk;Nomor;Tanggal;Tindak Lanjut\r\n75;Tidak ada;;;\r\n",
    );
    const dry = await call(
      "sup",
      "POST",
      `/periods/${periodId}/locus-data/import?dryRun=true`,
      none,
      "text/csv",
    );
    expect(dry.status).toBe(200);
    expect(dry.body.report).toMatchObject({
      applied: false,
      rows: 1,
      secondaryLoci: 0,
      oversightLoci: 1,
      problems: [],
    });
  });

  it("imports (dry run first), is idempotent, and exports what it imported", async () => {
    const bytes = await workbook(
      [["75", "OUT.01", 2, "KemenPANRB 2025, tabel 3"]],
      [["75", "Rekomendasi", "R-1/2025", "2025-04-01", "Belum", "-"]],
    );
    const dry = await call("sup", "POST", `/periods/${periodId}/locus-data/import?dryRun=true`, bytes, xlsx);
    expect(dry.status).toBe(200);
    expect(dry.body.report).toMatchObject({ applied: false, changedLoci: 1, rows: 2 });
    expect((await gorontaloResult()).units[0]?.score).toBe(68.79);
    const real = await call("sup", "POST", `/periods/${periodId}/locus-data/import`, bytes, xlsx);
    expect(real.body.report).toMatchObject({ applied: true, changedLoci: 1 });
    const p = await gorontaloResult();
    // Output 2 of 3: each unit loses 35 × 1/3 = 11.67 points; the recommendation is not followed up.
    expect(p.units.map((u) => u.score)).toEqual([57.12, 65.88, 72.44]);
    expect(p.band).toMatchObject({ predicate: "Kualitas Sedang", qualifierDecided: true, qualifier: null });
    const again = await call("sup", "POST", `/periods/${periodId}/locus-data/import`, bytes, xlsx);
    expect(again.body.report).toMatchObject({ applied: true, changedLoci: 0 });
    const out = await call("sup", "GET", `/periods/${periodId}/locus-data/export?format=xlsx`);
    expect(out.status).toBe(200);
    expect(out.headers.get("content-type")).toBe(xlsx);
    expect(out.headers.get("content-disposition")).toBe('attachment; filename="data-lokus-2025.xlsx"');
    expect(out.headers.get("cache-control")).toBe("no-store");
    const back = await call(
      "sup",
      "POST",
      `/periods/${periodId}/locus-data/import?dryRun=true`,
      out.bytes,
      xlsx,
    );
    expect(back.body.report).toMatchObject({ changedLoci: 0, rows: 2 });
    const csv = await call("sup", "GET", `/periods/${periodId}/locus-data/export?format=csv&sheet=oversight`);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="data-lokus-2025.csv"');
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(new TextDecoder().decode(csv.bytes)).toContain("Rekomendasi,R-1/2025,2025-04-01,Belum");
  });
});

describe("instrument workbooks through the admin API", () => {
  const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  it("downloads a stored instrument as XLSX, previews and stores an upload, refuses a bad one with its cells", async () => {
    expect((await call("sup", "GET", "/instruments/uji-2025/1/xlsx")).status).toBe(403);
    const out = await call("admin", "GET", "/instruments/uji-2025/1/xlsx");
    expect(out.status).toBe(200);
    const preview = await call("admin", "POST", "/instruments/xlsx", out.bytes, xlsxType);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ stored: false, json: testInstrument2025 });
    const template = await call("admin", "GET", "/instruments/template.xlsx");
    expect(template.status).toBe(200);
    const created = await call("admin", "POST", "/instruments/xlsx?save=true", template.bytes, xlsxType);
    expect(created.status).toBe(201);
    expect((await call("admin", "GET", "/instruments/instrumen-baru/1")).status).toBe(200);
    const again = await call("admin", "POST", "/instruments/xlsx?save=true", template.bytes, xlsxType);
    expect(again.body).toMatchObject({ stored: true, created: false });
    const bad = await call(
      "admin",
      "POST",
      "/instruments/xlsx",
      new TextEncoder().encode("a,b\n"),
      "text/csv",
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error?.details?.problems).toMatchObject([{ code: "file_type" }]);
  });
});
