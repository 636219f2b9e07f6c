// The offline unlock: a salted, slow hash of the password of each user who logged in on this device
// ONLINE, kept in its own idb-keyval database, so that an assessor who logged out (or was logged out)
// with no signal can open the app again at the counter.
//
// Invariants:
// - Only a successful online login writes a verifier, and only for the user the server named. The
//   password itself is never stored; the verifier is PBKDF2-SHA-256 with a random 16-byte salt and
//   VERIFIER_ITERATIONS rounds, so a copied device database does not give the password away cheaply.
// - An offline unlock never reaches the server and so never proves the account is still active: it
//   only re-opens this device's own data. The server still decides at the next sync (a 401 there
//   ends the unlocked session like any other).
// - Logout does not remove verifiers: logging out must not lock the assessor out of work that is
//   still on the device. A failed read counts as "no verifier" (unlock refused), never as a crash.
import { createStore, del, get, set } from "idb-keyval";
import { parseUser, type User } from "./user";

const credentialDb = createStore("patuh-offline-credentials", "verifiers");

/** Rounds of PBKDF2: ~100–300 ms on a mid-range phone, once per offline unlock. */
export const VERIFIER_ITERATIONS = 150_000;

interface StoredVerifier {
  user: User;
  salt: string;
  hash: string;
  iterations: number;
}

/** Keys are case-insensitive usernames, as the server's logins are. */
function keyFor(username: string): string {
  return username.trim().toLowerCase();
}

function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Whether this browser can hash here (WebCrypto needs a secure context: HTTPS or localhost). */
export function offlineUnlockSupported(): boolean {
  return typeof crypto !== "undefined" && typeof crypto.subtle?.deriveBits === "function";
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** After an online login: remember how to recognise this password offline. Never throws. */
export async function rememberCredential(username: string, password: string, user: User): Promise<void> {
  if (!offlineUnlockSupported()) return;
  try {
    // Open the store before the slow hash, so the verifier lands in the database that was current
    // at login (the unit tests swap IndexedDB between cases while a hash may still be running).
    await get(keyFor(username), credentialDb);
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const hash = await derive(password, salt, VERIFIER_ITERATIONS);
    const stored: StoredVerifier = {
      user,
      salt: toBase64(salt),
      hash: toBase64(hash),
      iterations: VERIFIER_ITERATIONS,
    };
    await set(keyFor(username), stored, credentialDb);
  } catch (error) {
    console.warn("patuh: offline unlock not stored", error);
  }
}

export type UnlockResult =
  | { kind: "unlocked"; user: User }
  | { kind: "wrong-password" }
  | { kind: "unknown-user" };

/** Checks a password against the verifier of a user who logged in here before. */
export async function unlockOffline(username: string, password: string): Promise<UnlockResult> {
  if (!offlineUnlockSupported()) return { kind: "unknown-user" };
  let stored: StoredVerifier | undefined;
  try {
    stored = (await get(keyFor(username), credentialDb)) as StoredVerifier | undefined;
  } catch {
    return { kind: "unknown-user" };
  }
  const user = parseUser(stored?.user);
  if (!stored || !user || typeof stored.salt !== "string" || typeof stored.hash !== "string") {
    return { kind: "unknown-user" };
  }
  const hash = await derive(password, fromBase64(stored.salt), stored.iterations);
  return sameBytes(hash, fromBase64(stored.hash)) ? { kind: "unlocked", user } : { kind: "wrong-password" };
}

/** Whether someone with this username logged in on this device before (the login screen's hint). */
export async function hasOfflineCredential(username: string): Promise<boolean> {
  try {
    return (await get(keyFor(username), credentialDb)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Removes the user's verifier: an account with a second factor must not open on the password
 * alone, not even offline (docs/api.md § Second factor). Never throws.
 */
export async function forgetCredential(username: string): Promise<void> {
  try {
    await del(keyFor(username), credentialDb);
  } catch (error) {
    console.warn("patuh: offline verifier not removed", error);
  }
}
