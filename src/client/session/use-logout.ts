import { useEffect, useState } from "preact/hooks";
import { useOnline } from "../platform/online";
import { hasOfflineCredential } from "./offline-credential";
import { logout } from "./session";

/** Why logging out waits for the user's word: work not yet on the server, or no way back in offline. */
export type LogoutWarning = "unsent" | "offline";

export interface UnsentWork {
  /** Edits on this device the server has not acknowledged (live, for the words). */
  count: number;
  /** Counts them from storage now: the live count may not be loaded yet right after a page load. */
  recount(): Promise<number>;
  /** Runs one sync now (resolves when it ended, whatever the outcome). */
  syncNow(): Promise<unknown>;
}

export interface LogoutState {
  busy: boolean;
  /** Syncing before logging out. */
  syncing: boolean;
  /** The warning waiting for confirmation, if any. */
  warning: LogoutWarning | undefined;
  /** Unsent edits as last counted (storage at the tap, then the live count as it moves). */
  pending: number;
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
  const count = unsent?.count ?? 0;
  const [pending, setPending] = useState(count);
  useEffect(() => setPending(count), [count]);
  const run = () => {
    setBusy(true);
    setWarning(undefined);
    void logout().finally(() => setBusy(false));
  };
  const request = () => {
    void (async () => {
      const pending = unsent ? await unsent.recount().catch(() => unsent.count) : 0;
      setPending(pending);
      if (pending > 0) setWarning("unsent");
      else if (online || (await hasOfflineCredential(username))) run();
      else setWarning("offline");
    })();
  };
  const syncFirst = () => {
    if (!unsent || syncing) return;
    setSyncing(true);
    // Leave as soon as the sync left nothing unsent; otherwise keep warning with the new count.
    void unsent
      .syncNow()
      .then(() => unsent.recount())
      .then((left) => {
        setPending(left);
        if (left === 0) run();
      })
      .catch(() => undefined)
      .finally(() => setSyncing(false));
  };
  return {
    busy,
    syncing,
    warning,
    pending,
    request,
    confirm: run,
    cancel: () => setWarning(undefined),
    syncFirst,
  };
}
