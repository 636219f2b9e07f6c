/**
 * Planning queries (issue #7): pemda_samples (migration 005), and the planning view of periods,
 * pemda, units, assessors, assignments and their teams.
 *
 * Owns: pemda_samples, assignments.suggested_products, and the team writes of the planning routes.
 * Invariants: every function runs inside the caller's transaction (no transaction of its own), so
 * one planning request is one transaction; team changes go through row inserts/deletes of
 * assignment_members, so the change-log triggers of 002 tell devices (`put` for a new member,
 * `revoke` addressed to a removed one) — never a bulk rewrite that would revoke and re-grant.
 */
import { type QueryExecutorProvider, sql } from "kysely";

export interface PlanPeriod {
  id: string;
  officeId: string;
  name: string;
  year: number;
  status: "open" | "closed";
}

interface PeriodRow {
  id: string;
  office_id: string;
  name: string;
  year: number;
  status: "open" | "closed";
}

const toPeriod = (r: PeriodRow): PlanPeriod => ({
  id: r.id,
  officeId: r.office_id,
  name: r.name,
  year: r.year,
  status: r.status,
});

/** Periods an office plans (all offices when officeId is null), newest first. */
export async function listPlanPeriods(
  db: QueryExecutorProvider,
  officeId: string | null,
): Promise<PlanPeriod[]> {
  const r = await sql<PeriodRow>`select id, office_id, name, year, status from periods
    where ${officeId === null ? sql`true` : sql`office_id = ${officeId}`}
    order by year desc, name, id`.execute(db);
  return r.rows.map(toPeriod);
}

/**
 * The period, share-locked when `lock` is set: closing a period (an update of the row) waits for
 * the planning write that checked it was open, so no plan change lands in a closed period.
 */
export async function findPlanPeriod(
  db: QueryExecutorProvider,
  id: string,
  lock = false,
): Promise<PlanPeriod | undefined> {
  const r = await sql<PeriodRow>`select id, office_id, name, year, status from periods where id = ${id}::uuid
    ${lock ? sql`for share` : sql``}`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : toPeriod(row);
}

export interface PlanUnit {
  id: string;
  pemdaId: string;
  kind: string;
  name: string;
  suggestedProducts: string[];
}

export interface PlanPemda {
  id: string;
  code: string;
  name: string;
  kind: string;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
}

export async function listOfficePemda(db: QueryExecutorProvider, officeId: string): Promise<PlanPemda[]> {
  const r = await sql<PlanPemda>`select id, code, name, kind from pemda where office_id = ${officeId}
    order by code`.execute(db);
  return r.rows;
}

export async function findPemda(
  db: QueryExecutorProvider,
  id: string,
): Promise<(PlanPemda & { officeId: string }) | undefined> {
  const r = await sql<PlanPemda & { officeId: string }>`select id, code, name, kind, office_id as "officeId"
    from pemda where id = ${id}::uuid`.execute(db);
  return r.rows[0];
}

interface UnitRow {
  id: string;
  pemda_id: string;
  kind: string;
  name: string;
  suggested_products: unknown;
}

const toUnit = (r: UnitRow): PlanUnit => ({
  id: r.id,
  pemdaId: r.pemda_id,
  kind: r.kind,
  name: r.name,
  suggestedProducts: strings(r.suggested_products),
});

export async function listOfficeUnits(db: QueryExecutorProvider, officeId: string): Promise<PlanUnit[]> {
  const r = await sql<UnitRow>`select u.id, u.pemda_id, u.kind, u.name, u.suggested_products
    from units u join pemda p on p.id = u.pemda_id where p.office_id = ${officeId}
    order by u.pemda_id, u.kind, u.name, u.id`.execute(db);
  return r.rows.map(toUnit);
}

/** The sampling candidates of a pemda: its active units (a retired unit is never drawn). */
export async function listPemdaUnits(db: QueryExecutorProvider, pemdaId: string): Promise<PlanUnit[]> {
  const r = await sql<UnitRow>`select id, pemda_id, kind, name, suggested_products from units
    where pemda_id = ${pemdaId}::uuid and active order by kind, name, id`.execute(db);
  return r.rows.map(toUnit);
}

export async function findUnitWithOffice(
  db: QueryExecutorProvider,
  unitId: string,
): Promise<(PlanUnit & { officeId: string }) | undefined> {
  const r = await sql<UnitRow & { office_id: string }>`select u.id, u.pemda_id, u.kind, u.name,
    u.suggested_products, p.office_id from units u join pemda p on p.id = u.pemda_id
    where u.id = ${unitId}::uuid`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : { ...toUnit(row), officeId: row.office_id };
}

export interface PlanAssessor {
  id: string;
  username: string;
  name: string;
}

/** Active assessors of the office: who may be on a team. */
export async function listOfficeAssessors(
  db: QueryExecutorProvider,
  officeId: string,
): Promise<PlanAssessor[]> {
  const r = await sql<PlanAssessor>`select id, username, name from users
    where office_id = ${officeId} and role = 'assessor' and active order by name, username`.execute(db);
  return r.rows;
}

