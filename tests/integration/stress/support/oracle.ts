// The oracle of the chaos test: what the protocol's rules say the server must hold, computed from
// the devices' edit log alone. The server's receive order of one assessment's applied mutations is
// its history's revision order (each applied mutation raises the revision by exactly 1 and leaves
// at least one history row naming its client and mutation id); replaying the logged mutations in
// that order through the pure reducer (src/domain/sync/apply.ts) must give every mutation "ok" and
// end in the server's stored state, and each step's diff must be the history rows of that revision.
import { sql } from "kysely";
import { applyMutation } from "../../../../src/domain/sync/apply";
import type { AssessmentState, Assignment, Mutation } from "../../../../src/domain/sync/protocol";
import type { Db } from "../../../../src/server/db/connection";
import { diffStates } from "../../../../src/server/sync/history-diff";
import { InstrumentCache } from "../../../../src/server/sync/instrument-cache";

export interface LoggedEdit {
  clientId: string;
  userId: string;
  mutation: Mutation;
}

/** Server-clock fields (the reducer's ctx.now) differ between replay and server by design. */
export function withoutServerTimes(s: AssessmentState): AssessmentState {
  return {
    ...s,
    createdAt: "",
    updatedAt: "",
    submittedAt: s.submittedAt === null ? null : "",
    conflicts: s.conflicts.map((c) => ({ ...c, detectedAt: "" })),
  };
}

export interface OracleReport {
  applied: number;
  rejected: number;
  problems: string[];
  rejectionCodes: Record<string, number>;
}

