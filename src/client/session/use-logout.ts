import { useState } from "preact/hooks";
import { useOnline } from "../platform/online";
import { logout } from "./session";

export interface LogoutState {
  busy: boolean;
  /** Offline logout was asked for and waits for confirmation. */
  confirming: boolean;
  request(): void;
  confirm(): void;
  cancel(): void;
}

/**
 * Logging out offline locks the assessor out until they reach a network again (login needs the
 * server), so offline it asks first; online it just logs out.
 */
export function useLogout(): LogoutState {
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const run = () => {
    setBusy(true);
    setConfirming(false);
    void logout().finally(() => setBusy(false));
  };
  return {
    busy,
    confirming,
    request: () => (online ? run() : setConfirming(true)),
    confirm: run,
    cancel: () => setConfirming(false),
  };
}
