/**
 * A pemda's unit sample for a period: drawn by unit kind with a seed (src/domain/sampling, pinned:
 * the same seed, mix and units always give the same sample), or edited by hand afterwards.
 * Owns the rules around pemda_samples; one transaction per request. The server mints the seed
 * (newSeed over crypto.randomBytes) when the supervisor gives none, and always returns it.
 */
import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import { drawSample, newSeed } from "../../domain";
import type { Db } from "../db/connection";
import {
  findPemda,
  findPlanPeriod,
  findSampleForUpdate,
  listPemdaUnits,
  type PemdaSample,
  saveDrawnSample,
  saveEditedSample,
} from "../db/queries/plans";
import type { PublicUser } from "../db/queries/users";
import type { Database } from "../db/types";
import { problem } from "../http/problems";
import { requireOpen, requirePlanner } from "./scope";

export interface DrawRequest {
  seed?: string | undefined;
  mix: { kind: string; count: number }[];
}

/** Period (share-locked) and pemda in the user's scope, the period open, the pemda of its office. */
export async function openScope(
  trx: Transaction<Database>,
  user: PublicUser,
  periodId: string,
  pemdaId: string,
) {
  const period = await findPlanPeriod(trx, periodId, true);
  requirePlanner(user, period);
  if (period === undefined) throw new Error("unreachable");
  const pemda = await findPemda(trx, pemdaId);
  if (pemda === undefined || pemda.officeId !== period.officeId) throw problem("not_found");
  requireOpen(period);
  return { period, pemda };
}

export async function drawPemdaSample(
  db: Db,
  user: PublicUser,
  periodId: string,
  pemdaId: string,
  req: DrawRequest,
): Promise<PemdaSample> {
  return db.transaction().execute(async (trx) => {
    await openScope(trx, user, periodId, pemdaId);
    const units = await listPemdaUnits(trx, pemdaId);
    const seed = req.seed ?? newSeed(new Uint8Array(randomBytes(16)));
    const result = drawSample({ seed, candidates: units, mix: req.mix });
    if (!result.ok) throw problem("invalid_sample", { errors: result.errors });
    return saveDrawnSample(trx, {
      periodId,
      pemdaId,
      seed,
      mix: req.mix,
      unitIds: result.sample.map((u) => u.id),
      userId: user.id,
    });
  });
}

/** Replaces the sample's units with `unitIds` (units of the pemda; order kept, duplicates dropped). */
export async function editPemdaSample(
  db: Db,
  user: PublicUser,
  periodId: string,
  pemdaId: string,
  unitIds: readonly string[],
): Promise<PemdaSample> {
  return db.transaction().execute(async (trx) => {
    await openScope(trx, user, periodId, pemdaId);
    const current = await findSampleForUpdate(trx, periodId, pemdaId);
    if (current === undefined) throw problem("sample_not_drawn", { pemdaId });
    // Active units, plus those already in the sample (a unit retired after the draw may stay).
    const known = new Set([...(await listPemdaUnits(trx, pemdaId)).map((u) => u.id), ...current.unitIds]);
    const wanted = [...new Set(unitIds.map((id) => id.toLowerCase()))];
    const foreign = wanted.filter((id) => !known.has(id));
    if (foreign.length > 0)
      throw problem("invalid_sample", {
        errors: foreign.map((id) => ({
          path: "$.unitIds",
          message: `unit ${id} is not a unit of this pemda`,
        })),
      });
    return saveEditedSample(trx, { periodId, pemdaId, unitIds: wanted, userId: user.id });
  });
}
