import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { DeviceProvider } from "../hooks/use-device";
import { useI18n } from "../i18n/i18n";
import type { User } from "../session/user";
import type { OpenDevice } from "./device-session";

// The device layer (Dexie, the sync engine, the shared reducer) is a chunk of its own, loaded once a
// user is known: the login screen stays within its byte budget, and the chunk is precached by the
// service worker, so this works offline as well.
const loadDevice = (userId: string) =>
  import("./device-session").then((module) => module.openDevice({ id: userId }));

/** The last user whose device opened here (a user id, no secret): start-up opens it at once. */
const HINT_KEY = "patuh:device-user";

/** A device opening started before the gate rendered (prewarmDevice), taken by the first gate. */
let early: { userId: string; opening: Promise<OpenDevice> } | undefined;

/**
 * Starts opening a user's device (loading the chunk, opening the database) right away, in parallel
 * with reading the stored profile and the first render instead of after them. The gate mounted for
 * that user takes it over; an opening for another user (or for nobody) is closed again.
 */
export function prewarmDevice(userId: string): void {
  if (early?.userId === userId) return;
  discardPrewarm();
  const opening = loadDevice(userId);
  // Failure is reported by the gate that takes it over.
  opening.catch(() => undefined);
  early = { userId, opening };
}

function deviceHint(): string | null {
  try {
    return localStorage.getItem(HINT_KEY);
  } catch {
    // Storage blocked: no head start, the gate opens the device as usual.
    return null;
  }
}

/** The user whose device was opened here last, if any (start-up may warm the home for them). */
export function deviceHintUser(): string | null {
  return deviceHint();
}

/** Start-up, before the profile is read: the device of the user who last opened one here. */
export function prewarmLastDevice(): void {
  const userId = deviceHint();
  if (userId) prewarmDevice(userId);
}

/** Closes a prewarmed device nobody took (the profile named another user, or no one). */
export function discardPrewarm(): void {
  const left = early;
  early = undefined;
  left?.opening.then(
    (device) => device.close(),
    () => undefined,
  );
}

function takeDevice(userId: string): Promise<OpenDevice> {
  const taken = early?.userId === userId ? early.opening : undefined;
  if (taken) early = undefined;
  return taken ?? loadDevice(userId);
}

function rememberDeviceUser(userId: string): void {
  try {
    localStorage.setItem(HINT_KEY, userId);
  } catch {
    // Only a head start is lost.
  }
}

type GateState = { userId: string; device: OpenDevice } | { userId: string; failed: true };

/**
 * Opens the logged-in user's device (database + sync engine) and provides it to every screen below.
 * Re-opens only when the user changes (a refreshed profile of the same user keeps the device).
 */
export function DeviceGate({
  user,
  preview,
  children,
}: {
  user: User;
  /** Shown while the device opens instead of the loading line (the home's list read without Dexie). */
  preview?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<GateState | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let opened: OpenDevice | undefined;
    takeDevice(user.id).then(
      (device) => {
        if (!live) return device.close();
        opened = device;
        device.start();
        rememberDeviceUser(user.id);
        setState({ userId: user.id, device });
      },
      (error: unknown) => {
        console.error("patuh: device database could not be opened", error);
        if (live) setState({ userId: user.id, failed: true });
      },
    );
    return () => {
      live = false;
      opened?.close();
    };
    // Keyed on the id: a refreshed profile of the same user keeps the same device.
  }, [user.id]);

  const current = state?.userId === user.id ? state : undefined;
  const db = current && "device" in current ? current.device.db : undefined;
  const engine = current && "device" in current ? current.device.engine : undefined;
  const value = useMemo(() => (db && engine ? { db, engine, user } : null), [db, engine, user]);

  if (current && "failed" in current) {
    return (
      <p class="notice notice--error" role="alert" data-testid="device-failed">
        {t("deviceOpenFailed")}
      </p>
    );
  }
  if (!value) {
    if (preview) return <>{preview}</>;
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  }
  return <DeviceProvider value={value}>{children}</DeviceProvider>;
}
