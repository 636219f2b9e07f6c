// Who is logged in on this device, and the three things that change it: login, logout, and the
// background session check. Screens use it through useSession(); they never call the API directly.
//
// Invariants:
// - Start-up never waits for the network: the stored profile is rendered at once (offline works),
//   then checkSession() asks the server in the background when online.
// - Only a 401 from the server ends a session the device knows about. Network errors, timeouts and
//   5xx keep the user logged in locally: an assessor offline for weeks must not be thrown out.
// - Logout and 401 remove the profile and nothing else.
import { ApiError, NETWORK_ERROR } from "../api/http";
import { createValueStore, useValueStore } from "../app/value-store";
import { clearProfile, loadProfile, saveProfile } from "./profile-store";
import { deleteSession, getSession, postSession } from "./session-api";
import type { User } from "./user";

export interface SessionState {
  user: User | undefined;
  /** The server ended the session (401): the login screen says so. */
  expired: boolean;
}

const sessionStore = createValueStore<SessionState>({ user: undefined, expired: false });

export function useSession(): SessionState {
  return useValueStore(sessionStore);
}

export function currentUser(): User | undefined {
  return sessionStore.get().user;
}

/** Called once before the first render. */
export async function initSession(): Promise<void> {
  sessionStore.set({ user: await loadProfile(), expired: false });
}

function sameUser(a: User, b: User): boolean {
  return (
    a.id === b.id &&
    a.username === b.username &&
    a.name === b.name &&
    a.role === b.role &&
    a.officeId === b.officeId
  );
}

let inFlight: Promise<void> | undefined;

/**
 * Confirms the stored session with GET /api/v1/session. Single-flight; does nothing offline or with
 * no stored profile (after an offline logout the cookie may still be valid, and asking would log the
 * user straight back in).
 */
export function checkSession(): Promise<void> {
  inFlight ??= runCheck().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

async function runCheck(): Promise<void> {
  const before = sessionStore.get().user;
  if (!before || !navigator.onLine) return;
  let fresh: User | undefined;
  try {
    fresh = await getSession();
  } catch {
    return; // unreachable or failing server: keep working locally, try again later
  }
  // A login or logout may have happened while we waited; the answer is about the old state.
  if (sessionStore.get().user !== before) return;
  if (!fresh) {
    await clearProfile().catch(() => undefined);
    sessionStore.set({ user: undefined, expired: true });
  } else if (!sameUser(before, fresh)) {
    await saveProfile(fresh).catch((error: unknown) => console.warn("patuh: profile not saved", error));
    sessionStore.set({ user: fresh, expired: false });
  }
}

/** Rejects with ApiError (code invalid_credentials, rate_limited, network, …) when login fails. */
export async function login(username: string, password: string): Promise<void> {
  const user = await postSession(username, password);
  try {
    await saveProfile(user);
  } catch (error) {
    // Still logged in for this visit; the app just cannot open offline with the user known.
    console.warn("patuh: could not store the session profile", error);
  }
  sessionStore.set({ user, expired: false });
}

/** Ends the session on the server when reachable, and always on the device. */
export async function logout(): Promise<void> {
  try {
    await deleteSession();
  } catch (error) {
    // Offline or server trouble: the device still logs out (the UI warned when offline).
    if (!(error instanceof ApiError && error.code === NETWORK_ERROR)) console.warn("patuh: logout", error);
  }
  await clearProfile().catch((error: unknown) => console.warn("patuh: profile not cleared", error));
  sessionStore.set({ user: undefined, expired: false });
}
