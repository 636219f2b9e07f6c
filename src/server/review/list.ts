/**
 * GET /assessments: the assessments a user may see (sync/permissions.ts visibility, in SQL:
 * admin → all, supervisor → their office, assessor → their teams' assignments), filtered by
 * period, pemda and status, each with its current score: the score cache's, or with the locus's
 * secondary data where the instrument has any (results/locus-scores.ts), as results show it. Owns no table.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { AssessmentStatus } from "../../domain/sync/protocol";
import type { PublicUser } from "../db/queries/users";
import { currentScoresWithLocus } from "../results/locus-scores";
import { cachedFromColumns, SCORE_COLUMNS, type ScoreColumns } from "../results/score-cache";
import type { InstrumentCache } from "../sync/instrument-cache";

export interface ListFilter {
  periodId?: string | undefined;
  pemdaId?: string | undefined;
  status?: AssessmentStatus | undefined;
}

export interface ListItem {
  id: string;
  assignmentId: string;
  periodId: string;
  unitId: string;
  unitName: string;
  pemdaId: string;
  pemdaName: string;
  status: AssessmentStatus;
  revision: number;
  updatedAt: string;
  /** The unit score of the current state (methodology §3.6); null when the instrument is unknown. */
  score: number | null;
  complete: boolean | null;
}

function visibleTo(user: PublicUser) {
  if (user.role === "admin") return sql`true`;
  if (user.role === "supervisor") return sql`a.office_id = ${user.officeId}`;
  return sql`exists (select 1 from assignment_members m where m.assignment_id = a.assignment_id
                     and m.user_id = ${user.id})`;
}

export async function listAssessments(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  user: PublicUser,
  filter: ListFilter,
): Promise<ListItem[]> {
  const r = await sql<
    {
      id: string;
      assignment_id: string;
      period_id: string;
      unit_id: string;
      unit_name: string;
      pemda_id: string;
      pemda_name: string;
      status: AssessmentStatus;
      revision: number;
      updated_at: Date;
    } & ScoreColumns
  >`select a.id, a.assignment_id, a.period_id, a.unit_id, u.name as unit_name, a.pemda_id, pd.name as pemda_name,
       a.status, a.revision, a.updated_at, ${SCORE_COLUMNS}
     from assessments a
     join units u on u.id = a.unit_id
     join pemda pd on pd.id = a.pemda_id
     left join assessment_scores sc on sc.assessment_id = a.id
     where ${visibleTo(user)}
       and (${filter.periodId ?? null}::uuid is null or a.period_id = ${filter.periodId ?? null}::uuid)
       and (${filter.pemdaId ?? null}::uuid is null or a.pemda_id = ${filter.pemdaId ?? null}::uuid)
       and (${filter.status ?? null}::text is null or a.status = ${filter.status ?? null}::text)
     order by pd.name, u.name, a.id`.execute(db);
  const scores = await currentScoresWithLocus(
    db,
    instruments,
    r.rows.map((x) => ({
      id: x.id,
      revision: x.revision,
      cached: cachedFromColumns(x),
      periodId: x.period_id,
    })),
  );
  return r.rows.map((x) => {
    const s = scores.get(x.id);
    return {
      id: x.id,
      assignmentId: x.assignment_id,
      periodId: x.period_id,
      unitId: x.unit_id,
      unitName: x.unit_name,
      pemdaId: x.pemda_id,
      pemdaName: x.pemda_name,
      status: x.status,
      revision: x.revision,
      updatedAt: new Date(x.updated_at).toISOString(),
      score: s?.total ?? null,
      complete: s?.complete ?? null,
    };
  });
}
