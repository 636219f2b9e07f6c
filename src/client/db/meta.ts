// Device and sync metadata (table `meta`): the clientId, the mutation-id counter and the sync state.
//
// Invariants kept here:
// - the clientId is minted once with crypto.randomUUID and never replaced;
// - the counter only grows and is advanced only inside the transaction that appends to `outbox`
//   (editMetaFrom + edits.ts), so mutation ids are gapless and survive a restart;
// - `sync.lastMutationId` only grows (an acknowledgement never goes backwards).
import type { CounterMeta, DeviceMeta, PatuhDb, SyncMeta, UserMeta } from "./database";

const EMPTY_SYNC: SyncMeta = {
  key: "sync",
  cursor: null,
  lastMutationId: 0,
  lastSuccessAt: null,
  lastErrorAt: null,
  lastError: null,
};

/**
 * The device's clientId, minting it on first use. Must run inside a transaction that includes
 * `meta` when called from another write (Dexie reuses the ambient transaction).
 */
export async function ensureClientId(
  db: PatuhDb,
  nowIso: string = new Date().toISOString(),
): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const row = (await db.meta.get("device")) as DeviceMeta | undefined;
    if (row) return row.clientId;
    const device: DeviceMeta = { key: "device", clientId: crypto.randomUUID(), createdAt: nowIso };
    await db.meta.add(device);
    return device.clientId;
  });
}

/** The clientId if one was minted already (read-only; never mints). */
export async function readClientId(db: PatuhDb): Promise<string | null> {
  const row = (await db.meta.get("device")) as DeviceMeta | undefined;
  return row?.clientId ?? null;
}

export interface EditMeta {
  clientId: string;
  /** The id the next mutation gets if the edit commits. */
  nextMutationId: number;
  userId: string | null;
  /** Rows to write in the edit's transaction (the counter always; the device row on first use). */
  rows: (DeviceMeta | CounterMeta)[];
}

/** The `meta` keys an edit reads (edits.ts reads them in its own transaction, in one round trip). */
export const EDIT_META_KEYS = ["device", "counter", "user"] as const;

/**
 * Everything an edit needs from `meta`, from the rows of EDIT_META_KEYS: the clientId (minted if
 * absent), the next mutation id and the user. The caller writes `rows` in the same transaction as the
 * outbox append, so the counter and the append commit or abort together.
 */
export function editMetaFrom(
  device: DeviceMeta | undefined,
  counter: CounterMeta | undefined,
  user: UserMeta | undefined,
  nowIso: string,
): EditMeta {
  const rows: (DeviceMeta | CounterMeta)[] = [];
  let clientId = device?.clientId;
  if (clientId === undefined) {
    clientId = crypto.randomUUID();
    rows.push({ key: "device", clientId, createdAt: nowIso });
  }
  const nextMutationId = (counter && counter.clientId === clientId ? counter.lastAllocated : 0) + 1;
  rows.push({ key: "counter", clientId, lastAllocated: nextMutationId });
  return { clientId, nextMutationId, userId: user?.userId ?? null, rows };
}

/** Highest mutation id allocated so far (0 if none). */
export async function readLastAllocated(db: PatuhDb): Promise<number> {
  const row = (await db.meta.get("counter")) as CounterMeta | undefined;
  return row?.lastAllocated ?? 0;
}

export async function readSyncMeta(db: PatuhDb): Promise<SyncMeta> {
  const row = (await db.meta.get("sync")) as SyncMeta | undefined;
  return row ?? { ...EMPTY_SYNC };
}

/** Merges a change into the sync row; lastMutationId never decreases. */
export async function updateSyncMeta(db: PatuhDb, change: Partial<Omit<SyncMeta, "key">>): Promise<SyncMeta> {
  return db.transaction("rw", db.meta, async () => {
    const cur = await readSyncMeta(db);
    const next: SyncMeta = { ...cur, ...change, key: "sync" };
    next.lastMutationId = Math.max(cur.lastMutationId, change.lastMutationId ?? 0);
    await db.meta.put(next);
    return next;
  });
}

/**
 * At device open: remembers the user and mints the clientId if absent, in ONE transaction that
 * reads both rows together and writes only what changed (a start-up pays one round trip, not two
 * read-write transactions). Same invariants as setDeviceUser + ensureClientId.
 */
export async function prepareDeviceMeta(
  db: PatuhDb,
  userId: string,
  nowIso: string = new Date().toISOString(),
): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const [user, device] = (await db.meta.bulkGet(["user", "device"])) as [
      UserMeta | undefined,
      DeviceMeta | undefined,
    ];
    const writes: (UserMeta | DeviceMeta)[] = [];
    if (user?.userId !== userId) writes.push({ key: "user", userId });
    const clientId = device?.clientId ?? crypto.randomUUID();
    if (!device) writes.push({ key: "device", clientId, createdAt: nowIso });
    if (writes.length > 0) await db.meta.bulkPut(writes);
    return clientId;
  });
}

/** Remembers the logged-in user's id (call after login; null on logout). */
export async function setDeviceUser(db: PatuhDb, userId: string | null): Promise<void> {
  if (userId === null) await db.meta.delete("user");
  else await db.meta.put({ key: "user", userId });
}

export async function readDeviceUser(db: PatuhDb): Promise<string | null> {
  const row = (await db.meta.get("user")) as UserMeta | undefined;
  return row?.userId ?? null;
}
