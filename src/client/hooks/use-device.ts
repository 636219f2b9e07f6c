// The logged-in user's device: their own IndexedDB database, the sync engine working on it, and the
// user. Provided by the app shell (app/device-gate.tsx) around every logged-in screen, so screens and
// hooks never open databases or engines themselves.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { PatuhDb } from "../db/database";
import type { User } from "../session/user";
import type { SyncEngine } from "../sync";

export interface Device {
  db: PatuhDb;
  engine: SyncEngine;
  user: User;
}

export const DeviceContext = createContext<Device | null>(null);

export const DeviceProvider = DeviceContext.Provider;

/** The current user's device. Only valid inside a logged-in screen (under the DeviceProvider). */
export function useDevice(): Device {
  const device = useContext(DeviceContext);
  if (!device) throw new Error("useDevice() outside a logged-in screen (no DeviceProvider)");
  return device;
}
