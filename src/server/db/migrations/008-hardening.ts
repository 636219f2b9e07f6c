/**
 * Migration 008: hardening (issue #16) — the client address of login failures and when each
 * uploader sent a blob.
 *
 * Design (why):
 * - login_failures.address: the per-account limit stays the guard; the address only feeds a
 *   generous per-address ceiling (a whole office may share one NAT address), so it is nullable and
 *   indexed apart.
 * - evidence_uploaders.uploaded_at: the sweep deletes blobs that no assessment references once the
 *   grace period after their LAST upload is over (a device that uploads and then pushes the attach
 *   a little later must not lose the blob in between).
 * Runs on PostgreSQL 15 and on PGlite.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `alter table login_failures add column address text`,
  `create index login_failures_address_at on login_failures (address, at) where address is not null`,
  `alter table evidence_uploaders add column uploaded_at timestamptz not null default now()`,
  `create index evidence_uploaders_user on evidence_uploaders (user_id)`,
];

export const migration008: Migration = {
  version: 8,
  name: "hardening",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
