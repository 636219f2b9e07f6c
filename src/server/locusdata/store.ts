/**
 * Locus inputs of a period (migration 013): secondary values and oversight follow-ups.
 *
 * Owns: locus_secondary_values, oversight_products, oversight_records. Invariants: writes replace a
 * locus's whole set in one transaction (so a save or an import is all-or-nothing and repeating it
 * changes nothing); a locus's follow-ups count as recorded only while its oversight_records row
 * exists (possibly with no product: "none issued"), else the qualifier stays undecided. Values are
 * validated by the caller (validate.ts) against the period's instrument before they get here.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { FollowUpState, OversightKind } from "../../domain/banding/qualifier";

export interface SecondaryValueInput {
  indicatorId: string;
  value: number | string;
  source: string;
  note: string;
}

export interface SecondaryValueRecord extends SecondaryValueInput {
  recordedBy: string | null;
  recordedAt: string;
}

export interface OversightProductInput {
  kind: OversightKind;
  number: string;
  /** ISO date of issue. */
  date: string;
  state: FollowUpState;
  evidence: string;
  note: string;
}

export interface OversightProductRecord extends OversightProductInput {
  id: string;
  recordedAt: string;
}

export interface LocusOversight {
  /** The office has recorded the follow-ups (the qualifier can be decided). */
  recorded: boolean;
  recordedAt: string | null;
  products: OversightProductRecord[];
}

export interface LocusInputsRecord {
  pemdaId: string;
  secondary: SecondaryValueRecord[];
  oversight: LocusOversight;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const isoDay = (v: unknown): string =>
  v instanceof Date
    ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, "0")}-${String(v.getDate()).padStart(2, "0")}`
    : String(v).slice(0, 10);

/** Every locus of the period that has any input, by pemda id. */
export async function loadLocusInputs(
  db: QueryExecutorProvider,
  periodId: string,
): Promise<Map<string, LocusInputsRecord>> {
  const out = new Map<string, LocusInputsRecord>();
  const get = (pemdaId: string): LocusInputsRecord => {
    let r = out.get(pemdaId);
    if (r === undefined) {
      r = { pemdaId, secondary: [], oversight: { recorded: false, recordedAt: null, products: [] } };
      out.set(pemdaId, r);
    }
    return r;
  };
  const values = await sql<{
    pemda_id: string;
    indicator_id: string;
    value: number | string;
    source: string;
    note: string;
    recorded_by: string | null;
    recorded_at: unknown;
  }>`select pemda_id, indicator_id, value, source, note, recorded_by, recorded_at
     from locus_secondary_values where period_id = ${periodId}
     order by pemda_id, indicator_id`.execute(db);
  for (const v of values.rows) {
    get(v.pemda_id).secondary.push({
      indicatorId: v.indicator_id,
      value: v.value,
      source: v.source,
      note: v.note,
      recordedBy: v.recorded_by,
      recordedAt: iso(v.recorded_at),
    });
  }
  const records = await sql<{ pemda_id: string; recorded_at: unknown }>`
    select pemda_id, recorded_at from oversight_records where period_id = ${periodId}`.execute(db);
  for (const r of records.rows) {
    const o = get(r.pemda_id).oversight;
    o.recorded = true;
    o.recordedAt = iso(r.recorded_at);
  }
  const products = await sql<{
    id: string;
    pemda_id: string;
    kind: OversightKind;
    number: string;
    issued_on: unknown;
    state: FollowUpState;
    evidence: string;
    note: string;
    recorded_at: unknown;
  }>`select id, pemda_id, kind, number, issued_on::text as issued_on, state, evidence, note, recorded_at
     from oversight_products where period_id = ${periodId}
     order by pemda_id, issued_on, kind, number`.execute(db);
  for (const p of products.rows) {
    get(p.pemda_id).oversight.products.push({
      id: p.id,
      kind: p.kind,
      number: p.number,
      date: isoDay(p.issued_on),
      state: p.state,
      evidence: p.evidence,
      note: p.note,
      recordedAt: iso(p.recorded_at),
    });
  }
  return out;
}

/** Replaces a locus's secondary values (an empty list removes them). */
export async function replaceSecondary(
  db: QueryExecutorProvider,
  periodId: string,
  pemdaId: string,
  values: readonly SecondaryValueInput[],
  actorId: string | null,
): Promise<void> {
  await sql`delete from locus_secondary_values where period_id = ${periodId} and pemda_id = ${pemdaId}
              and indicator_id <> all(${values.map((v) => v.indicatorId)}::text[])`.execute(db);
  for (const v of values) {
    // Unchanged rows keep who recorded them and when (a repeated import changes nothing).
    await sql`insert into locus_secondary_values (period_id, pemda_id, indicator_id, value, source, note, recorded_by)
              values (${periodId}, ${pemdaId}, ${v.indicatorId}, ${JSON.stringify(v.value)}::jsonb, ${v.source},
                      ${v.note}, ${actorId})
              on conflict (period_id, pemda_id, indicator_id) do update set value = excluded.value,
                source = excluded.source, note = excluded.note, recorded_by = excluded.recorded_by,
                recorded_at = now()
              where locus_secondary_values.value is distinct from excluded.value
                 or locus_secondary_values.source is distinct from excluded.source
                 or locus_secondary_values.note is distinct from excluded.note`.execute(db);
  }
}

/** Records a locus's follow-ups: the given products are the whole list (empty: none issued). */
export async function replaceOversight(
  db: QueryExecutorProvider,
  periodId: string,
  pemdaId: string,
  products: readonly OversightProductInput[],
  actorId: string | null,
): Promise<void> {
  const keys = products.map((p) => `${p.kind}\u001f${p.number}`);
  await sql`delete from oversight_products where period_id = ${periodId} and pemda_id = ${pemdaId}
              and (kind || chr(31) || number) <> all(${keys}::text[])`.execute(db);
  for (const p of products) {
    await sql`insert into oversight_products (period_id, pemda_id, kind, number, issued_on, state, evidence, note,
                                              recorded_by)
              values (${periodId}, ${pemdaId}, ${p.kind}, ${p.number}, ${p.date}::date, ${p.state}, ${p.evidence},
                      ${p.note}, ${actorId})
              on conflict (period_id, pemda_id, kind, number) do update set issued_on = excluded.issued_on,
                state = excluded.state, evidence = excluded.evidence, note = excluded.note,
                recorded_by = excluded.recorded_by, recorded_at = now()
              where oversight_products.issued_on is distinct from excluded.issued_on
                 or oversight_products.state is distinct from excluded.state
                 or oversight_products.evidence is distinct from excluded.evidence
                 or oversight_products.note is distinct from excluded.note`.execute(db);
  }
  await sql`insert into oversight_records (period_id, pemda_id, recorded_by) values (${periodId}, ${pemdaId}, ${actorId})
            on conflict (period_id, pemda_id) do nothing`.execute(db);
}

/** Forgets that a locus's follow-ups were recorded (and its products): the qualifier is undecided. */
export async function clearOversight(
  db: QueryExecutorProvider,
  periodId: string,
  pemdaId: string,
): Promise<void> {
  await sql`delete from oversight_products where period_id = ${periodId} and pemda_id = ${pemdaId}`.execute(
    db,
  );
  await sql`delete from oversight_records where period_id = ${periodId} and pemda_id = ${pemdaId}`.execute(
    db,
  );
}
