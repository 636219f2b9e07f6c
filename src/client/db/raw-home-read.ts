// The home's first read at a cold start, through raw IndexedDB: the device's real list before
// Dexie's code has arrived (home-read.ts says why).
//
// Invariants:
// - never creates, upgrades or writes the database: a missing database, or one at another schema
//   version (an app update whose upgrade Dexie has still to run), gives `undefined` and the home
//   simply waits for the device layer; an upgrade the open would need is aborted, so nothing is left
//   behind for Dexie to trip on;
// - one read-only transaction (one consistent picture), and the connection is closed as soon as it
//   is read, and at once if another connection asks for a version change, so it never blocks
//   Dexie's open or upgrade.
import {
  HOME_STORES,
  type HomeData,
  type HomeStore,
  type HomeStoreKeys,
  type HomeStoreReader,
  readHomeRows,
} from "./home-read";
import { DEVICE_IDB_VERSION } from "./schema-version";

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The database as it is, or undefined when it is missing or not at the version this code reads. */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // Only a database that does not exist yet asks for an upgrade here (no version was named):
    // abort, so it is not created empty.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      const stores = db.objectStoreNames;
      if (db.version !== DEVICE_IDB_VERSION || HOME_STORES.some((store) => !stores.contains(store))) {
        db.close();
        resolve(undefined);
        return;
      }
      resolve(db);
    };
  });
}

function readerOn(tx: IDBTransaction, factory: IDBFactory): HomeStoreReader {
  const store = (name: HomeStore) => tx.objectStore(name);
  return {
    all: (name) => done(store(name).getAll()),
    // IndexedDB keys are untyped; these stores' keys are the types HomeStoreKeys names (database.ts).
    keys: (name) => done(store(name).getAllKeys()) as Promise<HomeStoreKeys[typeof name][]>,
    get: (name, key) => done(store(name).get(key)),
    async anyOf(name, index, values) {
      // Dexie's anyOf gives rows in index order: the values in key order, each value's rows by key.
      const sorted = [...new Set(values)].sort((a, b) => factory.cmp(a, b));
      const source = store(name).index(index);
      const parts = await Promise.all(sorted.map((value) => done(source.getAll(value))));
      return parts.flat();
    },
  };
}

/**
 * The home's data read straight from the user's device database, or undefined when it cannot be
 * read that way (no database yet, an upgrade pending, storage refused): the caller then waits for
 * the device layer, which opens (and upgrades) it properly.
 */
export async function readHomeDataRaw(
  name: string,
  userId: string,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<HomeData | undefined> {
  if (!factory) return undefined;
  const db = await openExisting(factory, name);
  if (!db) return undefined;
  try {
    const tx = db.transaction([...HOME_STORES], "readonly");
    return await readHomeRows(readerOn(tx, factory), userId);
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}
