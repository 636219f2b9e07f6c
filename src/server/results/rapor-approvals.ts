/**
 * The rapor's approval block (issue #20), read from the approval records themselves: for each
 * approved unit, the review decision that approved it (the last `approve` in its reviewComments,
 * which an undo would have superseded by changing the status) with the approver's name and role
 * as the users table holds them now. Owns no table.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { AssessmentState } from "../../domain/sync/protocol";
import { reviewDecisions } from "../review/decisions";

export interface RaporApproval {
  unitId: string;
  unitName: string;
  approverId: string;
  approverName: string;
  /** The approver's role: "supervisor" or "admin". */
  approverRole: string;
  approvedAt: string;
  /** The revision that was approved. */
  revision: number;
}

/** The approved units' approvals, in unit order; units not approved have none. */
export async function raporApprovals(
  db: QueryExecutorProvider,
  units: readonly { unitId: string; name: string; state: AssessmentState | undefined }[],
): Promise<RaporApproval[]> {
  const found: Omit<RaporApproval, "approverName" | "approverRole">[] = [];
  for (const unit of units) {
    if (unit.state?.status !== "approved") continue;
    const approval = reviewDecisions(unit.state.reviewComments)
      .filter((d) => d.decision === "approve")
      .at(-1);
    if (approval === undefined) continue;
    found.push({
      unitId: unit.unitId,
      unitName: unit.name,
      approverId: approval.by,
      approvedAt: approval.at,
      revision: approval.revision,
    });
  }
  const ids = [...new Set(found.map((a) => a.approverId))];
  if (ids.length === 0) return [];
  const r = await sql<{ id: string; name: string; role: string }>`select id, name, role from users
     where id = any(${ids}::uuid[])`.execute(db);
  const people = new Map(r.rows.map((u) => [u.id, u]));
  return found.map((a) => ({
    ...a,
    approverName: people.get(a.approverId)?.name ?? "",
    approverRole: people.get(a.approverId)?.role ?? "",
  }));
}
