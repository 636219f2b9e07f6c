/**
 * `patuh locus-data import FILE --period P [--dry-run]` and `patuh locus-data export FILE --period P`
 * (FILE .xlsx: both sheets; anything else CSV of the secondary values, or with --sheet oversight the
 * follow-ups). The same checks as the API (locusdata/): every problem with its cell, all or nothing.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { exportLocusData } from "../locusdata/export";
import { importLocusData } from "../locusdata/import";
import { findPeriodInfo } from "../results/period-results";
import { formatAddress } from "../spreadsheet";
import { InstrumentCache } from "../sync/instrument-cache";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseCommandArgs } from "./cli-io";
import { withDb } from "./db-commands";
import type { ServerCliIo } from "./server-io";

const USAGE =
  "usage: patuh locus-data import|export FILE --period PERIOD_ID [--dry-run] [--sheet secondary|oversight]";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function locusDataCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseCommandArgs(args, ["period", "sheet"], ["dry-run"], USAGE, io);
  if (typeof parsed === "number") return parsed;
  const [action, file, ...extra] = parsed.positional;
  const periodId = parsed.options.get("period") ?? "";
  const sheet = parsed.options.get("sheet") ?? "secondary";
  if (
    (action !== "import" && action !== "export") ||
    file === undefined ||
    extra.length > 0 ||
    !UUID.test(periodId)
  ) {
    io.err(USAGE);
    return EXIT_USAGE;
  }
  if (sheet !== "secondary" && sheet !== "oversight") {
    io.err(USAGE);
    return EXIT_USAGE;
  }
  let bytes: Uint8Array | null = null;
  if (action === "import") {
    try {
      bytes = await readFile(resolve(io.cwd, file));
    } catch (e) {
      io.err(`patuh: cannot read ${file} (${e instanceof Error ? e.message : String(e)})`);
      return EXIT_INVALID;
    }
  }
  return withDb(io, async ({ db }) => {
    const period = await findPeriodInfo(db, periodId.toLowerCase());
    if (period === undefined) {
      io.err(`patuh: no period ${periodId}`);
      return EXIT_INVALID;
    }
    const instruments = new InstrumentCache();
    if (bytes === null) {
      const format = file.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
      await writeFile(resolve(io.cwd, file), await exportLocusData(db, instruments, period, format, sheet));
      io.out(`patuh: locus data of ${period.name} ${period.year} written to ${file}`);
      return EXIT_OK;
    }
    const dryRun = parsed.flags.has("dry-run");
    const r = await importLocusData(db, instruments, period, bytes, { dryRun, actorId: null });
    if (r.problems.length > 0) {
      io.err(`patuh: ${file}: ${r.problems.length} problem(s); nothing was written`);
      for (const p of r.problems)
        io.err(`  ${p.at ? `${formatAddress(p.at)}: ` : ""}${p.message.replace(/^\S+!\S+: /, "")}`);
      return EXIT_INVALID;
    }
    io.out(
      `patuh: ${r.rows} rows; secondary values of ${r.secondaryLoci} loci, follow-ups of ${r.oversightLoci} loci; ` +
        `${r.changedLoci} loci changed${dryRun ? " (dry run: nothing written)" : ""} in ${r.elapsedMs} ms`,
    );
    return EXIT_OK;
  });
}
