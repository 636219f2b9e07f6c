// Who is logged in on this device, and the three things that change it: login, logout, and the
// background session check. Screens use it through useSession(); they never call the API directly.
//
// Invariants:
// - Start-up never waits for the network: the stored profile is rendered at once (offline works),
//   then checkSession() asks the server in the background when online.
// - Only a 401 from the server ends a session the device knows about. Network errors, timeouts and
//   5xx keep the user logged in locally: an assessor offline for weeks must not be thrown out.
// - Logout and 401 remove the profile and nothing else.
// - No network is no lock-out: a user who logged in here online before unlocks offline against the
//   device's verifier (offline-credential.ts). The password is then held in memory only, to renew the
//   server session once at the next sync that meets a 401; a wrong password there ends it as usual.
import { ApiError, NETWORK_ERROR } from "../api/http";
import { createValueStore, useValueStore } from "../app/value-store";
import { forgetCredential, rememberCredential, unlockOffline } from "./offline-credential";
import { clearProfile, loadProfile, saveProfile } from "./profile-store";
import { deleteSession, getSession, postSecondFactor, postSession } from "./session-api";
import type { User } from "./user";

export interface SessionState {
  user: User | undefined;
  /** The server ended the session (401): the login screen says so. */
  expired: boolean;
  /** Opened offline against the device's verifier; the server session is renewed at the next sync. */
  unlockedOffline?: boolean;
}

const sessionStore = createValueStore<SessionState>({ user: undefined, expired: false });

/** The password of an offline unlock, in memory only, until the server has seen it once. */
/** POST /session's answer for an account with a second factor: the code step follows. */
export const SECOND_FACTOR_REQUIRED = "second_factor_required";

let pendingRenewal: { username: string; password: string } | undefined;

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
    a.officeId === b.officeId &&
    a.officeName === b.officeName
  );
}

let inFlight: Promise<CheckResult> | undefined;

/** "renewed": the server had ended the session and the offline unlock's password opened a new one. */
export type CheckResult = "unchanged" | "renewed" | "ended";

/**
 * Confirms the stored session with GET /api/v1/session. Single-flight; does nothing offline or with
 * no stored profile (after an offline logout the cookie may still be valid, and asking would log the
 * user straight back in).
 */
export function checkSession(): Promise<CheckResult> {
  inFlight ??= runCheck().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

async function runCheck(): Promise<CheckResult> {
  const before = sessionStore.get().user;
  if (!before || !navigator.onLine) return "unchanged";
  let fresh: User | undefined;
  try {
    fresh = await getSession();
  } catch {
    return "unchanged"; // unreachable or failing server: keep working locally, try again later
  }
  // A login or logout may have happened while we waited; the answer is about the old state.
  if (sessionStore.get().user !== before) return "unchanged";
  if (!fresh && pendingRenewal) {
    const renewed = await renewAfterOfflineUnlock(pendingRenewal);
    // A logout or another login while the renewal was on its way: that state stands.
    if (renewed === "network" || sessionStore.get().user !== before) return "unchanged";
    if (renewed && renewed.id === before.id) {
      await saveProfile(renewed).catch((error: unknown) => console.warn("patuh: profile not saved", error));
      sessionStore.set({ user: renewed, expired: false });
      return "renewed";
    }
  }
  if (!fresh) {
    pendingRenewal = undefined;
    await clearProfile().catch(() => undefined);
    sessionStore.set({ user: undefined, expired: true });
    return "ended";
  }
  pendingRenewal = undefined; // the cookie was still good: the password is not needed any more
  if (!sameUser(before, fresh)) {
    await saveProfile(fresh).catch((error: unknown) => console.warn("patuh: profile not saved", error));
    sessionStore.set({ user: fresh, expired: false });
  } else if (sessionStore.get().unlockedOffline) {
    sessionStore.set({ user: before, expired: false });
  }
  return "unchanged";
}

/** One login with the offline unlock's password; the password is forgotten whatever the answer. */
async function renewAfterOfflineUnlock(credential: {
  username: string;
  password: string;
}): Promise<User | undefined | "network"> {
  try {
    const user = await postSession(credential.username, credential.password);
    pendingRenewal = undefined;
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.code === NETWORK_ERROR) return "network";
    if (error instanceof ApiError && error.code === SECOND_FACTOR_REQUIRED) {
      await forgetCredential(credential.username);
    }
    pendingRenewal = undefined;
    return undefined;
  }
}

/**
 * Rejects with ApiError (code invalid_credentials, rate_limited, network, …) when login fails. With no
 * network, a user who logged in here before is let in against the device's verifier.
 */
export async function login(username: string, password: string): Promise<void> {
  let user: User;
  try {
    user = await postSession(username, password);
  } catch (error) {
    // The account now has a second factor (maybe enrolled elsewhere): its password alone no longer
    // opens this device offline either.
    if (error instanceof ApiError && error.code === SECOND_FACTOR_REQUIRED) await forgetCredential(username);
    if (!(error instanceof ApiError && error.code === NETWORK_ERROR)) throw error;
    const unlocked = await unlockOffline(username, password);
    if (unlocked.kind === "wrong-password") {
      throw new ApiError("invalid_credentials", 401, "password does not match this device's verifier");
    }
    if (unlocked.kind === "unknown-user") throw error;
    pendingRenewal = { username, password };
    await saveProfile(unlocked.user).catch((e: unknown) => console.warn("patuh: profile not saved", e));
    sessionStore.set({ user: unlocked.user, expired: false, unlockedOffline: true });
    return;
  }
  pendingRenewal = undefined;
  // Not awaited: the hash takes a moment and the assessor should not wait for it to see the home.
  void rememberCredential(username, password, user);
  await openSession(user);
}

/**
 * The login's second step, after login() rejected with second_factor_required: a code from the
 * authenticator app or a recovery code. Such an account gets no offline verifier (and loses an
 * older one): its password alone must not open the app, not even offline.
 */
export async function loginSecondFactor(username: string, code: string): Promise<void> {
  const user = await postSecondFactor(code);
  pendingRenewal = undefined;
  await forgetCredential(username);
  await openSession(user);
}

async function openSession(user: User): Promise<void> {
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
  pendingRenewal = undefined;
  try {
    await deleteSession();
  } catch (error) {
    // Offline or server trouble: the device still logs out (the UI warned when offline).
    if (!(error instanceof ApiError && error.code === NETWORK_ERROR)) console.warn("patuh: logout", error);
  }
  await clearProfile().catch((error: unknown) => console.warn("patuh: profile not cleared", error));
  sessionStore.set({ user: undefined, expired: false });
}
