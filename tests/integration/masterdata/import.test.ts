// Master-data imports as an office uses them: loci from XLSX and units from CSV with a preview,
// every row error with its cell and nothing written, idempotent re-imports, changes by code with
// history, users with one-time passwords, exports that re-import unchanged, and 10,000 rows in one
// transaction (its time printed).
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../../src/server/auth/password";
import { readSpreadsheet } from "../../../src/server/spreadsheet";
import { createWorld, type World } from "../sync/world";
import { addPerson, count, csv, send, xlsx } from "./support";

let w: World;
let admin: string;
let sup: string;
const kalbar = JSON.parse(readFileSync("assets/demo/kalbar.json", "utf8")) as {
  pemda: { code: string; name: string; kind: string }[];
};
const LOCI = "/offices/kalbar/master-data/loci";
const UNITS = "/offices/kalbar/master-data/units";
const USERS = "/offices/kalbar/master-data/users";

beforeAll(async () => {
  w = await createWorld();
  admin = w.people.admin.token;
  sup = w.people.sup.token;
});
afterAll(async () => {
  await w?.close();
});

const lociFile = () =>
  xlsx({
    Lokus: [
      ["No", "Kode", "Nama", "Jenis"],
      ...kalbar.pemda.map((p, i) => [i + 1, p.code, p.name, p.kind === "kabupaten" ? "Kab" : p.kind]),
    ],
  });

describe("loci", () => {
  it("previews 15 Kalimantan Barat pemda without writing, imports them, and re-imports unchanged", async () => {
    const before = await count(w, "pemda");
    const dry = await send(w, admin, "POST", `${LOCI}/import?dryRun=true`, await lociFile());
    expect(dry.status).toBe(200);
    expect(dry.body.report).toMatchObject({
      dryRun: true,
      applied: false,
      created: 15,
      changed: 0,
      format: "xlsx",
    });
    expect(await count(w, "pemda")).toBe(before);
    const real = await send(w, admin, "POST", `${LOCI}/import`, await lociFile());
    expect(real.body.report).toMatchObject({ applied: true, created: 15, sheet: "Lokus" });
    expect(await count(w, "pemda")).toBe(before + 15);
    const again = await send(w, admin, "POST", `${LOCI}/import`, await lociFile());
    expect(again.body.report).toMatchObject({ applied: true, created: 0, changed: 0, unchanged: 15 });
    const kinds = await sql<{ kind: string }>`select kind from pemda where code = '6101'`.execute(w.db);
    expect(kinds.rows[0]?.kind).toBe("kabupaten");
  });

  it("updates a changed row by code and keeps the history", async () => {
    const file = csv("kode;nama;jenis\r\n61.72;Pemerintah Kota Singkawang;Pemkot\r\n");
    const r = await send(w, admin, "POST", `${LOCI}/import`, file);
    expect(r.body.report).toMatchObject({
      created: 0,
      changed: 1,
      preview: [{ key: "6172", fields: ["name"] }],
    });
    const h = await sql<{ before: { name: string }; after: { name: string }; source: string }>`
      select before, after, source from master_data_history where entity = 'locus' and action = 'update'`.execute(
      w.db,
    );
    expect(h.rows).toMatchObject([
      {
        before: { name: "Kota Singkawang" },
        after: { name: "Pemerintah Kota Singkawang" },
        source: "import",
      },
    ]);
  });

  it("lists every row error with its cell and writes nothing", async () => {
    const before = await count(w, "pemda");
    const file = await xlsx({
      Lokus: [
        ["kode", "nama", "jenis"],
        ["6199", "Kabupaten Baru", "kabupaten"],
        ["", "Tanpa Kode", "kota"],
        ["6198", "", "kota"],
        ["6197", "Kota X", "desa"],
        [61.1, "Kab Y", "kabupaten"],
        ["6199", "Kabupaten Baru Lagi", "kabupaten"],
        ["BPN-01", "Kantor Pertanahan Pontianak", "Kantor Pertanahan"],
      ],
    });
    const r = await send(w, admin, "POST", `${LOCI}/import`, file);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("import_invalid");
    const problems = r.body.error.details.problems as {
      code: string;
      at: { sheet: string; row: number; column: string };
    }[];
    expect(problems.map((p) => [p.code, p.at.row, p.at.column])).toEqual([
      ["required", 3, "A"],
      ["required", 4, "B"],
      ["invalid_value", 5, "C"],
      ["invalid_value", 6, "A"],
      ["duplicate", 7, "A"],
    ]);
    expect(problems.every((p) => p.at.sheet === "Lokus")).toBe(true);
    expect(await count(w, "pemda")).toBe(before);
  });
});

