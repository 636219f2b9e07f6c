/**
 * Kysely table interfaces: the TypeScript spelling of the schema the migrations create.
 * Invariant: one interface per table, kept in step with src/server/db/migrations; later migrations
 * (sync, evidence) add their tables to `Database` here as well.
 * bigint columns arrive as strings (pg returns int8 as text); query modules convert them.
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: read as parsed JSON, written as a JSON string (pg would send arrays as PG arrays). */
export type Json<T> = ColumnType<T, string, string>;

export type Role = "assessor" | "supervisor" | "admin";

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Timestamp>;
}

export interface OfficesTable {
  id: string;
  name: string;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  name: string;
  role: Role;
  office_id: string;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  /** sha256 (hex) of the token in the cookie: a leaked table does not leak usable tokens. */
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  username: string;
  at: Timestamp;
  /** The client address (migration 005), for the per-address ceiling. */
  address: string | null;
}

export interface InstrumentsTable {
  id: string;
  version: number;
  definition: Json<unknown>;
  created_at: Generated<Timestamp>;
}

export interface BandingSchemesTable {
  id: string;
  definition: Json<unknown>;
}

export interface PeriodsTable {
  id: string;
  office_id: string;
  year: number;
  name: string;
  instrument_id: string;
  instrument_version: number;
  scheme_id: string;
  status: "open" | "closed";
}

export interface PemdaTable {
  id: string;
  office_id: string;
  code: string;
  name: string;
  kind: string;
  /** Added by migration 011: a retired locus stays for its history. */
  active: Generated<boolean>;
}

export interface UnitsTable {
  id: string;
  pemda_id: string;
  kind: string;
  name: string;
  suggested_products: Json<string[]>;
  /** Added by migration 005. */
  address: Generated<string>;
  /** Added by migration 011: a retired unit is no sampling candidate. */
  active: Generated<boolean>;
}

export interface MasterDataHistoryTable {
  id: Generated<string>;
  office_id: string;
  entity: "locus" | "unit" | "user";
  entity_id: string;
  action: "create" | "update";
  before: Json<unknown> | null;
  after: Json<unknown>;
  actor_id: string | null;
  source: "import" | "form" | "cli";
  at: Generated<Timestamp>;
}

export interface PeriodLocusNamesTable {
  period_id: string;
  pemda_id: string;
  name: string;
  kind: string;
  /** Added by migration 011. */
  code: Generated<string>;
}

/** Migration 011: a sampled unit as its period was closed with. */
export interface PeriodUnitNamesTable {
  period_id: string;
  unit_id: string;
  name: string;
  kind: string;
  address: string;
  products: Json<string[]>;
}

export interface AssignmentsTable {
  id: string;
  period_id: string;
  unit_id: string;
  /** date column, read as "YYYY-MM-DD" (the pool's type parser keeps dates as text). */
  planned_date: string | null;
  created_at: Generated<Timestamp>;
}

export interface AssignmentMembersTable {
  assignment_id: string;
  user_id: string;
}

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  offices: OfficesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  instruments: InstrumentsTable;
  banding_schemes: BandingSchemesTable;
  periods: PeriodsTable;
  pemda: PemdaTable;
  units: UnitsTable;
  master_data_history: MasterDataHistoryTable;
  period_locus_names: PeriodLocusNamesTable;
  period_unit_names: PeriodUnitNamesTable;
  assignments: AssignmentsTable;
  assignment_members: AssignmentMembersTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
