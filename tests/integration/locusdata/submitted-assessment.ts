// A submitted assessment of the test 2025 instrument (instrument.ts), written straight into the
// database: the two locus-data test files score units from it. One place for its shape.
import { type QueryExecutorProvider, sql } from "kysely";

export async function insertSubmittedAssessment(
  db: QueryExecutorProvider,
  row: {
    periodId: string;
    pemdaId: string;
    unitId: string;
    assignmentId: string;
    assessorId: string;
    observed: number;
  },
): Promise<string> {
  const id = crypto.randomUUID();
  const at = "2025-08-01T02:00:00.000Z";
  const author = { by: row.assessorId, clientId: row.assessorId, at };
  const state = {
    id,
    assignmentId: row.assignmentId,
    unitId: row.unitId,
    pemdaId: row.pemdaId,
    periodId: row.periodId,
    instrumentId: "uji-2025",
    instrumentVersion: 1,
    status: "submitted",
    visit: { date: "2025-08-01", startedAt: at, endedAt: at, mode: "scheduled", team: [row.assessorId] },
    answers: { "IN.01": row.observed, "KP.01": 3 },
    notes: {},
    products: [],
    respondents: [],
    evidence: [],
    conflicts: [],
    reviewComments: [],
    authors: { answers: { "IN.01": author, "KP.01": author }, notes: {} },
    createdBy: row.assessorId,
    createdAt: at,
    submittedAt: at,
    revision: 4,
    updatedAt: at,
  };
  await sql`insert into assessments (id, assignment_id, period_id, unit_id, pemda_id, office_id, status, revision,
              state, created_by, updated_at)
            values (${id}, ${row.assignmentId}, ${row.periodId}, ${row.unitId}, ${row.pemdaId}, 'gorontalo', 'submitted', 4,
              ${JSON.stringify(state)}::jsonb, ${row.assessorId}, now())`.execute(db);
  return id;
}
