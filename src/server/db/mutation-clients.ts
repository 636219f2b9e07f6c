/**
 * Queries of mutation_clients and mutation_rejections: the per-device mutation log position.
 *
 * Owns: which user a clientId belongs to, the last mutation id processed for it, and the stored
 * rejections.
 * Invariant: last_mutation_id only rises, and only in the statement that also writes the effects
 * (or rejections) of the mutations it covers (claimRangeCtes), so both commit or roll back together; a client is bound to exactly one
 * user by its first push (INSERT … ON CONFLICT DO NOTHING, never check-then-insert).
 */
import { type QueryExecutorProvider, type RawBuilder, sql } from "kysely";

export interface ClientRow {
  userId: string;
  lastMutationId: number;
}

/** Binds the clientId to the user unless it is already bound; returns the owner (one round trip). */
export async function bindClient(
  db: QueryExecutorProvider,
  clientId: string,
  userId: string,
): Promise<ClientRow> {
  const r = await sql<{ user_id: string; last_mutation_id: string }>`
    with i as (insert into mutation_clients (client_id, user_id) values (${clientId}, ${userId})
               on conflict (client_id) do nothing returning user_id, last_mutation_id)
    select user_id, last_mutation_id from i
    union all
    select user_id, last_mutation_id from mutation_clients where client_id = ${clientId}`.execute(db);
  const row = r.rows[0];
  if (row !== undefined) return { userId: row.user_id, lastMutationId: Number(row.last_mutation_id) };
  // A concurrent first push committed the row after this statement's snapshot: read it now.
  const found = await findClient(db, clientId);
  if (found === undefined) throw new Error("mutation client vanished after insert");
  return found;
}

export async function findClient(
  db: QueryExecutorProvider,
  clientId: string,
): Promise<ClientRow | undefined> {
  const r = await sql<{ user_id: string; last_mutation_id: string }>`
    select user_id, last_mutation_id from mutation_clients where client_id = ${clientId}`.execute(db);
  const row = r.rows[0];
  return row === undefined
    ? undefined
    : { userId: row.user_id, lastMutationId: Number(row.last_mutation_id) };
}

export interface StoredRejection {
  mutationId: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The common table expressions that claim mutations `first`..`last` for the current transaction
 * (`mc`: raises last_mutation_id from first - 1 to last, which takes the client's row lock until
 * commit, and returns a row only if it did) and store their rejections (`mr`, only when claimed).
 * A concurrent copy that already raised the id makes `mc` empty: the caller then rolls back, so the
 * effects of those mutations commit exactly once, together with the raise.
 */
export function claimRangeCtes(
  clientId: string,
  first: number,
  last: number,
  rejections: readonly (StoredRejection & { name: string; at: string })[],
): RawBuilder<unknown>[] {
  const ctes = [
    sql`mc as (update mutation_clients set last_mutation_id = ${last}, updated_at = now()
               where client_id = ${clientId} and last_mutation_id = ${first - 1} returning 1 as one)`,
  ];
  if (rejections.length > 0) {
    const rows = rejections.map((r) => ({
      m: r.mutationId,
      n: r.name,
      c: r.code,
      s: r.message,
      d: r.details ?? null,
      t: r.at,
    }));
    ctes.push(sql`mr as (insert into mutation_rejections (client_id, mutation_id, name, code, message, details, at)
                         select ${clientId}::uuid, (e->>'m')::bigint, e->>'n', e->>'c', e->>'s',
                                case when jsonb_typeof(e->'d') = 'null' then null else e->'d' end,
                                (e->>'t')::timestamptz
                         from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as e
                         where exists (select 1 from mc)
                         on conflict (client_id, mutation_id) do nothing)`);
  }
  return ctes;
}

/** The most recent rejections of a client (a device dedups them by mutation id). */
export async function recentRejections(
  db: QueryExecutorProvider,
  clientId: string,
  limit = 200,
): Promise<StoredRejection[]> {
  const r = await sql<{
    mutation_id: string;
    code: string;
    message: string;
    details: Record<string, unknown> | null;
  }>`
    select mutation_id, code, message, details from mutation_rejections
    where client_id = ${clientId} order by mutation_id desc limit ${limit}`.execute(db);
  return r.rows
    .map((row) => ({
      mutationId: Number(row.mutation_id),
      code: row.code,
      message: row.message,
      ...(row.details === null ? {} : { details: row.details }),
    }))
    .reverse();
}
