// Edits the server has applied but no pull has covered yet (meta row "acknowledged"), kept so a
// protocol 1.2 pull need not send them back: the device replays them instead (pull-delta.ts).
//
// Invariants kept here:
// - an entry is added in the same transaction that removes its outbox row after a push
//   (push.ts `acknowledge`), only for results "applied" or "duplicate" (a rejected edit is not on
//   the server, so it must not be replayed);
// - entries up to a pull's lastMutationId are dropped in that pull's transaction (its state covers
//   them), and all of them when the outbox is renumbered (the server lost its history);
// - the list is bounded (MAX_KEPT, newest kept): a device that pushes for days without a pull
//   loses only the saving, never data: a replay it cannot rebuild makes it pull whole states.
import type { AcknowledgedMeta, OutboxRow, PatuhDb } from "./database";

const KEY = "acknowledged";
export const MAX_KEPT = 2000;

export async function readAcknowledged(db: PatuhDb): Promise<OutboxRow[]> {
  const row = (await db.meta.get(KEY)) as AcknowledgedMeta | undefined;
  return row?.edits ?? [];
}

/** Must run inside a transaction over `meta`. */
export async function keepAcknowledged(db: PatuhDb, applied: readonly OutboxRow[]): Promise<void> {
  if (applied.length === 0) return;
  const kept = new Map((await readAcknowledged(db)).map((r) => [r.id, r]));
  for (const r of applied) kept.set(r.id, r);
  const edits = [...kept.values()].sort((a, b) => a.id - b.id).slice(-MAX_KEPT);
  await db.meta.put({ key: KEY, edits });
}

/** Must run inside a transaction over `meta`. */
export async function forgetAcknowledgedUpTo(db: PatuhDb, lastMutationId: number | null): Promise<void> {
  const edits = await readAcknowledged(db);
  if (edits.length === 0) return;
  const left = lastMutationId === null ? [] : edits.filter((r) => r.id > lastMutationId);
  if (left.length === edits.length) return;
  if (left.length === 0) await db.meta.delete(KEY);
  else await db.meta.put({ key: KEY, edits: left });
}