describe("units", () => {
  const good =
    "\uFEFFkode_lokus;nama_unit;jenis_unit;alamat;produk\r\n" +
    "6171;Dinas Pendidikan Kota Pontianak;Dinas Pendidikan;Jl. Letjen Sutoyo;Izin PAUD; Mutasi siswa\r\n";

  it("rejects unknown loci, empty and duplicate names with their cells, then imports the fixed file", async () => {
    const bad = csv(
      "kode_lokus,nama_unit,jenis_unit,alamat,produk\n" +
        '6171,RSUD Sultan Syarif Mohamad Alkadrie,RSUD,"Jl. Komodor Yos Sudarso","Rawat jalan; Rawat inap"\n' +
        "9999,Dinas Sosial,Dinas Sosial,,\n" +
        "6172,,Dinas Sosial,,\n" +
        "6171,rsud sultan syarif mohamad alkadrie,RSUD,,\n",
    );
    const r = await send(w, sup, "POST", `${UNITS}/import?dryRun=true`, bad);
    expect(r.status).toBe(422);
    expect(
      (r.body.error.details.problems as { code: string; at: { row: number; column: string } }[]).map((p) => [
        p.code,
        p.at.row,
        p.at.column,
      ]),
    ).toEqual([
      ["unknown_reference", 3, "A"],
      ["required", 4, "B"],
      ["duplicate", 5, "B"],
    ]);
    const units = await count(w, "units");
    const fixed = csv(
      "kode_lokus,nama_unit,jenis_unit,alamat,produk\n" +
        '6171,RSUD Sultan Syarif Mohamad Alkadrie,RSUD,"Jl. Komodor Yos Sudarso","Rawat jalan; Rawat inap"\n' +
        "6172,Dinas Sosial Kota Singkawang,Dinas Sosial,,Bansos\n",
    );
    const ok = await send(w, sup, "POST", `${UNITS}/import`, fixed);
    expect(ok.body.report).toMatchObject({ applied: true, created: 2 });
    expect(await count(w, "units")).toBe(units + 2);
    const rsud = await sql<{ suggested_products: string[]; address: string }>`
      select suggested_products, address from units where name = 'RSUD Sultan Syarif Mohamad Alkadrie'`.execute(
      w.db,
    );
    expect(rsud.rows[0]).toEqual({
      suggested_products: ["Rawat jalan", "Rawat inap"],
      address: "Jl. Komodor Yos Sudarso",
    });
  });

  it("reads a semicolon CSV with a BOM; a kind is matched to the office's spelling; re-import is unchanged", async () => {
    const r = await send(w, admin, "POST", `${UNITS}/import`, csv(good));
    expect(r.body.report).toMatchObject({ created: 1 });
    const again = await send(w, admin, "POST", `${UNITS}/import`, csv(good));
    expect(again.body.report).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
    const lower = csv(
      "kode_lokus;nama_unit;jenis_unit\r\n6172;Dinas Pendidikan Kota Singkawang;dinas pendidikan\r\n",
    );
    await send(w, admin, "POST", `${UNITS}/import`, lower);
    const kinds = await sql<{
      kind: string;
    }>`select distinct kind from units where lower(kind) = 'dinas pendidikan'`.execute(w.db);
    expect(kinds.rows).toEqual([{ kind: "Dinas Pendidikan" }]);
  });

  it("exports units and loci in the import columns; the export re-imports unchanged", async () => {
    // A fresh office: the shared world's units carry test names that repeat within a pemda.
    await sql`insert into offices (id, name) values ('kaltim', 'Kaltim')`.execute(w.db);
    const kaltim = await addPerson(w, "admin-kaltim", "admin", "kaltim");
    const base = "/offices/kaltim/master-data";
    await send(
      w,
      kaltim,
      "POST",
      `${base}/loci/import`,
      csv("kode,nama,jenis\n64.71,Kota Balikpapan,kota\n"),
    );
    const units = csv(
      "kode_lokus,nama_unit,jenis_unit,alamat,produk\n" +
        '6471,"Dinas Kesehatan, Balikpapan",Dinkes,"Jl. A; No. 1","=SUM(1); Izin | Surat"\n' +
        "6471,Puskesmas Klandasan Ilir,Puskesmas,,\n",
    );
    expect((await send(w, kaltim, "POST", `${base}/units/import`, units)).body.report.created).toBe(2);
    for (const [entity, format] of [
      ["units", "csv"],
      ["units", "xlsx"],
      ["loci", "xlsx"],
      ["loci", "csv"],
    ] as const) {
      const file = await send(w, kaltim, "GET", `${base}/${entity}/export?format=${format}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-disposition")).toContain(`kaltim-${entity}.${format}`);
      const read = await readSpreadsheet(file.bytes);
      expect(read.problems).toEqual([]);
      const back = await send(w, kaltim, "POST", `${base}/${entity}/import`, new Uint8Array(file.bytes));
      expect(back.body.report).toMatchObject({
        created: 0,
        changed: 0,
        unchanged: entity === "units" ? 2 : 1,
      });
    }
    const text = await send(w, kaltim, "GET", `${base}/units/export?format=csv`);
    expect(
      new TextDecoder("utf-8", { ignoreBOM: true }).decode(text.bytes).split("\r\n").slice(0, 2),
    ).toEqual([
      "\uFEFFkode_lokus,nama_unit,jenis_unit,alamat,produk",
      '6471,"Dinas Kesehatan, Balikpapan",Dinkes,"Jl. A; No. 1","\'=SUM(1); Izin; Surat"',
    ]);
  });
});

describe("users", () => {
  it("creates accounts with one-time passwords returned once; a re-import creates none", async () => {
    const file = csv("username,nama,peran\nrina,Rina Wati,penilai\nbayu,Bayu Aji,Pengawas\n");
    const r = await send(w, admin, "POST", `${USERS}/import`, file);
    expect(r.status).toBe(200);
    const creds = r.body.report.credentials as { username: string; password: string; role: string }[];
    expect(creds.map((c) => [c.username, c.role])).toEqual([
      ["rina", "assessor"],
      ["bayu", "supervisor"],
    ]);
    const row = await sql<{
      password_hash: string;
    }>`select password_hash from users where username = 'rina'`.execute(w.db);
    expect(await verifyPassword(creds[0]?.password ?? "", row.rows[0]?.password_hash ?? "")).toBe(true);
    const again = await send(w, admin, "POST", `${USERS}/import`, file);
    expect(again.body.report).toMatchObject({ created: 0, unchanged: 2 });
    expect(again.body.report.credentials).toEqual([]);
  });

  it("refuses a username of another office, an unknown role, and the importer's own demotion", async () => {
    const r = await send(
      w,
      admin,
      "POST",
      `${USERS}/import`,
      csv("username,nama,peran\na3,X,penilai\nnew1,Y,ketua\nadmin,Admin,assessor\n"),
    );
    expect(r.status).toBe(422);
    expect(
      (r.body.error.details.problems as { code: string; at: { row: number; column: string } }[]).map((p) => [
        p.code,
        p.at.row,
        p.at.column,
      ]),
    ).toEqual([
      ["duplicate", 2, "A"],
      ["invalid_value", 3, "C"],
      ["invalid_value", 4, "C"],
    ]);
  });
});

describe("a national file", () => {
  it("imports 10,000 loci in one transaction and reports the time", async () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `L${String(i).padStart(5, "0")},Lembaga ${i},lembaga`,
    );
    const file = csv(`kode,nama,jenis\n${rows.join("\n")}\n`);
    const before = await count(w, "pemda");
    const r = await send(w, admin, "POST", `${LOCI}/import`, file);
    expect(r.body.report).toMatchObject({ applied: true, created: 10_000 });
    console.log(
      `10,000-row loci import (${process.env.PATUH_TEST_DB ?? "pglite"}): ${r.body.report.elapsedMs} ms`,
    );
    expect(await count(w, "pemda")).toBe(before + 10_000);
    // One bad row among 10,000: none of the others is written.
    const bad = csv(
      `kode,nama,jenis\n${rows
        .map((x) => x.replace(",lembaga", ",lembaga-baru"))
        .slice(0, 1)
        .join("")}\n${rows
        .slice(1)
        .map((x) => x.replace("Lembaga", "Lembaga Baru"))
        .join("\n")}\n`,
    );
    const refused = await send(w, admin, "POST", `${LOCI}/import`, bad);
    expect(refused.status).toBe(422);
    const renamed = await sql<{
      n: string;
    }>`select count(*) as n from pemda where name like 'Lembaga Baru%'`.execute(w.db);
    expect(Number(renamed.rows[0]?.n)).toBe(0);
  });
});
