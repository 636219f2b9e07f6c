/**
 * Instrument versions for the admin: list, read one, upload (validated by the domain parser), delete
 * an unused version.
 * Invariants: only what parseInstrument accepts is stored, exactly as uploaded; an id@version that
 * is stored is never silently replaced — an identical re-upload is a no-op (200), a different one
 * is 409 (`instrument_in_use` when a period or assessment uses it, else `already_exists`: delete
 * the unused version first). A used version can never change or disappear, so every score computed
 * with it stays reproducible.
 */
import type { LocalText, PathError } from "../../domain/common/validate";
import { parseInstrument } from "../../domain/instrument/parse-instrument";
import type { Db } from "../db/connection";
import {
  deleteInstrument,
  findInstrument,
  findInstrumentForUpdate,
  insertInstrument,
  isInstrumentInUse,
  listInstrumentVersions,
} from "../db/queries/instruments";
import { problem } from "../http/problems";
import { containsNul, isoOf, isUniqueViolation, NO_NUL_MESSAGE, sameJson } from "./guard";

export interface InstrumentSummary {
  id: string;
  version: number;
  title: LocalText;
  inUse: boolean;
  createdAt: string;
}

function titleOf(value: unknown): LocalText {
  if (typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string") {
    const v = value as { id: string; en?: unknown };
    return typeof v.en === "string" ? { id: v.id, en: v.en } : { id: v.id };
  }
  return { id: "" };
}

export async function listInstruments(db: Db): Promise<InstrumentSummary[]> {
  return (await listInstrumentVersions(db)).map((r) => ({
    id: r.id,
    version: r.version,
    title: titleOf(r.title),
    inUse: r.inUse,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function getInstrument(
  db: Db,
  id: string,
  version: number,
): Promise<InstrumentSummary & { definition: unknown }> {
  const summary = (await listInstruments(db)).find((i) => i.id === id && i.version === version);
  if (!summary) throw problem("not_found");
  const row = await findInstrument(db, id, version);
  if (!row) throw problem("not_found");
  return { ...summary, definition: row.definition };
}

/** The parser's errors as the client sees them (at most 100, the parser's own cap). */
export function instrumentIssues(errors: readonly PathError[]): { path: string; message: string }[] {
  return errors.map((e) => ({ path: e.path, message: e.message }));
}

export async function uploadInstrument(
  db: Db,
  json: unknown,
): Promise<{ created: boolean; instrument: InstrumentSummary }> {
  const parsed = parseInstrument(json);
  if (!parsed.ok) throw problem("invalid_instrument", { issues: instrumentIssues(parsed.errors) });
  if (containsNul(json))
    throw problem("invalid_instrument", { issues: [{ path: "$", message: NO_NUL_MESSAGE }] });
  const { id, version } = parsed.instrument;
  try {
    return await db.transaction().execute(async (trx) => {
      const stored = await findInstrumentForUpdate(trx, id, version);
      let created = false;
      if (stored) {
        if (!sameJson(stored.definition, json)) {
          const inUse = await isInstrumentInUse(trx, id, version);
          throw problem(inUse ? "instrument_in_use" : "already_exists", { id, version });
        }
      } else {
        await insertInstrument(trx, { id, version, definition: json });
        created = true;
      }
      const inUse = await isInstrumentInUse(trx, id, version);
      return {
        created,
        instrument: {
          id,
          version,
          title: parsed.instrument.title,
          inUse,
          createdAt: stored ? isoOf(stored.created_at) : new Date().toISOString(),
        },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw problem("already_exists", { id, version });
    throw error;
  }
}

export async function removeInstrument(db: Db, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await findInstrumentForUpdate(trx, id, version))) throw problem("not_found");
    if (await isInstrumentInUse(trx, id, version)) throw problem("instrument_in_use", { id, version });
    await deleteInstrument(trx, id, version);
  });
}
