/**
 * Queries of the change log (`changes`, written by triggers, see migration 002).
 *
 * Owns: the pull horizon. A horizon is the puller's MVCC snapshot (`xmin:xmax:xip…`). Invariant:
 * "the changes not visible in the previous snapshot" is exactly what a device has not seen yet:
 * nothing committed late by a slow writer is skipped (its xid was in flight, so not visible), and
 * nothing already sent is sent again. Sequence numbers cannot give this (they are taken before
 * commit, so a smaller one can become visible after a larger one was read).
 */
import { type QueryExecutorProvider, sql } from "kysely";

export interface ChangeRow {
  entityType: string;
  entityId: string;
  op: "put" | "del" | "revoke";
  officeId: string | null;
  userId: string | null;
  /** Assessments: the revision before the logged write (null for the insert, or logged before 005). */
  fromRevision: number | null;
  /** Assessments: the device whose push made the write (null: online, or logged before 010). */
  clientId: string | null;
}

const SNAPSHOT = /^(\d{1,20}):(\d{1,20}):((\d{1,20})(,\d{1,20}){0,2000})?$/;

const XID8_MAX = 2n ** 64n - 1n;

/**
 * Parses "xmin:xmax:xip,…"; null when malformed. Accepts exactly what PostgreSQL's pg_snapshot
 * input accepts (0 < xmin ≤ xmax < 2^64, every xip in [xmin, xmax) and in order), so a crafted
 * cursor is an unknown cursor (a reset), never a database error.
 */
export function parseSnapshot(text: string): { xmin: bigint; xmax: bigint } | null {
  const m = SNAPSHOT.exec(text);
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  const xmin = BigInt(m[1]);
  const xmax = BigInt(m[2]);
  if (xmin === 0n || xmin > xmax || xmax > XID8_MAX) return null;
  let previous = xmin;
  for (const part of m[3] === undefined ? [] : m[3].split(",")) {
    const xip = BigInt(part);
    if (xip < previous || xip >= xmax) return null;
    previous = xip;
  }
  return { xmin, xmax };
}

/** Must run first in a REPEATABLE READ transaction so it is that transaction's snapshot. */
export async function currentSnapshot(db: QueryExecutorProvider): Promise<string> {
  const r = await sql<{ snap: string }>`select pg_current_snapshot()::text as snap`.execute(db);
  return r.rows[0]?.snap ?? "0:0:";
}

/** Oldest xmin still answerable incrementally (the log is never pruned in v1: 0). */
export async function horizonFloor(_db: QueryExecutorProvider): Promise<bigint> {
  return 0n;
}

/** Changes committed by transactions that the given snapshot did not see. */
export async function changesSince(db: QueryExecutorProvider, snapshot: string): Promise<ChangeRow[]> {
  const r = await sql<{
    entity_type: string;
    entity_id: string;
    op: ChangeRow["op"];
    office_id: string | null;
    user_id: string | null;
    from_revision: number | null;
    client_id: string | null;
  }>`
    select distinct entity_type, entity_id, op, office_id, user_id, from_revision, client_id from changes
    where xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot)
      and not pg_visible_in_snapshot(xid, ${snapshot}::pg_snapshot)`.execute(db);
  return r.rows.map((x) => ({
    entityType: x.entity_type,
    entityId: x.entity_id,
    op: x.op,
    officeId: x.office_id,
    userId: x.user_id,
    fromRevision: x.from_revision,
    clientId: x.client_id,
  }));
}
