// The home's reads (home-read.ts) through Dexie: what the live home runs inside liveQuery, which
// follows exactly the rows these reads touched.
//
// Invariant: one read transaction over every store the home reads, so the list, the states and the
// counts come from one moment of the device.
import type { PatuhDb } from "./database";
import {
  HOME_STORES,
  type HomeData,
  type HomeStoreKeys,
  type HomeStoreReader,
  readHomeRows,
} from "./home-read";

function dexieHomeReader(db: PatuhDb): HomeStoreReader {
  return {
    all: (store) => db.table(store).toArray(),
    keys: (store) => db.table<unknown, HomeStoreKeys[typeof store]>(store).toCollection().primaryKeys(),
    get: (store, key) => db.table(store).get(key),
    anyOf: (store, index, values) =>
      db
        .table(store)
        .where(index)
        .anyOf([...values])
        .toArray(),
  };
}

export function readHomeDataFromDexie(db: PatuhDb, userId: string): Promise<HomeData> {
  return db.transaction("r", [...HOME_STORES], () => readHomeRows(dexieHomeReader(db), userId));
}
