/**
 * Migration 006: the national round and published history (issue #19).
 *
 * Design (why):
 * - offices.is_central marks the Kantor Pusat; a partial unique index keeps at most one. Its admins
 *   define rounds and see national results before publication.
 * - rounds: one per year (the Ombudsman runs one national assessment a year), with the instrument
 *   version, banding scheme and timetable every joined period must share. published_at set means
 *   every office sees the national ranks; null means only the central office does.
 * - periods.round_id: a Kantor Perwakilan's period joins the round and keeps planning, assessing and
 *   reviewing as before; at most one period per office per round. Adding a nullable column fires no
 *   trigger and rewrites nothing.
 * - published_results: results published before Patuh (imported from files), keyed by office,
 *   year and locus code; the score and scheme are stored as published, the predicate is derived
 *   on read (so it always follows the scheme's definition), the published category and rank are
 *   kept as published even when they disagree.
 * Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `alter table offices add column is_central boolean not null default false`,
  `create unique index offices_one_central on offices (is_central) where is_central`,
  `create table rounds (
     id uuid primary key default gen_random_uuid(),
     year integer not null unique check (year between 2000 and 2100),
     name text not null,
     instrument_id text not null,
     instrument_version integer not null,
     scheme_id text not null references banding_schemes(id),
     timetable jsonb not null default '{}'::jsonb,
     published_at timestamptz,
     published_by uuid references users(id),
     created_by uuid not null references users(id),
     created_at timestamptz not null default now(),
     foreign key (instrument_id, instrument_version) references instruments(id, version)
   )`,
  `alter table periods add column round_id uuid references rounds(id)`,
  `create unique index periods_round_office on periods (round_id, office_id) where round_id is not null`,
  `create table published_results (
     office_id text not null references offices(id),
     year integer not null check (year between 2000 and 2100),
     locus_code text not null,
     locus_name text not null,
     score double precision not null check (score >= 0 and score <= 100),
     scheme_id text not null,
     published_category text,
     published_rank integer check (published_rank >= 1),
     imported_by uuid references users(id),
     imported_at timestamptz not null default now(),
     primary key (office_id, locus_code, year)
   )`,
  `create index published_results_year on published_results (year)`,
];

export const migration006: Migration = {
  version: 6,
  name: "national",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
