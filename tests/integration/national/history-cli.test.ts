// `patuh import history` / `patuh export history` against a real database (PGlite data dir, or a
// PostgreSQL database): published results of earlier rounds for Kalimantan Barat, the predicate
// derived from each row's own scheme, a disagreeing published category reported and kept, and a
// file with any bad row writing nothing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/server/cli/main";
import type { ServerCliIo } from "../../../src/server/cli/server-io";
import { openPglite, openPostgres } from "../../../src/server/db/connection";
import {
  adoptHandle,
  createTestDb,
  preparePgliteDataDir,
  type TestDb,
  testDbKind,
} from "../../helpers/test-db";

const dir = mkdtempSync(join(tmpdir(), "patuh-history-"));
let env: NodeJS.ProcessEnv = {};
let open: () => Promise<TestDb>;
let dispose: () => Promise<void> = async () => undefined;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ServerCliIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env,
    cwd: dir,
    readStdin: async () => "",
    untilStopped: () => new Promise(() => undefined),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function rows(): Promise<
  { locus_code: string; year: number; score: number; published_category: string | null }[]
> {
  const t = await open();
  try {
    const r = await sql<{
      locus_code: string;
      year: number;
      score: number;
      published_category: string | null;
    }>`
      select locus_code, year, score, published_category from published_results order by locus_code, year`.execute(
      t.db,
    );
    return r.rows.map((x) => ({ ...x, score: Number(x.score) }));
  } finally {
    await t.close();
  }
}

beforeAll(async () => {
  if (testDbKind() === "postgres") {
    const t = await createTestDb();
    await t.handle.close();
    const url = t.url ?? "";
    env = { DATA_DIR: dir, DATABASE_URL: url };
    open = async () => adoptHandle(await openPostgres(url), url);
    dispose = () => t.close();
  } else {
    await preparePgliteDataDir(join(dir, "pglite"));
    env = { DATA_DIR: dir };
    open = async () => adoptHandle(await openPglite(join(dir, "pglite")));
  }
  const t = await open();
  await sql`insert into offices (id, name) values ('kalbar', 'Kalimantan Barat'), ('jatim', 'Jawa Timur')`.execute(
    t.db,
  );
  await sql`insert into pemda (office_id, code, name, kind) values ('kalbar', '61.71', 'Kota Pontianak', 'kota'),
            ('kalbar', '61.72', 'Kota Singkawang', 'kota')`.execute(t.db);
  await t.close();
}, 120_000);
afterAll(async () => {
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("patuh import history", () => {
  it("writes nothing when a row names an unknown scheme, and names the cell", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      "tahun,kode_lokus,nama,nilai,skema\n2021,61.71,Kota Pontianak,98.78,zona-2021\n2022,61.72,Kota Singkawang,75.78,opini-2099\n",
    );
    const r = await cli("import", "history", "bad.csv", "--office", "kalbar");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/CSV!E3: .*opini-2099/);
    expect(await rows()).toEqual([]);
  });

  it("imports published rows, reports a disagreeing category and keeps it as published", async () => {
    writeFileSync(
      join(dir, "kalbar.csv"),
      [
        "tahun;kode_lokus;nama;nilai;skema;kategori_terbit;peringkat",
        "2021;61.71;Kota Pontianak;98,78;zona-2021;Hijau;2",
        "2021;61.72;Kota Singkawang;68,34;zona-2021;Kuning;",
        "2022;61.72;Kota Singkawang;75,78;opini-2022;B;",
      ].join("\n"),
    );
    const r = await cli("import", "history", "kalbar.csv", "--office", "kalbar");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/3 baris/);
    expect(r.err).toMatch(/peringatan: CSV!F4: .*"B".*C – Kualitas Sedang/);
    expect(await rows()).toEqual([
      { locus_code: "61.71", year: 2021, score: 98.78, published_category: "Hijau" },
      { locus_code: "61.72", year: 2021, score: 68.34, published_category: "Kuning" },
      { locus_code: "61.72", year: 2022, score: 75.78, published_category: "B" },
    ]);
  });

  it("finds the office from master data without --office, and refuses a code nobody has", async () => {
    writeFileSync(
      join(dir, "more.csv"),
      "tahun,kode_lokus,nama,nilai,skema\n2023,61.71,Kota Pontianak,90.1,opini-2022\n",
    );
    expect((await cli("import", "history", "more.csv")).code).toBe(0);
    writeFileSync(
      join(dir, "unknown.csv"),
      "tahun,kode_lokus,nama,nilai,skema\n2023,99.99,Kota Entah,50,opini-2022\n",
    );
    const r = await cli("import", "history", "unknown.csv");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/CSV!B2: .*99\.99.*--office/);
  });

  it("exports the same rows with the derived predicate in words", async () => {
    const r = await cli("export", "history", "-", "--office", "kalbar");
    expect(r.code).toBe(0);
    const lines = r.out.split(/\r?\n/);
    expect(lines[0]).toBe("tahun,kode_lokus,nama,nilai,skema,kategori_terbit,peringkat,zona,kategori,opini");
    expect(lines).toContain(
      "2021,61.71,Kota Pontianak,98.78,zona-2021,Hijau,2,Zona Hijau,Hijau,Kepatuhan Tinggi",
    );
    expect(lines).toContain(
      "2021,61.72,Kota Singkawang,68.34,zona-2021,Kuning,,Zona Kuning,Kuning,Kepatuhan Sedang",
    );
    expect(lines).toContain("2022,61.72,Kota Singkawang,75.78,opini-2022,B,,Zona Kuning,C,Kualitas Sedang");
    // The exported file imports again unchanged.
    expect((await cli("export", "history", "again.xlsx", "--office", "kalbar")).code).toBe(0);
    const re = await cli("import", "history", "again.xlsx", "--office", "kalbar", "--dry-run");
    expect(re.code, re.err).toBe(0);
    expect(re.out).toMatch(/4 baris terbaca/);
    expect((await cli("export", "history", "-", "--office", "nowhere")).code).toBe(1);
  });
});
