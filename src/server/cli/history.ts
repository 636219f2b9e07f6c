/**
 * `patuh import history FILE [--office O] [--dry-run]` and `patuh export history FILE [--office O]`
 * (FILE `-` = standard output, CSV): published results of earlier rounds, in the rows
 * `tahun,kode_lokus,nama,nilai,skema[,kategori_terbit,peringkat]` (history/import-history.ts).
 * Import is all or nothing: with any row error nothing is written and every error is printed with
 * its cell; disagreeing published categories are printed as warnings and kept as published.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { sql } from "kysely";
import type { Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { openConfiguredDatabase } from "../db/open";
import { exportHistorySheet } from "../history/export-history";
import { importHistory } from "../history/import-history";
import { writeSpreadsheet } from "../spreadsheet/index";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseCommandArgs } from "./cli-io";
import { loadConfigOrReport, type ServerCliIo } from "./server-io";

const IMPORT_USAGE = "usage: patuh import history FILE.csv|FILE.xlsx [--office OFFICE_ID] [--dry-run]";
const EXPORT_USAGE = "usage: patuh export history FILE.csv|FILE.xlsx|- [--office OFFICE_ID]";

async function withDb(io: ServerCliIo, fn: (db: Db) => Promise<number>): Promise<number> {
  const config = loadConfigOrReport(io);
  if (config === null) return EXIT_USAGE;
  const handle = await openConfiguredDatabase(config);
  try {
    await migrate(handle.db);
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

export async function importHistoryCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseCommandArgs(args, ["office"], ["dry-run"], IMPORT_USAGE, io);
  if (typeof parsed === "number") return parsed;
  const [file, ...extra] = parsed.positional;
  if (file === undefined || extra.length > 0) {
    io.err(IMPORT_USAGE);
    return EXIT_USAGE;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (e) {
    io.err(`patuh: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_INVALID;
  }
  const officeId = parsed.options.get("office") ?? null;
  const dryRun = parsed.flags.has("dry-run");
  return withDb(io, async (db) => {
    const report = await importHistory(db, bytes, { officeId, importedBy: null, dryRun });
    // Problems carry their cell ("CSV!D7: …") in the message already.
    for (const w of report.warnings) io.err(`peringatan: ${w.message}`);
    for (const e of report.errors) io.err(`galat: ${e.message}`);
    if (report.errors.length > 0) {
      io.err(`patuh: ${report.errors.length} galat; tidak ada baris yang disimpan`);
      return EXIT_INVALID;
    }
    io.out(
      dryRun
        ? `patuh: ${report.rows} baris terbaca, tidak ada galat (uji coba, tidak disimpan); ${report.warnings.length} peringatan`
        : `patuh: ${report.imported} baris riwayat disimpan; ${report.warnings.length} peringatan`,
    );
    return EXIT_OK;
  });
}

export async function exportHistoryCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseCommandArgs(args, ["office"], [], EXPORT_USAGE, io);
  if (typeof parsed === "number") return parsed;
  const [file, ...extra] = parsed.positional;
  if (file === undefined || extra.length > 0) {
    io.err(EXPORT_USAGE);
    return EXIT_USAGE;
  }
  const format = file.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
  const officeId = parsed.options.get("office") ?? null;
  return withDb(io, async (db) => {
    if (officeId !== null) {
      const r = await sql`select 1 from offices where id = ${officeId}`.execute(db);
      if (r.rows.length === 0) {
        io.err(`patuh: office ${officeId} does not exist`);
        return EXIT_INVALID;
      }
    }
    const sheet = await exportHistorySheet(db, officeId);
    const bytes = await writeSpreadsheet(format, [sheet]);
    if (file === "-") {
      // Standard output gets the CSV text without the BOM a spreadsheet program wants.
      io.out(
        new TextDecoder()
          .decode(bytes)
          .replace(/^\uFEFF/, "")
          .replace(/\r\n$/, ""),
      );
      return EXIT_OK;
    }
    await writeFile(resolve(io.cwd, file), bytes);
    io.err(`patuh: riwayat ditulis ke ${file}`);
    return EXIT_OK;
  });
}
