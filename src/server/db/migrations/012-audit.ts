/**
 * Migration 012: the audit log (issue #16).
 *
 * Design (why):
 * - audit_log is append-only: a trigger refuses UPDATE and DELETE, so not even a bug (or an admin
 *   with SQL through the app) can rewrite history; there is no route that changes a row either.
 *   `office_id` is the actor's office, `target_office_id` the office of what was acted on (when it
 *   differs, e.g. an admin changing a user of another office): an office admin reads rows where
 *   either is their office; the central office reads all.
 * - actor_username is copied, not joined: a failed login for an unknown name has no user id, and a
 *   renamed account must not rewrite what the log said at the time.
 * - bigserial id: the order of writing, and the keyset for pagination.
 * Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `create table audit_log (
     id bigserial primary key,
     at timestamptz not null default now(),
     actor_id uuid,
     actor_username text,
     action text not null,
     outcome text not null check (outcome in ('success', 'failure', 'refused', 'throttled', 'error')),
     target_kind text,
     target_id text,
     office_id text,
     target_office_id text,
     address text,
     user_agent text,
     status integer,
     detail jsonb not null default '{}'::jsonb
   )`,
  `create index audit_log_at on audit_log (at desc, id desc)`,
  `create index audit_log_office on audit_log (office_id, id desc)`,
  `create index audit_log_target_office on audit_log (target_office_id, id desc) where target_office_id is not null`,
  `create index audit_log_actor on audit_log (actor_id, id desc)`,
  `create index audit_log_action on audit_log (action, id desc)`,
  `create function audit_log_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_log is append-only' using errcode = 'P0001';
   end $$`,
  `create trigger audit_log_no_change before update or delete on audit_log
     for each row execute function audit_log_append_only()`,
];

export const migration012: Migration = {
  version: 12,
  name: "audit",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
