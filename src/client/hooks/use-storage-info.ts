import { useEffect, useState } from "preact/hooks";
import { readStorageInfo, type StorageInfo, useStorageVersion } from "../platform/storage";

/** How often the numbers are refreshed while a screen shows them (photos may be added meanwhile). */
const REFRESH_MS = 30_000;

/** Device storage use and persistence; undefined until the browser answered. */
export function useStorageInfo(): StorageInfo | undefined {
  const version = useStorageVersion();
  const [info, setInfo] = useState<StorageInfo | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const read = () =>
      void readStorageInfo().then((next) => {
        if (live) setInfo(next);
      });
    read();
    const timer = window.setInterval(read, REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [version]);
  return info;
}
