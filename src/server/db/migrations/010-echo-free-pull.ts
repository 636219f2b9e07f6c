/**
 * Migration 010: a pull does not echo a device's own edits back to it (issue #21, protocol 1.2).
 *
 * Design (why):
 * - assessments.written_by is the client (device) whose push made the row's last write; null for
 *   writes made online without a device (review). It is set in the same UPDATE as the state
 *   (src/server/db/assessments.ts is the only writer of assessments).
 * - changes.client_id copies it into the change log, so a pull knows, per change its cursor did not
 *   see, which device made it. When every such change of an assessment came from the pulling device
 *   itself, the device already holds what they did (its acknowledged mutations): the pull tells it
 *   to replay them instead of sending the values back (src/server/sync/pull-delta.ts).
 * - The assessment trigger is replaced, not added: still one change-log row per write.
 * Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `alter table assessments add column written_by uuid`,
  `alter table changes add column client_id uuid`,
  `create or replace function patuh_log_assessment_change() returns trigger language plpgsql as $$
   begin
     insert into changes (entity_type, entity_id, op, office_id, from_revision, client_id)
     values ('assessment', new.id::text, 'put', new.office_id,
             case when tg_op = 'UPDATE' then old.revision end, new.written_by);
     return null;
   end $$`,
];

export const migration010: Migration = {
  version: 10,
  name: "echo-free-pull",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
