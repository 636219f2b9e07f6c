import { useEffect, useState } from "preact/hooks";
import type { SyncStatus } from "../sync";
import { useDevice } from "./use-device";

/** The sync engine's status (state, last success, error in words, counts), live. */
export function useSyncStatus(): SyncStatus {
  const { engine } = useDevice();
  const [status, setStatus] = useState(engine.getStatus);
  useEffect(() => {
    // The status may have moved between render and subscription.
    setStatus(engine.getStatus());
    return engine.subscribe(setStatus);
  }, [engine]);
  return status;
}