export async function checkAgainstOracle(
  db: Db,
  log: readonly LoggedEdit[],
  assignments: ReadonlyMap<string, Assignment>,
): Promise<OracleReport> {
  const problems: string[] = [];
  const byId = new Map(log.map((e) => [`${e.clientId}/${e.mutation.id}`, e]));
  const history = await sql<{
    assessment_id: string;
    revision: number;
    client_id: string | null;
    mutation_id: string | null;
    key: string;
    old: unknown;
    new: unknown;
  }>`select assessment_id, revision, client_id, mutation_id, key, old, new from assessment_history order by seq`.execute(
    db,
  );
  const rejections = await sql<{ client_id: string; mutation_id: string; code: string }>`
    select client_id, mutation_id, code from mutation_rejections`.execute(db);
  const states = await sql<{ id: string; state: AssessmentState; revision: number }>`
    select id, state, revision from assessments`.execute(db);

  // Each logged mutation: applied at exactly one revision of one assessment, or rejected once.
  const appliedAt = new Map<string, { assessmentId: string; revision: number }>();
  const rowsOf = new Map<string, { key: string; old: unknown; new: unknown }[]>();
  for (const h of history.rows) {
    const rev = `${h.assessment_id}#${h.revision}`;
    rowsOf.set(rev, [...(rowsOf.get(rev) ?? []), { key: h.key, old: h.old, new: h.new }]);
    if (h.client_id === null || h.mutation_id === null) continue;
    const id = `${h.client_id}/${Number(h.mutation_id)}`;
    const seen = appliedAt.get(id);
    if (seen && (seen.assessmentId !== h.assessment_id || seen.revision !== h.revision))
      problems.push(`mutation ${id} applied twice (revisions ${seen.revision} and ${h.revision})`);
    appliedAt.set(id, { assessmentId: h.assessment_id, revision: h.revision });
  }
  const rejectionCodes: Record<string, number> = {};
  const rejected = new Set<string>();
  for (const r of rejections.rows) {
    const id = `${r.client_id}/${Number(r.mutation_id)}`;
    rejected.add(id);
    rejectionCodes[r.code] = (rejectionCodes[r.code] ?? 0) + 1;
    if (appliedAt.has(id)) problems.push(`mutation ${id} both applied and rejected`);
  }
  for (const id of byId.keys()) {
    if (!appliedAt.has(id) && !rejected.has(id))
      problems.push(`mutation ${id} lost (neither applied nor rejected)`);
  }
  for (const id of [...appliedAt.keys(), ...rejected]) {
    if (!byId.has(id)) problems.push(`server holds mutation ${id} that no device made`);
  }

  // Replay in server order, per assessment.
  const instruments = new InstrumentCache();
  const order = new Map<string, { revision: number; edit: LoggedEdit }[]>();
  for (const [id, at] of appliedAt) {
    const edit = byId.get(id);
    if (!edit) continue;
    order.set(at.assessmentId, [...(order.get(at.assessmentId) ?? []), { revision: at.revision, edit }]);
  }
  for (const row of states.rows) {
    const steps = (order.get(row.id) ?? []).sort((a, b) => a.revision - b.revision);
    let state: AssessmentState | undefined;
    for (const [i, { revision, edit }] of steps.entries()) {
      if (revision !== i + 1) {
        problems.push(`${row.id}: revision ${i + 1} has no logged mutation (next is ${revision})`);
        break;
      }
      const assessment = state ?? (edit.mutation.name === "assessment.create" ? undefined : null);
      if (assessment === null) {
        problems.push(`${row.id}: first applied mutation is ${edit.mutation.name}`);
        break;
      }
      const instrumentId =
        state?.instrumentId ?? (edit.mutation.args as { instrumentId: string }).instrumentId;
      const version =
        state?.instrumentVersion ?? (edit.mutation.args as { instrumentVersion: number }).instrumentVersion;
      const instrument = await instruments.get(db, instrumentId, version);
      if (!instrument) throw new Error(`instrument ${instrumentId}@${version} missing`);
      const assignmentId =
        state?.assignmentId ?? (edit.mutation.args as { assignmentId: string }).assignmentId;
      const result = applyMutation(state, edit.mutation, {
        instrument,
        userId: edit.userId,
        clientId: edit.clientId,
        now: new Date(0).toISOString(),
        assignment: assignments.get(assignmentId),
      });
      if (!result.ok) {
        problems.push(
          `${row.id}: replaying ${edit.mutation.name} at revision ${revision} gives ${result.code}`,
        );
        break;
      }
      // The audit trail of that revision is exactly the step's diff: every overwritten value is kept.
      const predicted = normaliseRows(diffStates(state, result.state));
      const stored = normaliseRows(rowsOf.get(`${row.id}#${revision}`) ?? []);
      const expectedRows =
        predicted.length > 0 ? predicted : normaliseRows([{ key: "noop", old: null, new: null }]);
      if (JSON.stringify(stripTimes(stored)) !== JSON.stringify(stripTimes(expectedRows)))
        problems.push(
          `${row.id}: history of revision ${revision} (${edit.mutation.name}) differs from the rules' diff:\n` +
            `rules  ${JSON.stringify(stripTimes(expectedRows))}\nstored ${JSON.stringify(stripTimes(stored))}`,
        );
      state = result.state;
    }
    if (state === undefined) {
      problems.push(`${row.id}: no applied mutation replays it`);
      continue;
    }
    const want = JSON.stringify(sortKeys(withoutServerTimes(state)));
    const got = JSON.stringify(sortKeys(withoutServerTimes(row.state)));
    if (want !== got)
      problems.push(`${row.id}: server state differs from the replay\nreplay ${want}\nserver ${got}`);
    if (row.revision !== state.revision)
      problems.push(`${row.id}: revision column ${row.revision} ≠ ${state.revision}`);
  }
  return { applied: appliedAt.size, rejected: rejected.size, problems, rejectionCodes };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

function normaliseRows(rows: readonly { key: string; old: unknown; new: unknown }[]) {
  return rows
    .map((r) => sortKeys({ key: r.key, old: r.old ?? null, new: r.new ?? null }) as { key: string })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const SERVER_TIMES = new Set(["detectedAt", "createdAt", "updatedAt", "submittedAt"]);

/** Server-clock fields inside history values (e.g. a conflict's detectedAt) are not predicted. */
function stripTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTimes);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SERVER_TIMES.has(k) ? "" : stripTimes(v),
      ]),
    );
  return value;
}
