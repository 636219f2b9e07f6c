/**
 * Read-only loaders of the entities a pull carries, mapped from the foundation tables (001) to the
 * protocol's entity values, and the one visibility query (which assignments a user sees).
 * Owns no table. Invariant: visibility here matches sync/permissions.ts canSeeAssignment.
 */
import { type QueryExecutorProvider, type RawBuilder, sql } from "kysely";
import type {
  AssessmentState,
  Assignment,
  InstrumentRecord,
  Pemda,
  Period,
  PublicUser,
  Role,
  Unit,
} from "../../domain/sync/protocol";
import type { SyncUser } from "../sync/permissions";

interface AssignmentRow {
  id: string;
  period_id: string;
  unit_id: string;
  pemda_id: string;
  planned_date: string | null;
  team: string[];
  suggested_products: unknown;
}

const assignmentColumns = sql`a.id, a.period_id, a.unit_id, u.pemda_id, a.planned_date::text as planned_date, a.suggested_products,
  coalesce(array(select m.user_id::text from assignment_members m where m.assignment_id = a.id order by m.user_id), '{}') as team`;

function toAssignment(r: AssignmentRow): Assignment {
  return {
    id: r.id,
    periodId: r.period_id,
    unitId: r.unit_id,
    pemdaId: r.pemda_id,
    team: r.team,
    plannedDate: r.planned_date,
    // Planning (migration 004): the supervisor's suggestions, offered on the device as one-tap adds.
    suggestedProducts: Array.isArray(r.suggested_products)
      ? r.suggested_products.filter((p): p is string => typeof p === "string")
      : [],
  };
}

export async function visibleAssignments(db: QueryExecutorProvider, user: SyncUser): Promise<Assignment[]> {
  let filter: RawBuilder<unknown>;
  if (user.role === "admin") filter = sql`true`;
  else if (user.role === "supervisor") filter = sql`p.office_id = ${user.officeId}`;
  else
    filter = sql`exists (select 1 from assignment_members m where m.assignment_id = a.id and m.user_id = ${user.id})`;
  const r = await sql<AssignmentRow>`select ${assignmentColumns}
    from assignments a join periods p on p.id = a.period_id join units u on u.id = a.unit_id
    where ${filter} order by a.id`.execute(db);
  return r.rows.map(toAssignment);
}

/** A `periods` row as the sync and period reads select it. */
export interface PeriodRow {
  id: string;
  office_id: string;
  name: string;
  year: number;
  instrument_id: string;
  instrument_version: number;
  scheme_id: string;
  status: Period["status"];
}

/** The protocol's Period of a row (pull's `period` value, and GET /periods). */
export function toPeriod(x: PeriodRow): Period {
  return {
    id: x.id,
    officeId: x.office_id,
    name: x.name,
    year: x.year,
    instrumentId: x.instrument_id,
    instrumentVersion: x.instrument_version,
    schemeId: x.scheme_id,
    status: x.status,
  };
}

export async function loadPeriods(db: QueryExecutorProvider, ids: readonly string[]): Promise<Period[]> {
  if (ids.length === 0) return [];
  const r =
    await sql<PeriodRow>`select id, office_id, name, year, instrument_id, instrument_version, scheme_id, status
     from periods where id = any(${[...ids]}::uuid[]) order by id`.execute(db);
  return r.rows.map(toPeriod);
}

/** Keys are `id@version`. */
export async function loadInstruments(
  db: QueryExecutorProvider,
  keys: readonly string[],
): Promise<InstrumentRecord[]> {
  if (keys.length === 0) return [];
  const r = await sql<{ id: string; version: number; definition: unknown }>`
    select id, version, definition from instruments
    where (id || '@' || version::text) = any(${[...keys]}::text[]) order by id, version`.execute(db);
  return r.rows.map((x) => ({ id: x.id, version: x.version, definition: x.definition }));
}

export async function loadPemda(db: QueryExecutorProvider, ids: readonly string[]): Promise<Pemda[]> {
  if (ids.length === 0) return [];
  const r = await sql<{ id: string; office_id: string; code: string; name: string; kind: string }>`
    select id, office_id, code, name, kind from pemda where id = any(${[...ids]}::uuid[]) order by id`.execute(
    db,
  );
  return r.rows.map((x) => ({ id: x.id, officeId: x.office_id, code: x.code, name: x.name, kind: x.kind }));
}

export async function loadUnits(db: QueryExecutorProvider, ids: readonly string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  const r = await sql<{
    id: string;
    pemda_id: string;
    name: string;
    kind: string;
    suggested_products: unknown;
  }>`
    select id, pemda_id, name, kind, suggested_products from units where id = any(${[...ids]}::uuid[]) order by id`.execute(
    db,
  );
  return r.rows.map((x) => ({
    id: x.id,
    pemdaId: x.pemda_id,
    name: x.name,
    kind: x.kind,
    suggestedProducts: Array.isArray(x.suggested_products)
      ? x.suggested_products.filter((p) => typeof p === "string")
      : [],
  }));
}

export async function loadUsers(db: QueryExecutorProvider, ids: readonly string[]): Promise<PublicUser[]> {
  if (ids.length === 0) return [];
  const r = await sql<{ id: string; username: string; name: string; role: Role; office_id: string }>`
    select id, username, name, role, office_id from users where id = any(${[...ids]}::uuid[]) order by id`.execute(
    db,
  );
  return r.rows.map((x) => ({
    id: x.id,
    username: x.username,
    name: x.name,
    role: x.role,
    officeId: x.office_id,
  }));
}

/** States by id, plus every assessment of the given assignments. */
export async function loadAssessmentStates(
  db: QueryExecutorProvider,
  ids: readonly string[],
  assignmentIds: readonly string[],
): Promise<AssessmentState[]> {
  if (ids.length === 0 && assignmentIds.length === 0) return [];
  const r = await sql<{ state: AssessmentState }>`select state from assessments
    where id = any(${[...ids]}::uuid[]) or assignment_id = any(${[...assignmentIds]}::uuid[]) order by id`.execute(
    db,
  );
  return r.rows.map((x) => x.state);
}

export async function assessmentIdsOfAssignments(
  db: QueryExecutorProvider,
  assignmentIds: readonly string[],
): Promise<string[]> {
  if (assignmentIds.length === 0) return [];
  const r = await sql<{
    id: string;
  }>`select id from assessments where assignment_id = any(${[...assignmentIds]}::uuid[]) order by id`.execute(
    db,
  );
  return r.rows.map((x) => x.id);
}
