/**
 * Migration 011: names as a closed period published them, and loci/units an office retires
 * (issue #17).
 *
 * Design (why):
 * - period_locus_names (009) gains the locus code; period_unit_names freezes each sampled unit's
 *   name, kind, address and product catalogue. Both are filled when a period closes
 *   (masterdata/period-names.ts) and read by results, rapor and exports of that period, so
 *   renaming a locus or unit later never rewrites published results. Rows are never updated.
 * - Periods already closed before this migration are frozen with the names they have now — the
 *   best record there is.
 * - `active` on pemda and units: an office retires a locus or unit without deleting it (its past
 *   assessments keep their references); a retired unit is no longer a sampling candidate.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `alter table period_locus_names add column code text not null default ''`,
  `create table period_unit_names (
     period_id uuid not null references periods(id),
     unit_id uuid not null references units(id),
     name text not null,
     kind text not null,
     address text not null,
     products jsonb not null,
     primary key (period_id, unit_id)
   )`,
  `alter table pemda add column active boolean not null default true`,
  `alter table units add column active boolean not null default true`,
  `insert into period_locus_names (period_id, pemda_id, name, kind, code)
   select distinct a.period_id, pd.id, pd.name, pd.kind, pd.code
   from assignments a join periods p on p.id = a.period_id and p.status = 'closed'
   join units u on u.id = a.unit_id join pemda pd on pd.id = u.pemda_id
   on conflict (period_id, pemda_id) do nothing`,
  `insert into period_unit_names (period_id, unit_id, name, kind, address, products)
   select distinct on (a.period_id, u.id) a.period_id, u.id, u.name, u.kind, u.address, u.suggested_products
   from assignments a join periods p on p.id = a.period_id and p.status = 'closed'
   join units u on u.id = a.unit_id
   order by a.period_id, u.id
   on conflict (period_id, unit_id) do nothing`,
];

export const migration011: Migration = {
  version: 11,
  name: "period-names",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
