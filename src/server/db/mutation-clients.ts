/**
 * Queries of mutation_clients and mutation_rejections: the per-device mutation log position.
 *
 * Owns: which user a clientId belongs to, the last mutation id processed for it, and the stored
 * rejections.
 * Invariant: last_mutation_id only rises, and only inside the transaction that applied (or
 * rejected) that mutation, under the row lock taken by lockClient; a client is bound to exactly one
 * user by its first push (INSERT … ON CONFLICT DO NOTHING, never check-then-insert).
 */
import { type QueryExecutorProvider, sql } from "kysely";

export interface ClientRow {
  userId: string;
  lastMutationId: number;
}

/** Binds the clientId to the user unless it is already bound; returns the owner. */
export async function bindClient(
  db: QueryExecutorProvider,
  clientId: string,
  userId: string,
): Promise<ClientRow> {
  await sql`insert into mutation_clients (client_id, user_id) values (${clientId}, ${userId})
            on conflict (client_id) do nothing`.execute(db);
  const row = await findClient(db, clientId);
  if (row === undefined) throw new Error("mutation client vanished after insert");
  return row;
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

export type Claim = { kind: "claimed" } | { kind: "duplicate" } | { kind: "gap"; lastMutationId: number };

/**
 * Claims mutation `id` for processing in the current transaction: raises last_mutation_id from
 * id - 1 to id, which also takes the client's row lock until commit. Concurrent copies of the same
 * mutation block on that lock and then find `last ≥ id` (duplicate). Raising first is safe because
 * the raise commits or rolls back together with the mutation's effect or rejection.
 */
export async function claimMutation(db: QueryExecutorProvider, clientId: string, id: number): Promise<Claim> {
  const r = await sql<{
    one: number;
  }>`update mutation_clients set last_mutation_id = ${id}, updated_at = now()
    where client_id = ${clientId} and last_mutation_id = ${id - 1} returning 1 as one`.execute(db);
  if (r.rows.length > 0) return { kind: "claimed" };
  const current = await findClient(db, clientId);
  const last = current?.lastMutationId ?? 0;
  return id <= last ? { kind: "duplicate" } : { kind: "gap", lastMutationId: last };
}

export interface StoredRejection {
  mutationId: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export async function storeRejection(
  db: QueryExecutorProvider,
  clientId: string,
  rejection: StoredRejection & { name: string; at: string },
): Promise<void> {
  const details = rejection.details === undefined ? null : JSON.stringify(rejection.details);
  await sql`insert into mutation_rejections (client_id, mutation_id, name, code, message, details, at)
            values (${clientId}, ${rejection.mutationId}, ${rejection.name}, ${rejection.code}, ${rejection.message},
                    ${details}::jsonb, ${rejection.at})
            on conflict (client_id, mutation_id) do nothing`.execute(db);
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
