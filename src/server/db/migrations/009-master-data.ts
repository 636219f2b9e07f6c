/**
 * Migration 009: master data an office maintains itself (issue #17) — loci (the table keeps its
 * name `pemda`; its `kind` is a LocusKind code), service units with an address and a product
 * catalogue, the history of every master-data change, and the names a closed period was
 * published with.
 *
 * Design (why):
 * - Unit kinds are data: `units.kind` holds the kind as the office writes it ("Dinas Pendidikan",
 *   "RSUD"); no list of kinds exists in code or schema.
 * - A unit is identified within its locus by its name (case-insensitive), which is what an
 *   office's spreadsheet carries; imports keep it unique (older data may not be, so no unique index).
 * - master_data_history keeps before/after of each create and update (who, when, from what
 *   source); rows are never updated or deleted.
 * - period_locus_names freezes a locus's name and kind when its period closes, so renaming a
 *   locus later never changes a closed period's results, rapor or exports.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `alter table units add column address text not null default ''`,
  `create index units_pemda_name on units (pemda_id, lower(name))`,
  `create table master_data_history (
     id uuid primary key default gen_random_uuid(),
     office_id text not null references offices(id),
     entity text not null check (entity in ('locus', 'unit', 'user')),
     entity_id text not null,
     action text not null check (action in ('create', 'update')),
     before jsonb,
     after jsonb not null,
     actor_id uuid references users(id),
     source text not null check (source in ('import', 'form', 'cli')),
     at timestamptz not null default now()
   )`,
  `create index master_data_history_entity on master_data_history (office_id, entity, entity_id, at)`,
  `create table period_locus_names (
     period_id uuid not null references periods(id),
     pemda_id uuid not null references pemda(id),
     name text not null,
     kind text not null,
     primary key (period_id, pemda_id)
   )`,
];

export const migration009: Migration = {
  version: 9,
  name: "master-data",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
