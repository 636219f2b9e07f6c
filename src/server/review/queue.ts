/**
 * GET /review-queue (issue #20): every checklist waiting for a decision in every OPEN period the
 * user manages (supervisor: their office's; admin: all), oldest submission first. A checklist of
 * last round still waiting is not hidden behind the newest period's empty queue.
 * Owns no table. Invariant: only each assignment's current assessment counts (the one progress
 * shows: latest updated_at, then smallest id), so a unit appears once. Each item carries the
 * unit's current score as results show it (with the locus's secondary data, issue #18).
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { PublicUser } from "../db/queries/users";
import { currentScoresWithLocus } from "../results/locus-scores";
import { cachedFromColumns, SCORE_COLUMNS, type ScoreColumns } from "../results/score-cache";
import type { InstrumentCache } from "../sync/instrument-cache";

export interface QueueItem {
  assessmentId: string;
  revision: number;
  submittedAt: string | null;
  /** Returned at least once before: the reviewer will want "changed since return". */
  resubmitted: boolean;
  conflicts: number;
  /** The unit score of the current state, as results show it; null when the instrument is unknown. */
  score: number | null;
  period: { id: string; name: string; year: number };
  pemda: { id: string; name: string; code: string };
  unit: { id: string; name: string };
  team: { id: string; name: string }[];
}

export async function reviewQueue(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  user: PublicUser,
): Promise<QueueItem[]> {
  const office = user.role === "admin" ? sql`true` : sql`s.office_id = ${user.officeId}`;
  const r = await sql<
    {
      assessment_id: string;
      revision: number;
      submitted_at: string | null;
      resubmitted: boolean;
      conflicts: number;
      period_id: string;
      period_name: string;
      year: number;
      pemda_id: string;
      pemda_name: string;
      pemda_code: string;
      unit_id: string;
      unit_name: string;
      team: { id: string; name: string }[];
    } & ScoreColumns
  >`select s.id as assessment_id, s.revision, s.state->>'submittedAt' as submitted_at,
       exists (select 1 from jsonb_array_elements(coalesce(s.state->'reviewComments', '[]'::jsonb)) rc
               where rc->>'decision' = 'return') as resubmitted,
       jsonb_array_length(coalesce(s.state->'conflicts', '[]'::jsonb)) as conflicts,
       p.id as period_id, p.name as period_name, p.year, pd.id as pemda_id, pd.name as pemda_name,
       pd.code as pemda_code, u.id as unit_id, u.name as unit_name,
       coalesce((select json_agg(json_build_object('id', us.id, 'name', us.name) order by us.name, us.id)
                 from assignment_members m join users us on us.id = m.user_id
                 where m.assignment_id = s.assignment_id), '[]'::json) as team, ${SCORE_COLUMNS}
     from assessments s
     left join assessment_scores sc on sc.assessment_id = s.id
     join periods p on p.id = s.period_id
     join units u on u.id = s.unit_id
     join pemda pd on pd.id = s.pemda_id
     where s.status = 'submitted' and p.status = 'open' and ${office}
       and not exists (select 1 from assessments n where n.assignment_id = s.assignment_id
                       and (n.updated_at > s.updated_at or (n.updated_at = s.updated_at and n.id < s.id)))
     order by s.state->>'submittedAt' nulls last, s.id`.execute(db);
  const scores = await currentScoresWithLocus(
    db,
    instruments,
    r.rows.map((x) => ({
      id: x.assessment_id,
      revision: x.revision,
      cached: cachedFromColumns(x),
      periodId: x.period_id,
    })),
  );
  return r.rows.map((x) => ({
    assessmentId: x.assessment_id,
    revision: x.revision,
    submittedAt: x.submitted_at,
    resubmitted: x.resubmitted,
    conflicts: Number(x.conflicts),
    score: scores.get(x.assessment_id)?.total ?? null,
    period: { id: x.period_id, name: x.period_name, year: x.year },
    pemda: { id: x.pemda_id, name: x.pemda_name, code: x.pemda_code },
    unit: { id: x.unit_id, name: x.unit_name },
    team: x.team,
  }));
}
