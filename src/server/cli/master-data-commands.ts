/**
 * `patuh import loci|units|users FILE [--office O] [--dry-run] [--passwords OUT]` and
 * `patuh export loci|units|users FILE [--office O]` (FILE `-`: CSV on standard output; a FILE
 * ending in .xlsx is a workbook, anything else CSV). The same checks as the admin screens and the
 * HTTP API (src/server/masterdata). One-time passwords of imported users go to a file readable by
 * its owner only, never to the terminal or a log.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Db } from "../db/connection";
import { ENTITIES, type Entity } from "../masterdata/columns";
import { exportSheet } from "../masterdata/export";
import { runImport } from "../masterdata/import";
import { formatAddress, writeCsv, writeSpreadsheet } from "../spreadsheet";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseArgs } from "./cli-io";
import { withDb } from "./db-commands";
import type { ServerCliIo } from "./server-io";

const USAGE_IMPORT = "usage: patuh import loci|units|users FILE [--office O] [--dry-run] [--passwords OUT]";
const USAGE_EXPORT = "usage: patuh export loci|units|users FILE [--office O]   (FILE - : CSV on stdout)";

/** --office, or the only office of the database. */
async function officeOf(db: Db, given: string | undefined, io: ServerCliIo): Promise<string | null> {
  const offices = await db.selectFrom("offices").select("id").orderBy("id").execute();
  if (given) {
    if (offices.some((o) => o.id === given)) return given;
    io.err(`patuh: no office "${given}"`);
    return null;
  }
  if (offices.length === 1 && offices[0]) return offices[0].id;
  io.err(
    offices.length === 0
      ? "patuh: no office yet; create the first admin with: patuh user add --username U --name N --role admin --office OFFICE_ID"
      : `patuh: several offices (${offices.map((o) => o.id).join(", ")}); choose one with --office`,
  );
  return null;
}

function entityArg(value: string | undefined): Entity | null {
  return value !== undefined && (ENTITIES as readonly string[]).includes(value) ? (value as Entity) : null;
}

export async function importCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseArgs(args, ["office", "passwords"], ["dry-run"]);
  const entity = parsed.ok ? entityArg(parsed.positional[0]) : null;
  const file = parsed.ok ? parsed.positional[1] : undefined;
  if (!parsed.ok || !entity || !file || parsed.positional.length !== 2) {
    io.err(parsed.ok ? USAGE_IMPORT : `patuh: ${parsed.message}\n${USAGE_IMPORT}`);
    return EXIT_USAGE;
  }
  let bytes: Uint8Array;
  try {
    bytes =
      file === "-" ? new TextEncoder().encode(await io.readStdin()) : await readFile(resolve(io.cwd, file));
  } catch (e) {
    io.err(`patuh: cannot read ${file} (${e instanceof Error ? e.message : String(e)})`);
    return EXIT_INVALID;
  }
  const dryRun = parsed.flags.has("dry-run");
  return withDb(io, async ({ db }) => {
    const officeId = await officeOf(db, parsed.options.get("office"), io);
    if (!officeId) return EXIT_USAGE;
    const r = await runImport(db, { entity, officeId, bytes, dryRun, actorId: null, source: "cli" });
    const what = `${r.rows} rows: ${r.created} new, ${r.changed} changed, ${r.unchanged} unchanged`;
    if (r.problems.length > 0) {
      io.err(`patuh: ${file}: ${r.problems.length} problem(s); nothing was written`);
      for (const p of r.problems)
        io.err(`  ${p.at ? `${formatAddress(p.at)}: ` : ""}${p.message.replace(/^\S+!\S+: /, "")}`);
      return EXIT_INVALID;
    }
    for (const c of r.preview)
      io.out(
        `  ${c.action === "create" ? "+" : "~"} ${c.key}${c.fields.length ? ` (${c.fields.join(", ")})` : ""}`,
      );
    io.out(
      `patuh: ${entity} of ${officeId}: ${what}${dryRun ? " (dry run: nothing written)" : ""} in ${r.elapsedMs} ms`,
    );
    if (r.credentials && r.credentials.length > 0) {
      const out = resolve(
        io.cwd,
        parsed.options.get("passwords") ?? `patuh-passwords-${officeId}-${Date.now()}.csv`,
      );
      const sheet = {
        name: "Kata sandi",
        columns: [
          { header: "username" },
          { header: "nama" },
          { header: "peran" },
          { header: "kata_sandi_sekali_pakai" },
        ],
        rows: r.credentials.map((c) => [c.username, c.name, c.role, c.password]),
      };
      await writeFile(out, writeCsv(sheet), { mode: 0o600 });
      io.out(
        `patuh: one-time passwords of ${r.credentials.length} new account(s) written to ${out} (readable by you only)`,
      );
    }
    return EXIT_OK;
  });
}

export async function exportCommand(args: string[], io: ServerCliIo): Promise<number> {
  const parsed = parseArgs(args, ["office"]);
  const entity = parsed.ok ? entityArg(parsed.positional[0]) : null;
  const file = parsed.ok ? parsed.positional[1] : undefined;
  if (!parsed.ok || !entity || !file || parsed.positional.length !== 2) {
    io.err(parsed.ok ? USAGE_EXPORT : `patuh: ${parsed.message}\n${USAGE_EXPORT}`);
    return EXIT_USAGE;
  }
  return withDb(io, async ({ db }) => {
    const officeId = await officeOf(db, parsed.options.get("office"), io);
    if (!officeId) return EXIT_USAGE;
    const sheet = await exportSheet(db, entity, officeId);
    if (file === "-") {
      io.out(
        new TextDecoder("utf-8", { ignoreBOM: true })
          .decode(writeCsv(sheet))
          .replace(/^\uFEFF/, "")
          .replace(/\r\n$/, ""),
      );
      return EXIT_OK;
    }
    const format = file.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
    await writeFile(resolve(io.cwd, file), await writeSpreadsheet(format, [sheet]));
    io.err(`patuh: ${entity} of ${officeId} written to ${file}`);
    return EXIT_OK;
  });
}
