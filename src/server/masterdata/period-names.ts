/**
 * Names a closed period was published with (tables period_locus_names, period_unit_names). Owns
 * the freeze: when a period closes, in the same transaction, every sampled locus's code, name and
 * kind and every sampled unit's (drawn or assigned, results/period-units.ts) name, kind, address and products are copied. Invariant: a frozen
 * row is never updated (insert … on conflict do nothing), so results, rapor and exports of a
 * closed period read the same names forever, whatever the office renames later. Readers join
 * these rows with a fallback to the live name (periods closed by other means, e.g. tests).
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { periodUnits } from "../results/period-units";

export async function freezePeriodNames(db: QueryExecutorProvider, periodId: string): Promise<void> {
  await sql`insert into period_locus_names (period_id, pemda_id, name, kind, code)
    select distinct a.period_id, pd.id, pd.name, pd.kind, pd.code
    from ${periodUnits([periodId])} a join units u on u.id = a.unit_id join pemda pd on pd.id = u.pemda_id
    on conflict (period_id, pemda_id) do nothing`.execute(db);
  await sql`insert into period_unit_names (period_id, unit_id, name, kind, address, products)
    select distinct on (u.id) a.period_id, u.id, u.name, u.kind, u.address, u.suggested_products
    from ${periodUnits([periodId])} a join units u on u.id = a.unit_id
    order by u.id
    on conflict (period_id, unit_id) do nothing`.execute(db);
}

/**
 * SQL fragments for a query over `assignments a join units u join pemda pd`: the joins to the
 * frozen names and the columns that prefer them.
 */
export const frozenJoins = sql`left join period_locus_names fln on fln.period_id = a.period_id and fln.pemda_id = pd.id
  left join period_unit_names fun on fun.period_id = a.period_id and fun.unit_id = u.id`;
export const frozenPemdaName = sql`coalesce(fln.name, pd.name)`;
export const frozenPemdaCode = sql`coalesce(nullif(fln.code, ''), pd.code)`;
export const frozenUnitName = sql`coalesce(fun.name, u.name)`;
