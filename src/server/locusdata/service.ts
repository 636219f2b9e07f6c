/**
 * The locus inputs of a period as the API, screens and CLI see them: the secondary-data indicators
 * of the period's instrument, and per locus of the office its recorded values and follow-ups.
 * Checks (why here): the locus must belong to the period's office (else 404, like every cross-office
 * reference), the period must be open (a closed period's results are final: 409 period_closed), and
 * every value must be an answer of a secondary-data indicator of the period's instrument (400
 * invalid_body listing every issue with its JSON path); nothing is written unless all pass.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { Db } from "../db/connection";
import { problem } from "../http/problems";
import type { PeriodInfo } from "../results/period-results";
import { periodUnits } from "../results/period-units";
import type { InstrumentCache } from "../sync/instrument-cache";
import {
  clearOversight,
  type LocusOversight,
  loadLocusInputs,
  type OversightProductInput,
  replaceOversight,
  replaceSecondary,
  type SecondaryValueInput,
  type SecondaryValueRecord,
} from "./store";
import {
  checkSecondaryValue,
  followUpStateOf,
  isIsoDate,
  oversightKindOf,
  type SecondaryIndicator,
  secondaryIndicators,
} from "./validate";

export interface LocusDataEntry {
  pemdaId: string;
  code: string;
  name: string;
  /** The locus has sampled units in the period (results show it). */
  sampled: boolean;
  secondary: SecondaryValueRecord[];
  oversight: LocusOversight;
}

export interface PeriodLocusData {
  periodId: string;
  /** The period's status: a closed period's locus data is read-only (writes answer 409). */
  periodStatus: PeriodInfo["status"];
  instrument: { id: string; version: number };
  indicators: SecondaryIndicator[];
  loci: LocusDataEntry[];
}

export interface LocusRow {
  id: string;
  code: string;
  name: string;
  sampled: boolean;
}

/** The office's loci, flagged when sampled in the period. */
export async function periodLoci(db: QueryExecutorProvider, period: PeriodInfo): Promise<LocusRow[]> {
  const r = await sql<LocusRow>`
    select p.id, p.code, p.name,
           exists (select 1 from ${periodUnits([period.id])} a join units u on u.id = a.unit_id
                   where u.pemda_id = p.id) as sampled
    from pemda p where p.office_id = ${period.officeId}
    order by p.code, p.name, p.id`.execute(db);
  return r.rows;
}

export async function readLocusData(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  period: PeriodInfo,
): Promise<PeriodLocusData> {
  const instrument = await instruments.get(db, period.instrumentId, period.instrumentVersion);
  const inputs = await loadLocusInputs(db, period.id);
  const loci = (await periodLoci(db, period)).map((l): LocusDataEntry => {
    const i = inputs.get(l.id);
    return {
      pemdaId: l.id,
      code: l.code,
      name: l.name,
      sampled: l.sampled,
      secondary: i?.secondary ?? [],
      oversight: i?.oversight ?? { recorded: false, recordedAt: null, products: [] },
    };
  });
  return {
    periodId: period.id,
    periodStatus: period.status,
    instrument: { id: period.instrumentId, version: period.instrumentVersion },
    indicators: secondaryIndicators(instrument),
    loci,
  };
}

export interface Issue {
  path: string;
  message: string;
}

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

/**
 * A JSON body `{[field]: [...]}`: every item must be an object; `read` checks one (pushing its
 * issues under `path`) and gives its input, or undefined when it cannot be kept.
 */
