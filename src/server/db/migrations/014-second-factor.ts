/**
 * Migration 014: the optional TOTP second factor of staff accounts (issue #16).
 *
 * Design (why):
 * - user_totp holds one row per account that started enrolment: `confirmed_at` null while the
 *   user has not yet typed a code from their app (enrolment takes effect only then), and
 *   `last_step` the latest 30-second step whose code was accepted, so a code (or an older one) is
 *   never accepted twice — the update that accepts a code is conditional on it, hence atomic.
 *   The secret must be readable to check codes (TOTP is symmetric); it never leaves the server
 *   after enrolment and never enters the audit log.
 * - user_recovery_codes: only a keyed SHA-256 of each code; `used_at` set by one conditional
 *   update, so a code is single-use even under concurrent logins.
 * - login_challenges: the short-lived "password was right, now the second factor" step. The id is
 *   sha256 of the token in the HttpOnly cookie (a leaked table gives no usable token); it expires
 *   after minutes and is deleted when used.
 * Everything cascades with the user. Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `create table user_totp (
     user_id uuid primary key references users(id) on delete cascade,
     secret text not null,
     created_at timestamptz not null default now(),
     confirmed_at timestamptz,
     last_step bigint
   )`,
  `create table user_recovery_codes (
     id bigserial primary key,
     user_id uuid not null references users(id) on delete cascade,
     code_hash text not null,
     used_at timestamptz
   )`,
  `create unique index user_recovery_codes_hash on user_recovery_codes (user_id, code_hash)`,
  `create table login_challenges (
     id text primary key,
     user_id uuid not null references users(id) on delete cascade,
     created_at timestamptz not null,
     expires_at timestamptz not null
   )`,
  `create index login_challenges_expiry on login_challenges (expires_at)`,
];

export const migration014: Migration = {
  version: 14,
  name: "second-factor",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
