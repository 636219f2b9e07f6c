/**
 * GET /progress?periodId=: how far a period's round has come, per pemda and per sampled unit
 * (its assignment), with each unit's team by name so the UI can filter by assessor.
 * Owns no table. Counts are of the units' current state (their latest assessment):
 * sampled = units drawn or assigned (results/period-units.ts; a drawn unit with no team yet is
 * `not_started` with an empty team and no assignment id); visited = units with an assessment (the visit was started);
 * draft / submitted / returned / approved = units whose assessment has that status now.
 * So submitted + returned + approved + draft = visited, and visited ≤ sampled.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { AssessmentStatus } from "../../domain/sync/protocol";
import type { PeriodInfo } from "../results/period-results";
import { periodUnits } from "../results/period-units";

export interface ProgressUnit {
  unitId: string;
  name: string;
  /** Null while the drawn unit has no team yet. */
  assignmentId: string | null;
  plannedDate: string | null;
  assessmentId: string | null;
  status: AssessmentStatus | "not_started";
  revision: number | null;
  updatedAt: string | null;
  submittedAt: string | null;
  /** Open conflicts on the assessment (shown to the supervisor until resolved). */
  conflicts: number;
  team: { id: string; name: string }[];
}

export interface ProgressCounts {
  sampled: number;
  visited: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

export interface ProgressPemda extends ProgressCounts {
  pemdaId: string;
  name: string;
  code: string;
  units: ProgressUnit[];
}

export interface PeriodProgress {
  periodId: string;
  totals: ProgressCounts;
  pemda: ProgressPemda[];
}

const zero = (): ProgressCounts => ({
  sampled: 0,
  visited: 0,
  draft: 0,
  submitted: 0,
  returned: 0,
  approved: 0,
});

function count(into: ProgressCounts, status: ProgressUnit["status"]): void {
  into.sampled += 1;
  if (status === "not_started") return;
  into.visited += 1;
  into[status] += 1;
}

export async function periodProgress(db: QueryExecutorProvider, period: PeriodInfo): Promise<PeriodProgress> {
  const r = await sql<{
    pemda_id: string;
    pemda_name: string;
    pemda_code: string;
    unit_id: string;
    unit_name: string;
    assignment_id: string | null;
    planned_date: string | null;
    assessment_id: string | null;
    status: AssessmentStatus | null;
    revision: number | null;
    updated_at: Date | null;
    submitted_at: string | null;
    conflicts: number | null;
    team: { id: string; name: string }[];
  }>`select pd.id as pemda_id, pd.name as pemda_name, pd.code as pemda_code, u.id as unit_id, u.name as unit_name,
       a.id as assignment_id, asg.planned_date::text as planned_date, x.id as assessment_id, x.status, x.revision,
       x.updated_at, x.submitted_at, x.conflicts,
       coalesce((select json_agg(json_build_object('id', us.id, 'name', us.name) order by us.name, us.id)
                 from assignment_members m join users us on us.id = m.user_id
                 where m.assignment_id = a.id), '[]'::json) as team
     from ${periodUnits([period.id])} a
     join units u on u.id = a.unit_id
     join pemda pd on pd.id = u.pemda_id
     left join assignments asg on asg.id = a.id
     left join lateral (select s.id, s.status, s.revision, s.updated_at, s.state->>'submittedAt' as submitted_at,
                          jsonb_array_length(coalesce(s.state->'conflicts', '[]'::jsonb)) as conflicts
                        from assessments s where s.assignment_id = a.id
                        order by s.updated_at desc, s.id limit 1) x on true
     order by pd.code, pd.name, pd.id, u.name, u.id, a.id`.execute(db);
  const totals = zero();
  const byPemda = new Map<string, ProgressPemda>();
  for (const row of r.rows) {
    let p = byPemda.get(row.pemda_id);
    if (p === undefined) {
      p = { pemdaId: row.pemda_id, name: row.pemda_name, code: row.pemda_code, ...zero(), units: [] };
      byPemda.set(row.pemda_id, p);
    }
    const status = row.status ?? "not_started";
    count(p, status);
    count(totals, status);
    p.units.push({
      unitId: row.unit_id,
      name: row.unit_name,
      assignmentId: row.assignment_id,
      plannedDate: row.planned_date,
      assessmentId: row.assessment_id,
      status,
      revision: row.revision,
      updatedAt: row.updated_at === null ? null : new Date(row.updated_at).toISOString(),
      submittedAt: row.submitted_at,
      conflicts: Number(row.conflicts ?? 0),
      team: row.team,
    });
  }
  return { periodId: period.id, totals, pemda: [...byPemda.values()] };
}