export interface PemdaSample {
  pemdaId: string;
  seed: string;
  mix: { kind: string; count: number }[];
  unitIds: string[];
  edited: boolean;
  updatedAt: string;
}

interface SampleRow {
  pemda_id: string;
  seed: string;
  mix: { kind: string; count: number }[];
  unit_ids: unknown;
  edited: boolean;
  updated_at: Date | string;
}

const toSample = (r: SampleRow): PemdaSample => ({
  pemdaId: r.pemda_id,
  seed: r.seed,
  mix: r.mix,
  unitIds: strings(r.unit_ids),
  edited: r.edited,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function listSamples(db: QueryExecutorProvider, periodId: string): Promise<PemdaSample[]> {
  const r = await sql<SampleRow>`select pemda_id, seed, mix, unit_ids, edited, updated_at from pemda_samples
    where period_id = ${periodId}::uuid order by pemda_id`.execute(db);
  return r.rows.map(toSample);
}

/** The sample, row-locked: two hand edits of one sample serialise instead of losing one. */
export async function findSampleForUpdate(
  db: QueryExecutorProvider,
  periodId: string,
  pemdaId: string,
): Promise<PemdaSample | undefined> {
  const r = await sql<SampleRow>`select pemda_id, seed, mix, unit_ids, edited, updated_at from pemda_samples
    where period_id = ${periodId}::uuid and pemda_id = ${pemdaId}::uuid for update`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : toSample(row);
}

/** A fresh draw replaces the pemda's previous sample (and clears `edited`). */
export async function saveDrawnSample(
  db: QueryExecutorProvider,
  s: { periodId: string; pemdaId: string; seed: string; mix: unknown; unitIds: string[]; userId: string },
): Promise<PemdaSample> {
  const r = await sql<SampleRow>`insert into pemda_samples
      (period_id, pemda_id, seed, mix, unit_ids, edited, created_by, updated_by)
    values (${s.periodId}::uuid, ${s.pemdaId}::uuid, ${s.seed}, ${JSON.stringify(s.mix)}::jsonb,
      ${JSON.stringify(s.unitIds)}::jsonb, false, ${s.userId}::uuid, ${s.userId}::uuid)
    on conflict (period_id, pemda_id) do update set seed = excluded.seed, mix = excluded.mix,
      unit_ids = excluded.unit_ids, edited = false, updated_by = excluded.updated_by, updated_at = now()
    returning pemda_id, seed, mix, unit_ids, edited, updated_at`.execute(db);
  const row = r.rows[0];
  if (row === undefined) throw new Error("saveDrawnSample: no row returned");
  return toSample(row);
}

export async function saveEditedSample(
  db: QueryExecutorProvider,
  s: { periodId: string; pemdaId: string; unitIds: string[]; userId: string },
): Promise<PemdaSample> {
  const r = await sql<SampleRow>`update pemda_samples set unit_ids = ${JSON.stringify(s.unitIds)}::jsonb,
      edited = true, updated_by = ${s.userId}::uuid, updated_at = now()
    where period_id = ${s.periodId}::uuid and pemda_id = ${s.pemdaId}::uuid
    returning pemda_id, seed, mix, unit_ids, edited, updated_at`.execute(db);
  const row = r.rows[0];
  if (row === undefined) throw new Error("saveEditedSample: no sample to edit");
  return toSample(row);
}

export interface PlanAssignment {
  id: string;
  periodId: string;
  unitId: string;
  pemdaId: string;
  team: string[];
  plannedDate: string | null;
  suggestedProducts: string[];
  /** Assessments exist: the assignment can no longer be removed (its members still can). */
  assessmentCount: number;
}

interface AssignmentRow {
  id: string;
  period_id: string;
  unit_id: string;
  pemda_id: string;
  team: string[];
  planned_date: string | null;
  suggested_products: unknown;
  assessment_count: number;
}

const assignmentSelect = sql`select a.id, a.period_id, a.unit_id, u.pemda_id, a.planned_date::text as planned_date,
    a.suggested_products,
    coalesce(array(select m.user_id::text from assignment_members m where m.assignment_id = a.id
                   order by m.user_id), '{}') as team,
    (select count(*)::int from assessments s where s.assignment_id = a.id) as assessment_count
  from assignments a join units u on u.id = a.unit_id`;

const toAssignment = (r: AssignmentRow): PlanAssignment => ({
  id: r.id,
  periodId: r.period_id,
  unitId: r.unit_id,
  pemdaId: r.pemda_id,
  team: r.team,
  plannedDate: r.planned_date,
  suggestedProducts: strings(r.suggested_products),
  assessmentCount: Number(r.assessment_count),
});

export async function listPlanAssignments(
  db: QueryExecutorProvider,
  periodId: string,
): Promise<PlanAssignment[]> {
  const r = await sql<AssignmentRow>`${assignmentSelect} where a.period_id = ${periodId}::uuid
    order by u.pemda_id, a.unit_id`.execute(db);
  return r.rows.map(toAssignment);
}

export async function findPlanAssignment(
  db: QueryExecutorProvider,
  id: string,
): Promise<PlanAssignment | undefined> {
  const r = await sql<AssignmentRow>`${assignmentSelect} where a.id = ${id}::uuid`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : toAssignment(row);
}

/** Locks the assignment row (a removal and a push creating its first assessment serialise). */
export async function lockAssignment(
  db: QueryExecutorProvider,
  id: string,
): Promise<{ id: string; periodId: string } | undefined> {
  const r = await sql<{ id: string; period_id: string }>`select id, period_id from assignments
    where id = ${id}::uuid for update`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : { id: row.id, periodId: row.period_id };
}

/**
 * Creates the (period, unit) assignment or updates its date and products. `suggestedProducts`
 * undefined keeps the stored ones on update and uses `defaultProducts` on create.
 */
export async function upsertAssignment(
  db: QueryExecutorProvider,
  a: {
    id: string;
    periodId: string;
    unitId: string;
    plannedDate: string | null;
    suggestedProducts: string[] | undefined;
    defaultProducts: string[];
  },
): Promise<{ id: string; created: boolean }> {
  const products = JSON.stringify(a.suggestedProducts ?? a.defaultProducts);
  const keep = a.suggestedProducts === undefined;
  const r = await sql<{ id: string; created: boolean }>`insert into assignments
      (id, period_id, unit_id, planned_date, suggested_products)
    values (${a.id}::uuid, ${a.periodId}::uuid, ${a.unitId}::uuid, ${a.plannedDate}::date, ${products}::jsonb)
    on conflict (period_id, unit_id) do update set planned_date = excluded.planned_date,
      suggested_products = ${keep ? sql`assignments.suggested_products` : sql`excluded.suggested_products`}
    returning id, (xmax = 0) as created`.execute(db);
  const row = r.rows[0];
  if (row === undefined) throw new Error("upsertAssignment: no row returned");
  return row;
}

/** Makes the team exactly `team`: removes the others (revoke), adds the new ones (put). */
export async function setTeam(
  db: QueryExecutorProvider,
  assignmentId: string,
  team: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const removed = await sql<{ user_id: string }>`delete from assignment_members
    where assignment_id = ${assignmentId}::uuid and not (user_id = any(${[...team]}::uuid[]))
    returning user_id`.execute(db);
  const added =
    team.length === 0
      ? { rows: [] }
      : await sql<{ user_id: string }>`insert into assignment_members (assignment_id, user_id)
          select ${assignmentId}::uuid, t from unnest(${[...team]}::uuid[]) as t
          on conflict do nothing returning user_id`.execute(db);
  return { added: added.rows.map((x) => x.user_id), removed: removed.rows.map((x) => x.user_id) };
}

export async function removeMember(
  db: QueryExecutorProvider,
  assignmentId: string,
  userId: string,
): Promise<boolean> {
  const r = await sql`delete from assignment_members
    where assignment_id = ${assignmentId}::uuid and user_id = ${userId}::uuid`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function countAssessmentsOf(db: QueryExecutorProvider, assignmentId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from assessments
    where assignment_id = ${assignmentId}::uuid`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Deletes the assignment; its members go by cascade (each writes a revoke for its user). */
export async function deleteAssignment(db: QueryExecutorProvider, assignmentId: string): Promise<void> {
  await sql`delete from assignment_members where assignment_id = ${assignmentId}::uuid`.execute(db);
  await sql`delete from assignments where id = ${assignmentId}::uuid`.execute(db);
}

/**
 * Was this user taken off the assignment's team (or the assignment removed under them)? The
 * member trigger addressed a `revoke` change to them. Push uses it to answer a removed assessor's
 * further edits with `assignment_removed` instead of a bare not-found.
 */
export async function wasRemovedFromAssignment(
  db: QueryExecutorProvider,
  userId: string,
  assignmentId: string,
): Promise<boolean> {
  const r = await sql<{ hit: number }>`select 1 as hit from changes
    where entity_type = 'assignment' and op = 'revoke' and entity_id = ${assignmentId}
      and user_id = ${userId}::uuid limit 1`.execute(db);
  return r.rows.length > 0;
}

/**
 * Did this device's create of the assessment come back `assignment_removed`? Then its later edits
 * of that (never created) assessment get the same clear answer rather than a bare not-found.
 * Only the device's own rejections are consulted, so nothing leaks to anyone else.
 */
export async function createRefusedAsRemoved(
  db: QueryExecutorProvider,
  clientId: string,
  assessmentId: string,
): Promise<boolean> {
  const r = await sql<{ hit: number }>`select 1 as hit from mutation_rejections
    where client_id = ${clientId}::uuid and code = 'assignment_removed'
      and details->>'assessmentId' = ${assessmentId} limit 1`.execute(db);
  return r.rows.length > 0;
}
