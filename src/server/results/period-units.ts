/**
 * The units a period samples, as one SQL relation `(period_id, unit_id, id)` for the queries of
 * results, rapor, exports, national results, progress, locus data and the name freeze.
 * Owns no table. Invariant (the Ombudsman's rule, issue #18): a unit is part of its pemda's sample
 * as soon as it is drawn (pemda_samples.unit_ids) or given an assignment, whichever comes first;
 * `id` is its assignment, null while the unit has no team yet. A drawn unit with no team therefore
 * shows as "belum dinilai" and keeps its pemda's result provisional instead of silently vanishing.
 * An assignment whose unit was later dropped from an edited sample stays counted (its team may
 * already have visited); the planning screen is where the supervisor removes it.
 */
import { type RawBuilder, sql } from "kysely";

export interface PeriodUnitRow {
  period_id: string;
  unit_id: string;
  id: string | null;
}

/** A subquery usable as `from ${periodUnits(ids)} a`; columns period_id, unit_id, id (assignment). */
export function periodUnits(periodIds: readonly string[]): RawBuilder<PeriodUnitRow> {
  const ids = [...periodIds];
  return sql<PeriodUnitRow>`(
    select g.period_id, g.unit_id, g.id from assignments g where g.period_id = any(${ids}::uuid[])
    union all
    select distinct s.period_id, e.unit_id::uuid as unit_id, null::uuid as id
      from pemda_samples s cross join lateral jsonb_array_elements_text(s.unit_ids) as e(unit_id)
      where s.period_id = any(${ids}::uuid[])
        and not exists (select 1 from assignments g2
                        where g2.period_id = s.period_id and g2.unit_id = e.unit_id::uuid))`;
}
