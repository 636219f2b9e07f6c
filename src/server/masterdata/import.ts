/**
 * runImport: one master-data file, read, mapped, validated as a whole and — only when nothing is
 * wrong and it is not a dry run — written in ONE transaction with its history. Invariant: a file
 * with any problem writes nothing; re-importing the same file changes nothing.
 */

import { isUniqueViolation } from "../admin/guard";
import type { Db } from "../db/connection";
import { problem } from "../http/problems";
import { mapSheet, pickSheet, readSpreadsheet, type SheetProblem } from "../spreadsheet";
import { type Entity, LOCI_COLUMNS, SHEET_NAMES, UNIT_COLUMNS, USER_COLUMNS } from "./columns";
import { type HistoryEntry, recordHistory } from "./history";
import { applyLoci, planLoci } from "./loci";
import { type Credential, type ImportReport, type Planned, PREVIEW_LIMIT, PROBLEM_LIMIT } from "./report";
import { applyUnits, planUnits } from "./units";
import { applyUsers, passwordsFor, planUsers } from "./users";

export interface ImportRequest {
  entity: Entity;
  officeId: string;
  bytes: Uint8Array;
  dryRun: boolean;
  actorId: string | null;
  source: "import" | "cli";
  maxBytes?: number;
}

class Invalid extends Error {}

export async function runImport(db: Db, req: ImportRequest): Promise<ImportReport> {
  const started = performance.now();
  const report: ImportReport = {
    entity: req.entity,
    dryRun: req.dryRun,
    applied: false,
    format: null,
    sheet: null,
    rows: 0,
    created: 0,
    changed: 0,
    unchanged: 0,
    problems: [],
    preview: [],
    elapsedMs: 0,
  };
  const done = (problems: SheetProblem[]) => {
    report.problems = problems.slice(0, PROBLEM_LIMIT);
    report.elapsedMs = Math.round(performance.now() - started);
    return report;
  };
  const read = await readSpreadsheet(req.bytes, req.maxBytes ? { maxBytes: req.maxBytes } : {});
  report.format = read.format;
  if (read.problems.length > 0) return done(read.problems);
  const sheet = pickSheet(read, SHEET_NAMES[req.entity]);
  if (!sheet) return done([{ code: "file_empty", message: "The file holds no rows." }]);
  report.sheet = sheet.name;
  const mappedLoci = req.entity === "loci" ? mapSheet(sheet, LOCI_COLUMNS) : null;
  const mappedUnits = req.entity === "units" ? mapSheet(sheet, UNIT_COLUMNS) : null;
  const mappedUsers = req.entity === "users" ? mapSheet(sheet, USER_COLUMNS) : null;
  const mapped = mappedLoci ?? mappedUnits ?? mappedUsers;
  if (!mapped) throw new Error(`unknown entity ${req.entity}`);
  report.rows = mapped.rows.length;
  if (mapped.problems.length > 0) return done(mapped.problems);

  const count = (items: readonly Planned<unknown>[]) => {
    for (const i of items) {
      if (i.action === "create") report.created++;
      else if (i.action === "update") report.changed++;
      else report.unchanged++;
      if (i.action !== "unchanged" && report.preview.length < PREVIEW_LIMIT) {
        report.preview.push({ sheet: i.sheet, row: i.row, key: i.key, action: i.action, fields: i.fields });
      }
    }
  };

  // Users: plan first outside the transaction to hash the new accounts' passwords (scrypt is
  // slow and needs no lock); the plan is made again inside and must need no other password.
  let passwords = new Map<string, { password: string; hash: string }>();
  if (mappedUsers && !req.dryRun) {
    const pre = await planUsers(db, req.officeId, req.actorId, mappedUsers);
    if (pre.problems.length === 0) passwords = await passwordsFor(pre.items);
  }
  let problems: SheetProblem[] = [];
  let credentials: Credential[] | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      let history: HistoryEntry[] = [];
      if (mappedLoci) {
        const plan = await planLoci(trx, req.officeId, mappedLoci);
        problems = plan.problems;
        count(plan.items);
        if (problems.length > 0 || req.dryRun) throw new Invalid();
        history = await applyLoci(trx, req.officeId, plan.items);
      } else if (mappedUnits) {
        const plan = await planUnits(trx, req.officeId, mappedUnits);
        problems = plan.problems;
        count(plan.items);
        if (problems.length > 0 || req.dryRun) throw new Invalid();
        history = await applyUnits(trx, plan.items);
      } else if (mappedUsers) {
        const plan = await planUsers(trx, req.officeId, req.actorId, mappedUsers);
        problems = plan.problems;
        count(plan.items);
        if (problems.length > 0 || req.dryRun) throw new Invalid();
        const r = await applyUsers(trx, req.officeId, plan.items, passwords);
        history = r.history;
        credentials = r.credentials;
      }
      await recordHistory(trx, req.officeId, req.actorId, req.source, history);
    });
    report.applied = true;
    if (credentials) report.credentials = credentials;
  } catch (e) {
    if (e instanceof Invalid) return done(problems);
    // Another import of the same office won a race for the same code: nothing was written.
    if (isUniqueViolation(e))
      throw problem("conflict", { reason: "a concurrent import changed the same rows" });
    throw e;
  }
  return done([]);
}
