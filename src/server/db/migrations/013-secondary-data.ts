/**
 * Migration 013: the locus inputs of the 2025 method (issue #18, methodology §7) — secondary data
 * valued once per locus and period, and the Ombudsman's oversight products with their follow-up.
 *
 * Design (why):
 * - locus_secondary_values: one value per (period, locus, indicator), the answer on the indicator's
 *   own scale (jsonb: a number or a code), with the cited source (BPS, KemenPANRB … and the table or
 *   document) and who recorded it when. Every unit of the locus takes that value when scored.
 * - oversight_products: the products addressed to the locus (kind, number, date) and how they were
 *   followed up (full / partial / none), with evidence. Unique per (period, locus, kind, number), so
 *   an import of the same file twice changes nothing.
 * - oversight_records: the office has recorded the locus's follow-ups (possibly "no product at all").
 *   Without this row the qualifier is undecided, never granted by default (banding/qualifier.ts).
 * None of these changes a score's cache: results apply them when they roll up (results/locus-inputs.ts).
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `create table locus_secondary_values (
     period_id uuid not null references periods(id),
     pemda_id uuid not null references pemda(id),
     indicator_id text not null,
     value jsonb not null,
     source text not null,
     note text not null default '',
     recorded_by uuid references users(id),
     recorded_at timestamptz not null default now(),
     primary key (period_id, pemda_id, indicator_id)
   )`,
  `create table oversight_products (
     id uuid primary key default gen_random_uuid(),
     period_id uuid not null references periods(id),
     pemda_id uuid not null references pemda(id),
     kind text not null check (kind in ('tindakan_korektif', 'saran', 'rekomendasi')),
     number text not null,
     issued_on date not null,
     state text not null check (state in ('full', 'partial', 'none')),
     evidence text not null default '',
     note text not null default '',
     recorded_by uuid references users(id),
     recorded_at timestamptz not null default now(),
     unique (period_id, pemda_id, kind, number)
   )`,
  `create table oversight_records (
     period_id uuid not null references periods(id),
     pemda_id uuid not null references pemda(id),
     recorded_by uuid references users(id),
     recorded_at timestamptz not null default now(),
     primary key (period_id, pemda_id)
   )`,
];

export const migration013: Migration = {
  version: 13,
  name: "secondary-data",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
