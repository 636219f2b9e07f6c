/**
 * The setup checklist of an office: office → loci → units → users → instrument → scheme → period
 * → sample → teams, each done or not, and the first step not done as `next`. Read-only counts.
 */
import { sql } from "kysely";
import { BUILTIN_SCHEMES } from "../../domain/banding/builtin";
import type { Db } from "../db/connection";

export const SETUP_STEPS = [
  "office",
  "loci",
  "units",
  "users",
  "instrument",
  "scheme",
  "period",
  "sample",
  "teams",
] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupState {
  officeId: string;
  steps: { step: SetupStep; done: boolean; count: number }[];
  next: SetupStep | null;
}

export async function setupState(db: Db, officeId: string): Promise<SetupState> {
  const r = await sql<Record<SetupStep, string | number>>`
    select
      (select count(*) from offices where id = ${officeId}) as office,
      (select count(*) from pemda where office_id = ${officeId}) as loci,
      (select count(*) from units u join pemda p on p.id = u.pemda_id where p.office_id = ${officeId}) as units,
      (select count(*) from users where office_id = ${officeId} and role = 'assessor' and active) as users,
      (select count(*) from instruments) as instrument,
      (select count(*) from banding_schemes) as scheme,
      (select count(*) from periods where office_id = ${officeId}) as period,
      (select count(*) from pemda_samples s join periods pe on pe.id = s.period_id where pe.office_id = ${officeId}) as sample,
      (select count(*) from assignment_members m join assignments a on a.id = m.assignment_id
         join periods pe on pe.id = a.period_id where pe.office_id = ${officeId}) as teams
  `.execute(db);
  const row = r.rows[0];
  const steps = SETUP_STEPS.map((step) => {
    // The built-in schemes live in code, not in banding_schemes, and any period may use them.
    const builtin = step === "scheme" ? Object.keys(BUILTIN_SCHEMES).length : 0;
    const count = Number(row?.[step] ?? 0) + builtin;
    return { step, done: count > 0, count };
  });
  return { officeId, steps, next: steps.find((s) => !s.done)?.step ?? null };
}
