// The name of a user's device database, apart from the device layer (device-session.ts, which brings
// Dexie) so the home's first read (screens/home/first-home-read.ts) can find it without Dexie.

/** One database per user: two people sharing a tablet never see or push each other's drafts. */
export function deviceDbName(userId: string): string {
  return `patuh-${userId}`;
}
