import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { DeviceProvider } from "../hooks/use-device";
import { useI18n } from "../i18n/i18n";
import type { User } from "../session/user";
import type { OpenDevice } from "./device-session";

// The device layer (Dexie, the sync engine, the shared reducer) is a chunk of its own, loaded once a
// user is known: the login screen stays within its byte budget, and the chunk is precached by the
// service worker, so this works offline as well.
const loadDevice = (user: User) => import("./device-session").then((module) => module.openDevice(user));

/** A device opening started before the gate rendered (prewarmDevice), taken by the first gate. */
let early: { userId: string; opening: Promise<OpenDevice> } | undefined;

/**
 * Starts opening the user's device (loading the chunk, opening the database) right away, e.g. at
 * start-up as soon as the stored profile is known, in parallel with the first render instead of
 * after it. The gate mounted for that user takes it over; an opening nobody takes is harmless (the
 * database stays open until the page goes away, as it would under the gate).
 */
export function prewarmDevice(user: User): void {
  if (early?.userId === user.id) return;
  const opening = loadDevice(user);
  // Failure is reported by the gate that takes it over.
  opening.catch(() => undefined);
  early = { userId: user.id, opening };
}

function takeDevice(user: User): Promise<OpenDevice> {
  const taken = early?.userId === user.id ? early.opening : undefined;
  early = undefined;
  return taken ?? loadDevice(user);
}

type GateState = { userId: string; device: OpenDevice } | { userId: string; failed: true };

/**
 * Opens the logged-in user's device (database + sync engine) and provides it to every screen below.
 * Re-opens only when the user changes (a refreshed profile of the same user keeps the device).
 */
export function DeviceGate({ user, children }: { user: User; children: ComponentChildren }) {
  const { t } = useI18n();
  const [state, setState] = useState<GateState | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let opened: OpenDevice | undefined;
    takeDevice(user).then(
      (device) => {
        if (!live) return device.close();
        opened = device;
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
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  }
  return <DeviceProvider value={value}>{children}</DeviceProvider>;
}
