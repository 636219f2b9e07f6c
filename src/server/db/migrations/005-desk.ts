/**
 * Migration 005: the supervisor's desk (issue #20).
 *
 * Design (why):
 * - periods_office_year_name_key: an office cannot hold two periods with the same year and name
 *   (case and surrounding spaces ignored). The database enforces it, so two admins creating the
 *   same round at once get one period and one 409 period_exists, never two look-alike rounds whose
 *   work would split between them. Look-alikes made before this migration are kept, renamed with
 *   a " (2)", " (3)" … suffix in creation-id order, so the index can be built and nothing is lost.
 * - office_letterheads: the rapor's letterhead per office (heading lines, address, an optional
 *   small logo). A table of its own, not columns of offices: the offices module and its admin
 *   screens stay as they are, and an office without a row prints the default heading.
 * Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `update periods p set name = p.name || ' (' || d.n || ')'
     from (select id, row_number() over (partition by office_id, year, lower(btrim(name)) order by id) as n
             from periods) d
    where d.id = p.id and d.n > 1`,
  `create unique index periods_office_year_name_key on periods (office_id, year, lower(btrim(name)))`,
  `create table office_letterheads (
     office_id text primary key references offices(id),
     lines jsonb not null default '[]'::jsonb,
     address text not null default '',
     logo bytea,
     logo_mime text check (logo_mime in ('image/png', 'image/jpeg')),
     updated_by uuid references users(id),
     updated_at timestamptz not null default now()
   )`,
];

export const migration005: Migration = {
  version: 5,
  name: "desk",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