function parseList<T>(
  body: unknown,
  field: string,
  read: (o: Record<string, unknown>, path: string, issues: Issue[]) => T | undefined,
): { items: T[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const items: T[] = [];
  const list = (body as Record<string, unknown> | null)?.[field];
  if (typeof body !== "object" || body === null || !Array.isArray(list)) {
    return { items, issues: [{ path: field, message: `Expected {${field}: [...]}` }] };
  }
  list.forEach((item: unknown, i) => {
    const path = `${field}.${i}`;
    if (typeof item !== "object" || item === null) {
      issues.push({ path, message: "Expected an object" });
      return;
    }
    const input = read(item as Record<string, unknown>, path, issues);
    if (input !== undefined) items.push(input);
  });
  return { items, issues };
}

/** Validates a JSON list of secondary values; every issue with its path. */
export function parseSecondaryBody(
  instrument: Parameters<typeof checkSecondaryValue>[0],
  body: unknown,
): { values: SecondaryValueInput[]; issues: Issue[] } {
  const seen = new Set<string>();
  const { items, issues } = parseList(body, "values", (o, path, issues): SecondaryValueInput | undefined => {
    const indicatorId = text(o.indicatorId);
    const source = text(o.source);
    if (seen.has(indicatorId))
      issues.push({ path: `${path}.indicatorId`, message: `${indicatorId} is given twice` });
    seen.add(indicatorId);
    const checked = checkSecondaryValue(instrument, indicatorId, o.value);
    if (!checked.ok)
      issues.push({
        path: checked.code === "unknown_reference" ? `${path}.indicatorId` : `${path}.value`,
        message: checked.message,
      });
    if (source === "")
      issues.push({ path: `${path}.source`, message: "Cite the source (e.g. BPS, the table and year)" });
    if (source.length > 500) issues.push({ path: `${path}.source`, message: "At most 500 characters" });
    const note = o.note === undefined ? "" : text(o.note);
    if (note.length > 2000) issues.push({ path: `${path}.note`, message: "At most 2000 characters" });
    return checked.ok ? { indicatorId, value: checked.value, source, note } : undefined;
  });
  return { values: items, issues };
}

/** Validates a JSON list of oversight products; every issue with its path. */
export function parseOversightBody(body: unknown): { products: OversightProductInput[]; issues: Issue[] } {
  const seen = new Set<string>();
  const { items, issues } = parseList(
    body,
    "products",
    (o, path, issues): OversightProductInput | undefined => {
      const kind = oversightKindOf(text(o.kind));
      const state = followUpStateOf(text(o.state));
      const number = text(o.number);
      const date = text(o.date);
      const evidence = o.evidence === undefined ? "" : text(o.evidence);
      const note = o.note === undefined ? "" : text(o.note);
      if (kind === undefined)
        issues.push({ path: `${path}.kind`, message: "Expected tindakan_korektif, saran or rekomendasi" });
      if (state === undefined)
        issues.push({ path: `${path}.state`, message: "Expected full, partial or none" });
      if (number === "" || number.length > 200)
        issues.push({ path: `${path}.number`, message: "The product's number (1–200 characters)" });
      if (!isIsoDate(date)) issues.push({ path: `${path}.date`, message: "Expected a date YYYY-MM-DD" });
      if (evidence.length > 2000)
        issues.push({ path: `${path}.evidence`, message: "At most 2000 characters" });
      if (note.length > 2000) issues.push({ path: `${path}.note`, message: "At most 2000 characters" });
      const key = `${kind}/${number}`;
      if (kind !== undefined && seen.has(key))
        issues.push({ path: `${path}.number`, message: `${kind} ${number} is given twice` });
      seen.add(key);
      return kind !== undefined && state !== undefined
        ? { kind, state, number, date, evidence, note }
        : undefined;
    },
  );
  return { products: items, issues };
}

/** The locus, if it is one of the period's office (else 404), with the period open (else 409). */
export async function writableLocus(
  db: QueryExecutorProvider,
  period: PeriodInfo,
  pemdaId: string,
): Promise<void> {
  const r = await sql<{
    id: string;
  }>`select id from pemda where id = ${pemdaId} and office_id = ${period.officeId}`.execute(db);
  if (r.rows.length === 0) throw problem("not_found");
  if (period.status !== "open") throw problem("period_closed", { periodId: period.id });
}

export async function saveSecondary(
  db: Db,
  instruments: InstrumentCache,
  period: PeriodInfo,
  pemdaId: string,
  body: unknown,
  actorId: string,
): Promise<void> {
  await writableLocus(db, period, pemdaId);
  const instrument = await instruments.get(db, period.instrumentId, period.instrumentVersion);
  if (instrument === undefined) throw problem("invalid_reference", { path: "period.instrument" });
  const { values, issues } = parseSecondaryBody(instrument, body);
  if (issues.length > 0) throw problem("invalid_body", { path: issues[0]?.path ?? "", issues });
  await db.transaction().execute((trx) => replaceSecondary(trx, period.id, pemdaId, values, actorId));
}

export async function saveOversight(
  db: Db,
  period: PeriodInfo,
  pemdaId: string,
  body: unknown,
  actorId: string,
): Promise<void> {
  await writableLocus(db, period, pemdaId);
  const { products, issues } = parseOversightBody(body);
  if (issues.length > 0) throw problem("invalid_body", { path: issues[0]?.path ?? "", issues });
  await db.transaction().execute((trx) => replaceOversight(trx, period.id, pemdaId, products, actorId));
}

export async function forgetOversight(db: Db, period: PeriodInfo, pemdaId: string): Promise<void> {
  await writableLocus(db, period, pemdaId);
  await db.transaction().execute((trx) => clearOversight(trx, period.id, pemdaId));
}
