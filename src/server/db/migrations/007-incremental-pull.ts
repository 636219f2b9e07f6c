/**
 * Migration 007: incremental pull (issue #21) — what a device that holds revision r of an
 * assessment must receive, without the whole state.
 *
 * Design (why):
 * - assessments.delta_keys maps each delta key (src/domain/sync/delta.ts: `a:KEY`, `aa:KEY`,
 *   `f:evidence` …) to the revision that last changed it, written in the same UPDATE as the state
 *   (jsonb `||`, so the writer never reads it back). delta_since is the revision from which the map
 *   is complete: rows written before this migration start tracking at their next write, and until
 *   then (or for a device further behind) pull sends the whole state, as before.
 * - changes.from_revision is the revision an assessment had before the logged write (null for the
 *   insert). The smallest one among the changes a device's cursor did not see is the revision that
 *   device holds: no device has to list what it holds, and the cursor stays as it is.
 * - The assessment trigger is replaced, not added: one change-log row per write, as before.
 * Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `alter table assessments add column delta_keys jsonb`,
  `alter table assessments add column delta_since integer`,
  `alter table changes add column from_revision integer`,
  `create or replace function patuh_log_assessment_change() returns trigger language plpgsql as $$
   begin
     insert into changes (entity_type, entity_id, op, office_id, from_revision)
     values ('assessment', new.id::text, 'put', new.office_id,
             case when tg_op = 'UPDATE' then old.revision end);
     return null;
   end $$`,
];

export const migration007: Migration = {
  version: 7,
  name: "incremental-pull",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
