import { useEffect, useState } from "preact/hooks";
import { useOnline } from "../platform/online";
import { hasOfflineCredential } from "./offline-credential";
import { logout } from "./session";

/** Why logging out waits for the user's word: work not yet on the server, or no way back in offline. */
export type LogoutWarning = "unsent" | "offline";

export interface UnsentWork {
  /** Edits on this device the server has not acknowledged. */
  count: number;
  /** Runs one sync now (resolves when it ended, whatever the outcome). */
  syncNow(): Promise<unknown>;
}

export interface LogoutState {
  busy: boolean;
  /** Syncing before logging out. */
  syncing: boolean;
  /** The warning waiting for confirmation, if any. */
  warning: LogoutWarning | undefined;
  request(): void;
  confirm(): void;
  cancel(): void;
  /** Sync first; log out when nothing is left unsent, otherwise keep warning (with the new count). */
  syncFirst(): void;
}

/**
 * Logging out never costs work and never locks the assessor out without saying so: with unsent
 * edits it offers to sync first (the edits stay on the device either way and go up after the next
 * login); offline, where logging back in needs this device's offline unlock, it warns when the user
 * has none (never logged in online here with this version).
 */
export function useLogout(username: string, unsent?: UnsentWork): LogoutState {
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [warning, setWarning] = useState<LogoutWarning | undefined>(undefined);
  /** The user chose "sync first": leave as soon as the sync left nothing unsent. */
  const [leaveAfterSync, setLeaveAfterSync] = useState(false);
  const count = unsent?.count ?? 0;
  useEffect(() => {
    if (!leaveAfterSync || syncing) return;
    setLeaveAfterSync(false);
    if (count === 0) run();
  });
  const run = () => {
    setBusy(true);
    setWarning(undefined);
    void logout().finally(() => setBusy(false));
  };
  const request = () => {
    if (unsent && unsent.count > 0) {
      setWarning("unsent");
      return;
    }
    if (online) {
      run();
      return;
    }
    void hasOfflineCredential(username).then((known) => (known ? run() : setWarning("offline")));
  };
  const syncFirst = () => {
    if (!unsent || syncing) return;
    setSyncing(true);
    setLeaveAfterSync(true);
    void unsent.syncNow().finally(() => setSyncing(false));
  };
  return { busy, syncing, warning, request, confirm: run, cancel: () => setWarning(undefined), syncFirst };
}
