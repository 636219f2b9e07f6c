/**
 * What a push transaction needs to judge one mutation, read in one round trip: the assessment
 * (row-locked until commit) and the authorisation scope of its assignment — team, office, period
 * status and the period's instrument version. Owns no table.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { AssessmentState, Assignment } from "../../domain/sync/protocol";

export interface AssignmentScopeRow {
  assignment: Assignment;
  officeId: string;
  team: readonly string[];
  periodStatus: string;
  instrumentId: string;
  instrumentVersion: number;
}

export interface MutationTarget {
  existing: { state: AssessmentState; officeId: string } | undefined;
  scope: AssignmentScopeRow | undefined;
}

/**
 * Locks and loads the assessment, and the scope of its assignment (or, for a create, of
 * `createAssignmentId`: the assessment does not exist yet).
 */
export async function loadMutationTarget(
  db: QueryExecutorProvider,
  assessmentId: string,
  createAssignmentId: string | null,
): Promise<MutationTarget> {
  const r = await sql<{
    state: AssessmentState | null;
    existing_office_id: string | null;
    id: string | null;
    period_id: string;
    unit_id: string;
    pemda_id: string;
    planned_date: string | null;
    team: string[];
    office_id: string;
    status: string;
    instrument_id: string;
    instrument_version: number;
  }>`with x as (select state, office_id, assignment_id from assessments where id = ${assessmentId} for update)
     select x.state, x.office_id as existing_office_id, s.*
     from (select 1) as one
     left join x on true
     left join lateral (
       select a.id, a.period_id, a.unit_id, u.pemda_id, a.planned_date::text as planned_date,
         coalesce(array(select m.user_id::text from assignment_members m where m.assignment_id = a.id
                        order by m.user_id), '{}') as team,
         p.office_id, p.status, p.instrument_id, p.instrument_version
       from assignments a join periods p on p.id = a.period_id join units u on u.id = a.unit_id
       where a.id = coalesce(x.assignment_id, ${createAssignmentId}::uuid)
     ) as s on true`.execute(db);
  const x = r.rows[0];
  if (x === undefined) return { existing: undefined, scope: undefined };
  const existing =
    x.state === null || x.existing_office_id === null
      ? undefined
      : { state: x.state, officeId: x.existing_office_id };
  if (x.id === null) return { existing, scope: undefined };
  return {
    existing,
    scope: {
      assignment: {
        id: x.id,
        periodId: x.period_id,
        unitId: x.unit_id,
        pemdaId: x.pemda_id,
        team: x.team,
        plannedDate: x.planned_date,
      },
      officeId: x.office_id,
      team: x.team,
      periodStatus: x.status,
      instrumentId: x.instrument_id,
      instrumentVersion: x.instrument_version,
    },
  };
}

/** An assessment with what visibility needs (no lock: for reads). */
export async function loadAssessmentWithScope(
  db: QueryExecutorProvider,
  assessmentId: string,
): Promise<{ state: AssessmentState; officeId: string; team: string[] } | undefined> {
  const r = await sql<{ state: AssessmentState; office_id: string; team: string[] }>`
    select a.state, a.office_id,
      coalesce(array(select m.user_id::text from assignment_members m where m.assignment_id = a.assignment_id
                     order by m.user_id), '{}') as team
    from assessments a where a.id = ${assessmentId}`.execute(db);
  const x = r.rows[0];
  return x === undefined ? undefined : { state: x.state, officeId: x.office_id, team: x.team };
}
