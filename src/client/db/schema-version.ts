// The device database's current schema version, apart from its Dexie declaration (database.ts) so a
// Dexie-free reader (raw-home-read.ts) can tell whether the stored database has the shape it reads.
// database.test.ts keeps the two equal.

/** The highest `version(n)` declared in database.ts. */
export const DEVICE_SCHEMA_VERSION = 2;

/** IndexedDB's own version number for it: Dexie 4 stores version(n) as n × 10. */
export const DEVICE_IDB_VERSION = DEVICE_SCHEMA_VERSION * 10;
