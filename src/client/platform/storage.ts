// Device storage as the browser reports it (StorageManager): how much is used and available, whether
// the data is persistent, and asking for persistence. Nothing here touches the data itself.
//
// Why it matters: without persistent storage the browser may evict the whole origin's IndexedDB
// under storage pressure, drafts and photos included. Patuh asks at the first save and after the
// first successful sync (the moments the device starts holding something worth keeping), and the
// home screen says plainly when the answer is "no" or when space runs low, before work is lost.
import { createValueStore, useValueStore } from "../app/value-store";

export interface StorageInfo {
  /** False when the browser has no StorageManager (old browsers, some private modes). */
  supported: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
  /** Whether the browser promised not to evict this origin's data; null when unknown. */
  persisted: boolean | null;
}

/** Below this much free space the home warns (one day of photos at ~1 MB each fits comfortably). */
export const LOW_FREE_BYTES = 50 * 1024 * 1024;
/** Above this share of the quota used the home warns too. */
export const HIGH_USED_RATIO = 0.9;

const MB = 1024 * 1024;

// Bumped whenever something may have changed the answers (a persist() call): readers re-read.
const storageVersion = createValueStore(0);

export function useStorageVersion(): number {
  return useValueStore(storageVersion);
}

function manager(): StorageManager | undefined {
  return typeof navigator !== "undefined" ? navigator.storage : undefined;
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const storage = manager();
  if (!storage?.estimate) return { supported: false, usageBytes: null, quotaBytes: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => undefined),
    storage.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    supported: true,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
    persisted,
  };
}

export function freeBytes(info: StorageInfo): number | null {
  if (info.usageBytes === null || info.quotaBytes === null) return null;
  return Math.max(0, info.quotaBytes - info.usageBytes);
}

/** True when space is low enough that the next photos may not fit. */
export function isStorageLow(info: StorageInfo): boolean {
  const free = freeBytes(info);
  if (free === null || info.quotaBytes === null || info.usageBytes === null) return false;
  return (
    free < LOW_FREE_BYTES || (info.quotaBytes > 0 && info.usageBytes / info.quotaBytes > HIGH_USED_RATIO)
  );
}

/** Bytes as megabytes with one decimal below 10 MB (what a user can compare with a photo's size). */
export function toMegabytes(bytes: number): number {
  const mb = bytes / MB;
  return mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb);
}

let persistRequest: Promise<boolean> | undefined;

/**
 * Asks the browser to keep this origin's data (navigator.storage.persist()), once per page load:
 * safe to call after every save. Resolves to whether storage is now persistent; never rejects.
 * Chromium decides silently (engagement, installed app); Firefox may show a prompt, which is why
 * this is called right after the user did something, not at start-up.
 */
export function ensurePersistentStorage(): Promise<boolean> {
  persistRequest ??= requestPersistence().finally(() => storageVersion.set(storageVersion.get() + 1));
  return persistRequest;
}

/** The user pressed "Minta penyimpanan permanen": ask again even if this page load asked already. */
export async function requestPersistentStorage(): Promise<boolean> {
  const granted = await requestPersistence();
  storageVersion.set(storageVersion.get() + 1);
  return granted;
}

async function requestPersistence(): Promise<boolean> {
  const storage = manager();
  if (!storage?.persist) return false;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
