/**
 * Planning reads: the periods a user plans, and one period's whole plan (the office's pemda with
 * their units, each pemda's sample, the assignments with teams, the assessors who can be on a
 * team). Owns no table; one read-only transaction so the parts agree with each other.
 */

import { requireRole } from "../auth/permissions";
import type { Db } from "../db/connection";
import {
  findPlanPeriod,
  listOfficeAssessors,
  listOfficePemda,
  listOfficeUnits,
  listPlanAssignments,
  listPlanPeriods,
  listSamples,
  type PemdaSample,
  type PlanAssessor,
  type PlanAssignment,
  type PlanPemda,
  type PlanPeriod,
  type PlanUnit,
} from "../db/queries/plans";
import type { PublicUser } from "../db/queries/users";
import { requirePlanner } from "./scope";

export interface PeriodPlan {
  period: PlanPeriod;
  pemda: (PlanPemda & { units: Omit<PlanUnit, "pemdaId">[]; sample: PemdaSample | null })[];
  assessors: PlanAssessor[];
  assignments: PlanAssignment[];
}

export async function listPeriodsToPlan(db: Db, user: PublicUser): Promise<PlanPeriod[]> {
  requireRole(user, "supervisor", "admin");
  return listPlanPeriods(db, user.role === "admin" ? null : user.officeId);
}

export async function readPeriodPlan(db: Db, user: PublicUser, periodId: string): Promise<PeriodPlan> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const period = await findPlanPeriod(trx, periodId);
      requirePlanner(user, period);
      if (period === undefined) throw new Error("unreachable: requirePlanner checked the period");
      const [pemda, units, samples, assessors, assignments] = [
        await listOfficePemda(trx, period.officeId),
        await listOfficeUnits(trx, period.officeId),
        await listSamples(trx, period.id),
        await listOfficeAssessors(trx, period.officeId),
        await listPlanAssignments(trx, period.id),
      ];
      const sampleOf = new Map(samples.map((s) => [s.pemdaId, s]));
      return {
        period,
        pemda: pemda.map((p) => ({
          ...p,
          units: units.filter((u) => u.pemdaId === p.id).map(({ pemdaId: _, ...u }) => u),
          sample: sampleOf.get(p.id) ?? null,
        })),
        assessors,
        assignments,
      };
    });
}
