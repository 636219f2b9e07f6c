/**
 * master_data_history: one append-only row per created or changed locus, unit or user, with the
 * values before and after, the actor and the source. Written in the same transaction as the
 * change, so history and data never disagree.
 */
import type { Db } from "../db/connection";

export interface HistoryEntry {
  entity: "locus" | "unit" | "user";
  entityId: string;
  action: "create" | "update";
  before: unknown;
  after: unknown;
}

export async function recordHistory(
  db: Db,
  officeId: string,
  actorId: string | null,
  source: "import" | "form" | "cli",
  entries: readonly HistoryEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    const chunk = entries.slice(i, i + 1000);
    await db
      .insertInto("master_data_history")
      .values(
        chunk.map((e) => ({
          office_id: officeId,
          entity: e.entity,
          entity_id: e.entityId,
          action: e.action,
          before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
          after: JSON.stringify(e.after),
          actor_id: actorId,
          source,
        })),
      )
      .execute();
  }
}

export interface HistoryRow {
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  actorId: string | null;
  /** The actor's display name (forms show who changed what). */
  actorName: string | null;
  source: string;
  at: string;
}

/** Newest first; with `only`, the history of one locus, unit or user. */
export async function listHistory(
  db: Db,
  officeId: string,
  limit = 200,
  only?: { entity: HistoryEntry["entity"]; entityId: string },
): Promise<HistoryRow[]> {
  let q = db
    .selectFrom("master_data_history as h")
    .leftJoin("users as a", "a.id", "h.actor_id")
    .selectAll("h")
    .select("a.name as actor_name")
    .where("h.office_id", "=", officeId);
  if (only) q = q.where("h.entity", "=", only.entity).where("h.entity_id", "=", only.entityId);
  const rows = await q.orderBy("h.at", "desc").orderBy("h.id").limit(limit).execute();
  return rows.map((r) => ({
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before,
    after: r.after,
    actorId: r.actor_id,
    actorName: r.actor_name,
    source: r.source,
    at: (r.at instanceof Date ? r.at : new Date(String(r.at))).toISOString(),
  }));
}
