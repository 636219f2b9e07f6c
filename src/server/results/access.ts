/**
 * Query parameters and period access shared by the results, list and export routes.
 * Invariant (auth/permissions.ts): a period of another office is 404 (existence is not revealed);
 * an assessor of the period's office gets 403 (results and exports are supervisor views).
 */
import type { Context } from "hono";
import type { QueryExecutorProvider } from "kysely";
import { canManageOffice, canSeeOffice } from "../auth/permissions";
import type { PublicUser } from "../db/queries/users";
import { problem } from "../http/problems";
import { findPeriodInfo, type PeriodInfo } from "./period-results";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID query parameter (lower-cased); 400 invalid_query when malformed or repeated. */
export function queryUuid(c: Context, name: string, required: true): string;
export function queryUuid(c: Context, name: string, required: false): string | undefined;
export function queryUuid(c: Context, name: string, required: boolean): string | undefined {
  const all = c.req.queries(name) ?? [];
  if (all.length === 0) {
    if (required) throw problem("invalid_query", { param: name, expected: "uuid" });
    return undefined;
  }
  const value = all[0]?.toLowerCase() ?? "";
  if (all.length > 1 || !UUID.test(value)) throw problem("invalid_query", { param: name, expected: "uuid" });
  return value;
}

export function queryEnum<T extends string>(c: Context, name: string, values: readonly T[]): T | undefined {
  const all = c.req.queries(name) ?? [];
  if (all.length === 0) return undefined;
  const value = all[0];
  const found = values.find((v) => v === value);
  if (all.length > 1 || found === undefined)
    throw problem("invalid_query", { param: name, expected: values });
  return found;
}

/** The period, if the user may read its results and exports (else a Problem). */
export async function periodForReview(
  db: QueryExecutorProvider,
  user: PublicUser,
  id: string,
): Promise<PeriodInfo> {
  const period = await findPeriodInfo(db, id);
  if (period === undefined || !canSeeOffice(user, period.officeId)) throw problem("not_found");
  if (!canManageOffice(user, period.officeId))
    throw problem("forbidden", { requiredRole: ["supervisor", "admin"] });
  return period;
}

/** A period filter of the assessment list: 404 unless the period is of the user's office (admin: any). */
export async function periodForListing(
  db: QueryExecutorProvider,
  user: PublicUser,
  id: string,
): Promise<PeriodInfo> {
  const period = await findPeriodInfo(db, id);
  if (period === undefined || !canSeeOffice(user, period.officeId)) throw problem("not_found");
  return period;
}
