// Master-data import at national size against a real PostgreSQL: 550 pemda × 7 units × 5 products
// from XLSX (issue #17): the loci workbook, then the units workbook (3,850 rows, products in one
// cell), each read, validated and written in one transaction, plus a re-import that changes
// nothing. PATUH_BENCH_MASTER_PEMDA scales it down for a quick check.
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { runImport } from "../src/server/masterdata/import";
import { writeXlsx } from "../src/server/spreadsheet";
import { withBenchDatabase } from "./server-support";
import type { BenchResult } from "./support";

export async function benchMasterData(databaseUrl: string): Promise<BenchResult<number | string>[]> {
  const pemda = Number(process.env.PATUH_BENCH_MASTER_PEMDA ?? 550);
  const UNITS = 7;
  const PRODUCTS = 5;
  return withBenchDatabase(databaseUrl, "master", async (db) => {
    await sql`insert into offices (id, name) values ('nat', 'National')`.execute(db);
    const codes = Array.from(
      { length: pemda },
      (_, i) => `${String(11 + Math.floor(i / 99)).padStart(2, "0")}${String((i % 99) + 1).padStart(2, "0")}`,
    );
    const loci = await writeXlsx([
      {
        name: "Lokus",
        columns: [{ header: "kode" }, { header: "nama" }, { header: "jenis" }],
        rows: codes.map((c, i) => [c, `Kabupaten ${i + 1}`, "kabupaten"]),
      },
    ]);
    const units = await writeXlsx([
      {
        name: "Unit",
        columns: ["kode_lokus", "nama_unit", "jenis_unit", "alamat", "produk"].map((header) => ({ header })),
        rows: codes.flatMap((c) =>
          Array.from({ length: UNITS }, (_, u) => [
            c,
            `Unit ${u + 1} ${c}`,
            `Jenis ${u + 1}`,
            `Jl. Contoh No. ${u + 1}`,
            Array.from({ length: PRODUCTS }, (_, p) => `Produk ${p + 1}`).join("; "),
          ]),
        ),
      },
    ]);
    const run = async (entity: "loci" | "units", bytes: Uint8Array) => {
      const started = performance.now();
      const r = await runImport(db, {
        entity,
        officeId: "nat",
        bytes,
        dryRun: false,
        actorId: null,
        source: "cli",
      });
      if (r.problems.length > 0) throw new Error(`${entity}: ${r.problems[0]?.message}`);
      return { ms: Math.round(performance.now() - started), report: r };
    };
    const l = await run("loci", loci);
    const u = await run("units", units);
    const again = await run("units", units);
    if (u.report.created !== pemda * UNITS || again.report.unchanged !== pemda * UNITS)
      throw new Error("bad counts");
    return [
      { name: `import ${pemda} loci from XLSX`, value: l.ms, unit: "ms" },
      {
        name: `import ${pemda * UNITS} units × ${PRODUCTS} products from XLSX`,
        value: u.ms,
        unit: "ms",
        target: "≤ 30 s",
      },
      { name: "re-import of the same units file (nothing changes)", value: again.ms, unit: "ms" },
      { name: "units XLSX size", value: Math.round(units.length / 1024), unit: "KiB" },
    ];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.PATUH_BENCH_DATABASE_URL;
  if (!url) throw new Error("set PATUH_BENCH_DATABASE_URL to an admin URL of a throwaway cluster");
  for (const r of await benchMasterData(url))
    console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ""}`);
}
