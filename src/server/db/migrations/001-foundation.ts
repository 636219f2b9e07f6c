/**
 * 001: offices, users, sessions, login failures, reference data (instruments, banding schemes,
 * periods, pemda, units) and assignments with their teams. PostgreSQL 15 compatible SQL.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

export const migration001: Migration = {
  version: 1,
  name: "foundation",
  async up(trx) {
    await sql`
      create table offices (
        id text primary key,
        name text not null
      );

      create table users (
        id uuid primary key default gen_random_uuid(),
        username text not null,
        name text not null,
        role text not null check (role in ('assessor', 'supervisor', 'admin')),
        office_id text not null references offices(id),
        password_hash text not null,
        active boolean not null default true,
        created_at timestamptz not null default now()
      );
      create unique index users_username_ci on users (lower(username));
      create index users_office on users (office_id);

      create table sessions (
        id text primary key,
        user_id uuid not null references users(id) on delete cascade,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        last_seen_at timestamptz not null
      );
      create index sessions_user on sessions (user_id);
      create index sessions_expires on sessions (expires_at);

      create table login_failures (
        id bigserial primary key,
        username text not null,
        at timestamptz not null
      );
      create index login_failures_username_at on login_failures (username, at);

      create table instruments (
        id text not null,
        version integer not null check (version > 0),
        definition jsonb not null,
        created_at timestamptz not null default now(),
        primary key (id, version)
      );

      create table banding_schemes (
        id text primary key,
        definition jsonb not null
      );

      create table periods (
        id uuid primary key default gen_random_uuid(),
        office_id text not null references offices(id),
        year integer not null,
        name text not null,
        instrument_id text not null,
        instrument_version integer not null,
        scheme_id text not null references banding_schemes(id),
        status text not null default 'open' check (status in ('open', 'closed')),
        foreign key (instrument_id, instrument_version) references instruments(id, version)
      );
      create index periods_office on periods (office_id);

      create table pemda (
        id uuid primary key default gen_random_uuid(),
        office_id text not null references offices(id),
        code text not null,
        name text not null,
        kind text not null,
        unique (office_id, code)
      );

      create table units (
        id uuid primary key default gen_random_uuid(),
        pemda_id uuid not null references pemda(id),
        kind text not null,
        name text not null,
        suggested_products jsonb not null default '[]'::jsonb
      );
      create index units_pemda on units (pemda_id);

      create table assignments (
        id uuid primary key default gen_random_uuid(),
        period_id uuid not null references periods(id),
        unit_id uuid not null references units(id),
        planned_date date,
        created_at timestamptz not null default now(),
        unique (period_id, unit_id)
      );

      create table assignment_members (
        assignment_id uuid not null references assignments(id) on delete cascade,
        user_id uuid not null references users(id),
        primary key (assignment_id, user_id)
      );
      create index assignment_members_user on assignment_members (user_id);
    `.execute(trx);
  },
};
