/**
 * `patuh instrument import FILE.xlsx [--out FILE.json] [--store]`, `patuh instrument export
 * SOURCE OUT.xlsx` (SOURCE: an instrument JSON file, or ID@VERSION stored in the database) and
 * `patuh instrument template OUT.xlsx` — instruments authored in a spreadsheet (instrument-sheets/).
 * Import prints every problem with its sheet!cell and writes nothing when there is one.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseInstrument } from "../../domain/index";
import { uploadInstrument } from "../admin/instruments";
import { Problem } from "../http/problems";
import { instrumentXlsx, templateXlsx } from "../instrument-sheets/export";
import { importInstrumentXlsx } from "../instrument-sheets/import";
import { formatAddress } from "../spreadsheet";
import { InstrumentCache } from "../sync/instrument-cache";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseCommandArgs, readJsonFile } from "./cli-io";
import { withDb } from "./db-commands";
import type { ServerCliIo } from "./server-io";

const USAGE_IMPORT = "usage: patuh instrument import FILE.xlsx [--out FILE.json] [--store]";
const USAGE_EXPORT = "usage: patuh instrument export FILE.json|ID@VERSION OUT.xlsx";
const USAGE_TEMPLATE = "usage: patuh instrument template OUT.xlsx";

export async function instrumentImportCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseCommandArgs(args, ["out"], ["store"], USAGE_IMPORT, io);
  if (typeof parsed === "number") return parsed;
  const [file, ...extra] = parsed.positional;
  if (file === undefined || extra.length > 0) {
    io.err(USAGE_IMPORT);
    return EXIT_USAGE;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, file));
  } catch (e) {
    io.err(`patuh: cannot read ${file} (${e instanceof Error ? e.message : String(e)})`);
    return EXIT_INVALID;
  }
  const result = await importInstrumentXlsx(bytes);
  if (!result.ok) {
    io.err(`patuh: ${file}: ${result.problems.length} problem(s); nothing was written`);
    for (const p of result.problems)
      io.err(
        `  ${p.at ? `${formatAddress(p.at)}: ` : p.sheet ? `${p.sheet}: ` : ""}${p.message.replace(/^\S+!\S+: /, "")}`,
      );
    return EXIT_INVALID;
  }
  const text = `${JSON.stringify(result.json, null, 2)}\n`;
  const out = parsed.options.get("out");
  if (out !== undefined) await writeFile(resolve(io.cwd, out), text);
  else if (!parsed.flags.has("store")) io.out(text.trimEnd());
  const key = `${result.instrument.id}@${result.instrument.version}`;
  if (out !== undefined) io.out(`patuh: ${key} written to ${out}`);
  if (!parsed.flags.has("store")) return EXIT_OK;
  return withDb(io, async ({ db }) => {
    try {
      const stored = await uploadInstrument(db, result.json);
      io.out(`patuh: ${key} ${stored.created ? "stored" : "already stored, identical"}`);
      return EXIT_OK;
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      io.err(`patuh: ${key} not stored: ${e.message} ${JSON.stringify(e.details ?? {})}`);
      return EXIT_INVALID;
    }
  });
}

export async function instrumentExportCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseCommandArgs(args, [], [], USAGE_EXPORT, io);
  if (typeof parsed === "number") return parsed;
  const [source, out, ...extra] = parsed.positional;
  if (source === undefined || out === undefined || extra.length > 0) {
    io.err(USAGE_EXPORT);
    return EXIT_USAGE;
  }
  const stored = /^([A-Za-z0-9._-]+)@([1-9][0-9]*)$/.exec(source);
  if (stored !== null && !source.endsWith(".json")) {
    return withDb(io, async ({ db }) => {
      const instrument = await new InstrumentCache().get(db, stored[1] ?? "", Number(stored[2]));
      if (instrument === undefined) {
        io.err(`patuh: no stored instrument ${source}`);
        return EXIT_INVALID;
      }
      await writeFile(resolve(io.cwd, out), await instrumentXlsx(instrument));
      io.out(`patuh: ${source} written to ${out}`);
      return EXIT_OK;
    });
  }
  const read = await readJsonFile(resolve(io.cwd, source));
  if (!read.ok) {
    io.err(read.message);
    return EXIT_INVALID;
  }
  const result = parseInstrument(read.json);
  if (!result.ok) {
    io.err(`patuh: ${source}: invalid instrument (check it with: patuh instrument check ${source})`);
    return EXIT_INVALID;
  }
  await writeFile(resolve(io.cwd, out), await instrumentXlsx(result.instrument));
  io.out(`patuh: ${result.instrument.id}@${result.instrument.version} written to ${out}`);
  return EXIT_OK;
}

export async function instrumentTemplateCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseCommandArgs(args, [], [], USAGE_TEMPLATE, io);
  if (typeof parsed === "number") return parsed;
  const [out, ...extra] = parsed.positional;
  if (out === undefined || extra.length > 0) {
    io.err(USAGE_TEMPLATE);
    return EXIT_USAGE;
  }
  await writeFile(resolve(io.cwd, out), await templateXlsx());
  io.out(`patuh: template written to ${out}`);
  return EXIT_OK;
}
