/**
 * Periods for the admin: list (every office), create, change (name, status, instrument, scheme).
 * Invariants: a period references an existing office, instrument version and scheme (checked with
 * the path of the wrong field, 400 invalid_reference); its instrument and scheme change only while
 * no assessment exists in it (scores would otherwise mix versions); closing is final — a closed
 * period is never reopened and keeps its instrument and scheme, so its results stay as published.
 * Sync push refuses mutations in a period that is not open (period_closed), so closing stops edits.
 * An office holds one period per year and name (case and spaces ignored; unique index of migration
 * 005): a second one, created or renamed into place, is 409 period_exists and nothing changes.
 * Closing freezes the names of the sampled loci and units (masterdata/period-names.ts).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db/connection";
import { findInstrument } from "../db/queries/instruments";
import { findOffice } from "../db/queries/offices";
import {
  countAssessmentsInPeriod,
  findPeriodForUpdate,
  insertPeriodReturning,
  listPeriodsForAdmin,
  type PeriodRow,
  updatePeriod as updatePeriodRow,
} from "../db/queries/periods";
import { problem } from "../http/problems";
import { freezePeriodNames } from "../masterdata/period-names";
import { isUniqueViolation } from "./guard";
import { ensureSchemeStored } from "./schemes";

export interface AdminPeriod {
  id: string;
  officeId: string;
  officeName: string;
  year: number;
  name: string;
  instrumentId: string;
  instrumentVersion: number;
  schemeId: string;
  status: "open" | "closed";
  assignmentCount: number;
  assessmentCount: number;
}

export async function listPeriods(db: Db, filter: { officeId?: string }): Promise<AdminPeriod[]> {
  return (await listPeriodsForAdmin(db, filter)).map((p) => toAdminPeriod(p, p));
}

function toAdminPeriod(
  p: PeriodRow,
  extra: { officeName: string; assignmentCount: number; assessmentCount: number },
): AdminPeriod {
  return {
    id: p.id,
    officeId: p.office_id,
    officeName: extra.officeName,
    year: p.year,
    name: p.name,
    instrumentId: p.instrument_id,
    instrumentVersion: p.instrument_version,
    schemeId: p.scheme_id,
    status: p.status,
    assignmentCount: extra.assignmentCount,
    assessmentCount: extra.assessmentCount,
  };
}

async function reread(db: Db, id: string): Promise<AdminPeriod> {
  const row = (await listPeriodsForAdmin(db)).find((p) => p.id === id);
  if (!row) throw problem("not_found");
  return toAdminPeriod(row, row);
}

async function checkInstrument(db: Db, id: string, version: number): Promise<void> {
  if (!(await findInstrument(db, id, version))) {
    throw problem("invalid_reference", {
      path: "instrumentVersion",
      instrumentId: id,
      instrumentVersion: version,
    });
  }
}

async function checkScheme(db: Db, id: string): Promise<void> {
  if (!(await ensureSchemeStored(db, id)))
    throw problem("invalid_reference", { path: "schemeId", schemeId: id });
}

export interface NewPeriodInput {
  officeId: string;
  year: number;
  name: string;
  instrumentId: string;
  instrumentVersion: number;
  schemeId: string;
}

/** The unique index decides (two admins at once get one period); its violation is said in words. */
async function refuseDuplicate<T>(
  work: Promise<T>,
  key: { officeId?: string; year?: number; name?: string },
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error)) throw problem("period_exists", { path: "name", ...key });
    throw error;
  }
}

export async function createPeriod(db: Db, input: NewPeriodInput): Promise<AdminPeriod> {
  const key = { officeId: input.officeId, year: input.year, name: input.name };
  return refuseDuplicate(createPeriodRow(db, input), key);
}

async function createPeriodRow(db: Db, input: NewPeriodInput): Promise<AdminPeriod> {
  return db.transaction().execute(async (trx) => {
    if (!(await findOffice(trx, input.officeId))) {
      throw problem("invalid_reference", { path: "officeId", officeId: input.officeId });
    }
    await checkInstrument(trx, input.instrumentId, input.instrumentVersion);
    await checkScheme(trx, input.schemeId);
    const row = await insertPeriodReturning(trx, {
      id: randomUUID(),
      office_id: input.officeId,
      year: input.year,
      name: input.name,
      instrument_id: input.instrumentId,
      instrument_version: input.instrumentVersion,
      scheme_id: input.schemeId,
      status: "open",
    });
    return reread(trx, row.id);
  });
}

export interface PeriodPatch {
  name?: string;
  status?: "open" | "closed";
  instrumentId?: string;
  instrumentVersion?: number;
  schemeId?: string;
}

export async function updatePeriod(db: Db, id: string, patch: PeriodPatch): Promise<AdminPeriod> {
  return refuseDuplicate(
    updatePeriodInTransaction(db, id, patch),
    patch.name === undefined ? {} : { name: patch.name },
  );
}

async function updatePeriodInTransaction(db: Db, id: string, patch: PeriodPatch): Promise<AdminPeriod> {
  return db.transaction().execute(async (trx) => {
    const current = await findPeriodForUpdate(trx, id);
    if (!current) throw problem("not_found");
    const instrumentId = patch.instrumentId ?? current.instrument_id;
    const instrumentVersion = patch.instrumentVersion ?? current.instrument_version;
    const schemeId = patch.schemeId ?? current.scheme_id;
    const instrumentChanges =
      instrumentId !== current.instrument_id || instrumentVersion !== current.instrument_version;
    const schemeChanges = schemeId !== current.scheme_id;
    if (current.status === "closed") {
      if (patch.status === "open") throw problem("period_closed", { path: "status", periodId: id });
      if (instrumentChanges || schemeChanges) {
        throw problem("period_closed", {
          path: instrumentChanges ? "instrumentId" : "schemeId",
          periodId: id,
        });
      }
    }
    if (instrumentChanges || schemeChanges) {
      const assessments = await countAssessmentsInPeriod(trx, id);
      if (assessments > 0) {
        throw problem("period_has_assessments", {
          path: instrumentChanges ? "instrumentId" : "schemeId",
          assessmentCount: assessments,
        });
      }
      if (instrumentChanges) await checkInstrument(trx, instrumentId, instrumentVersion);
      if (schemeChanges) await checkScheme(trx, schemeId);
    }
    await updatePeriodRow(trx, id, {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.status === undefined ? {} : { status: patch.status }),
      ...(instrumentChanges ? { instrument_id: instrumentId, instrument_version: instrumentVersion } : {}),
      ...(schemeChanges ? { scheme_id: schemeId } : {}),
    });
    // Published names: what the results of this period will show from now on.
    if (patch.status === "closed" && current.status !== "closed") await freezePeriodNames(trx, id);
    return reread(trx, id);
  });
}
