/**
 * Migration 004: supervisor planning (issue #7) — each pemda's unit sample per period, and the
 * suggested service products of an assignment.
 *
 * Design (why):
 * - pemda_samples keeps the seed and the mix next to the drawn unit ids: drawSample is pinned
 *   (src/domain/sampling), so seed + mix + the pemda's units redraw the same sample, and `edited`
 *   says when a supervisor changed it by hand afterwards (then the ids, not the seed, are the truth).
 * - suggested_products is a column of assignments, not a table of its own: the existing change-log
 *   trigger on assignments (002) then logs a `put assignment` for every change of it, so devices
 *   receive new suggestions on their next pull without another trigger. Adding a column with a
 *   constant default rewrites nothing and fires no trigger.
 * - changes_revoke_idx: push answers a removed assessor's edits with `assignment_removed` by
 *   looking for the revoke row addressed to them (src/server/db/queries/plans.ts).
 * Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `create table pemda_samples (
     period_id uuid not null references periods(id),
     pemda_id uuid not null references pemda(id),
     seed text not null check (seed <> ''),
     mix jsonb not null,
     unit_ids jsonb not null,
     edited boolean not null default false,
     created_by uuid not null references users(id),
     created_at timestamptz not null default now(),
     updated_by uuid not null references users(id),
     updated_at timestamptz not null default now(),
     primary key (period_id, pemda_id)
   )`,
  `alter table assignments add column suggested_products jsonb not null default '[]'::jsonb`,
  // Push asks "was this user taken off this assignment?" for a removed assessor's queued edits;
  // revoke rows are few, so a partial index keeps that answer cheap however long the log grows.
  `create index changes_revoke_idx on changes (entity_id, user_id) where op = 'revoke'`,
];

export const migration004: Migration = {
  version: 4,
  name: "planning",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
