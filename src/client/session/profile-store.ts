// The session profile (the User of the last successful login) in its own idb-keyval database.
//
// Invariants:
// - It is what lets the app open OFFLINE with the user known: main.tsx reads it before the first
//   render. It holds no secret (the session cookie is HttpOnly and stays in the browser's jar).
// - Only two things remove it: logout, and the server answering 401 to the session check. Neither
//   touches any other local data (drafts, photos, the sync queue live elsewhere and must survive).
// - A read failure is treated as "no profile" (the user logs in again), never as a crash.
import { createStore, del, get, set } from "idb-keyval";
import { parseUser, type User } from "./user";

// Its own database: see settings-store for why databases are not shared between createStore calls.
const sessionDb = createStore("patuh-session", "profile");

const PROFILE_KEY = "user";

export async function loadProfile(): Promise<User | undefined> {
  try {
    return parseUser(await get(PROFILE_KEY, sessionDb));
  } catch (error) {
    console.warn("patuh: could not read the stored session profile", error);
    return undefined;
  }
}

/** Rejects when storage refuses: the caller must know the app would not open offline. */
export async function saveProfile(user: User): Promise<void> {
  await set(PROFILE_KEY, user, sessionDb);
}

export async function clearProfile(): Promise<void> {
  await del(PROFILE_KEY, sessionDb);
}
