// Reads the device database (IndexedDB, as Dexie stored it) from inside the page: what the device
// really holds, independent of what the UI shows.
import type { Page } from "playwright-core";

export interface DeviceRead {
  clientId: string;
  assessment: Record<string, unknown> | null;
  outbox: { id: number; mutation: { name: string; args: Record<string, unknown> } }[];
}

export async function readDevice(page: Page, dbName: string, assessmentId: string): Promise<DeviceRead> {
  return page.evaluate(
    async ({ dbName, assessmentId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = <T>(store: string, key: IDBValidKey | null): Promise<T> =>
        new Promise((resolve, reject) => {
          const request =
            key === null
              ? db.transaction(store).objectStore(store).getAll()
              : db.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => resolve(request.result as T);
          request.onerror = () => reject(request.error);
        });
      const device = await get<{ clientId: string }>("meta", "device");
      const assessment = await get<Record<string, unknown> | undefined>("assessments", assessmentId);
      const outbox = await get<
        { id: number; assessmentId: string; mutation: { name: string; args: Record<string, unknown> } }[]
      >("outbox", null);
      db.close();
      return {
        clientId: device.clientId,
        assessment: assessment ?? null,
        outbox: outbox
          .filter((row) => row.assessmentId === assessmentId)
          .map((row) => ({ id: row.id, mutation: row.mutation })),
      };
    },
    { dbName, assessmentId },
  );
}

/** The stored evidence blob's bytes, base64 (exactly what the device would upload). */
export async function readEvidenceBase64(page: Page, dbName: string, sha256: string): Promise<string | null> {
  return page.evaluate(
    async ({ dbName, sha256 }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const row = await new Promise<{ blob: Blob } | undefined>((resolve, reject) => {
        const request = db.transaction("evidence").objectStore("evidence").get(sha256);
        request.onsuccess = () => resolve(request.result as { blob: Blob } | undefined);
        request.onerror = () => reject(request.error);
      });
      db.close();
      if (!row) return null;
      const bytes = new Uint8Array(await row.blob.arrayBuffer());
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000)
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    { dbName, sha256 },
  );
}
