/**
 * Migration 002: sync storage (assessments, audit trail, mutation log, evidence, change log).
 *
 * Design (why):
 * - assessments.state is the full AssessmentState as jsonb, exactly what the shared reducer reads
 *   and writes and what pull sends. Normalising answers into rows would re-implement the reducer in
 *   SQL and make every push a many-row diff; the columns needed for listing and authorisation
 *   (assignment, period, unit, pemda, office, status, revision) are denormalised beside it, and
 *   per-key history lives in assessment_history.
 * - The pull cursor is the puller's MVCC snapshot, not a sequence number: each `changes` row
 *   records the xid of the transaction that wrote it (pg_current_xact_id()), and the next pull asks
 *   for the rows whose xid the previous snapshot did not see (pg_visible_in_snapshot). A slow writer
 *   that commits late was in flight in that snapshot, so its rows are picked up next time — which
 *   "seq > cursor" with a bigserial gets wrong (sequence values are taken before commit) — and
 *   nothing is sent twice.
 * - `changes` rows are written by triggers, so every writer of a watched table (sync push, review,
 *   admin/planning routes of other modules, the seed) moves the cursor in its own transaction
 *   without having to remember to. Removing a user from an assignment team writes a `revoke` row
 *   addressed to that user: that is how their next pull learns to delete the assignment.
 * Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `create table assessments (
     id uuid primary key,
     assignment_id uuid not null references assignments(id),
     period_id uuid not null,
     unit_id uuid not null,
     pemda_id uuid not null,
     office_id text not null,
     status text not null check (status in ('draft', 'submitted', 'returned', 'approved')),
     revision integer not null check (revision >= 1),
     state jsonb not null,
     created_by uuid not null references users(id),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null
   )`,
  `create index assessments_assignment_idx on assessments (assignment_id)`,
  `create index assessments_office_period_idx on assessments (office_id, period_id, status)`,
  `create table assessment_history (
     seq bigint generated always as identity primary key,
     assessment_id uuid not null references assessments(id),
     revision integer not null,
     user_id uuid not null references users(id),
     client_id uuid,
     mutation_id bigint,
     action text not null,
     key text not null,
     old jsonb,
     new jsonb,
     at timestamptz not null,
     recorded_at timestamptz not null default now()
   )`,
  `create index assessment_history_assessment_idx on assessment_history (assessment_id, seq)`,
  `create table mutation_clients (
     client_id uuid primary key,
     user_id uuid not null references users(id),
     last_mutation_id bigint not null default 0 check (last_mutation_id >= 0),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   )`,
  `create table mutation_rejections (
     client_id uuid not null references mutation_clients(client_id),
     mutation_id bigint not null,
     name text not null,
     code text not null,
     message text not null,
     details jsonb,
     at timestamptz not null,
     recorded_at timestamptz not null default now(),
     primary key (client_id, mutation_id)
   )`,
  `create table evidence (
     sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
     mime text not null,
     bytes integer not null check (bytes > 0),
     uploaded_by uuid not null references users(id),
     stored_at timestamptz not null default now()
   )`,
  `create table evidence_uploaders (
     sha256 text not null references evidence(sha256),
     user_id uuid not null references users(id),
     primary key (sha256, user_id)
   )`,
  `create table assessment_evidence (
     assessment_id uuid not null references assessments(id),
     sha256 text not null,
     primary key (assessment_id, sha256)
   )`,
  `create index assessment_evidence_sha_idx on assessment_evidence (sha256)`,
  `create table changes (
     seq bigint generated always as identity primary key,
     xid xid8 not null default pg_current_xact_id(),
     entity_type text not null,
     entity_id text not null,
     op text not null check (op in ('put', 'del', 'revoke')),
     office_id text,
     user_id uuid
   )`,
  `create index changes_xid_idx on changes (xid)`,
  // Generic: entity id from the row's "id" (instruments: id@version), office from "office_id".
  `create function patuh_log_change() returns trigger language plpgsql as $$
   declare
     r jsonb;
     eid text;
   begin
     if tg_op = 'DELETE' then r := to_jsonb(old); else r := to_jsonb(new); end if;
     if tg_argv[0] = 'instrument' then
       eid := (r->>'id') || '@' || (r->>'version');
     else
       eid := r->>'id';
     end if;
     insert into changes (entity_type, entity_id, op, office_id)
     values (tg_argv[0], eid, case when tg_op = 'DELETE' then 'del' else 'put' end, r->>'office_id');
     return null;
   end $$`,
  // Team changes: joining is a change of the assignment; leaving is a revoke addressed to the user.
  `create function patuh_log_member_change() returns trigger language plpgsql as $$
   begin
     if tg_op in ('DELETE', 'UPDATE') then
       insert into changes (entity_type, entity_id, op, user_id)
       values ('assignment', old.assignment_id::text, 'revoke', old.user_id);
     end if;
     if tg_op in ('INSERT', 'UPDATE') then
       insert into changes (entity_type, entity_id, op, user_id)
       values ('assignment', new.assignment_id::text, 'put', new.user_id);
     end if;
     return null;
   end $$`,
  ...(
    [
      ["periods", "period"],
      ["instruments", "instrument"],
      ["pemda", "pemda"],
      ["units", "unit"],
      ["assignments", "assignment"],
    ] as const
  ).map(
    ([table, type]) =>
      `create trigger ${table}_log_change after insert or update or delete on ${table}
       for each row execute function patuh_log_change('${type}')`,
  ),
  // Assessments change on every push: log from the row's columns, without converting the (large)
  // state to jsonb once more as the generic function would.
  `create function patuh_log_assessment_change() returns trigger language plpgsql as $$
   begin
     insert into changes (entity_type, entity_id, op, office_id) values ('assessment', new.id::text, 'put', new.office_id);
     return null;
   end $$`,
  `create trigger assessments_log_change after insert or update on assessments
   for each row execute function patuh_log_assessment_change()`,
  // Only columns a device sees: a password change or deactivation flag must not move the cursor.
  `create trigger users_log_change after insert or update of username, name, role, office_id or delete on users
   for each row execute function patuh_log_change('user')`,
  `create trigger assignment_members_log_change after insert or update or delete on assignment_members
   for each row execute function patuh_log_member_change()`,
];

export const migration002: Migration = {
  version: 2,
  name: "sync",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
