// What the device is and how the app runs on it: the platform (iOS/iPadOS, Android, other), whether
// the app runs installed (standalone, from the home screen), and whether the browser is in a
// private session. Nothing here touches the app's data.
//
// Why it matters: Safari may erase a site's storage after days without use unless the app was added
// to the home screen, and a private session forgets everything when it closes. The home says so
// plainly and shows the steps to install.

export type PlatformKind = "ios" | "android" | "other";

export interface NavigatorLike {
  userAgent: string;
  platform?: string;
  maxTouchPoints?: number;
  /** iOS Safari's own flag for a home-screen app. */
  standalone?: boolean;
}

/** iPadOS 13+ reports itself as a Mac: a "Mac" with a touch screen is an iPad. */
export function platformOf(nav: NavigatorLike): PlatformKind {
  const ua = nav.userAgent;
  if (/iPhone|iPad|iPod/.test(ua)) return "ios";
  if (/Macintosh/.test(ua) && (nav.maxTouchPoints ?? 0) > 1) return "ios";
  if (/Android/.test(ua)) return "android";
  return "other";
}

/** Installed: display-mode standalone (every engine) or iOS's navigator.standalone. */
export function isStandalone(
  nav: NavigatorLike,
  matchMedia?: (query: string) => { matches: boolean },
): boolean {
  if (nav.standalone === true) return true;
  return ["standalone", "fullscreen", "minimal-ui"].some(
    (mode) => matchMedia?.(`(display-mode: ${mode})`).matches,
  );
}

export interface PrivateSignals {
  /** A secure page without navigator.serviceWorker: Firefox private windows disable it. */
  serviceWorkerMissing: boolean;
  /** IndexedDB refused a Blob: WebKit's in-memory storage (Safari Private Browsing). */
  blobsRefused: boolean;
  /** IndexedDB cannot be opened at all (older Firefox private windows). */
  indexedDbFailed: boolean;
}

/** A private session by its signals (no single API tells; each engine gives itself away differently). */
export function isPrivateSession(signals: PrivateSignals): boolean {
  return signals.serviceWorkerMissing || signals.blobsRefused || signals.indexedDbFailed;
}

const PROBE_DB = "patuh-probe";

/**
 * Stores a one-byte Blob in a throwaway database: resolves to "refused" where IndexedDB refuses
 * Blobs, "failed" where it cannot be opened, "ok" otherwise. Run once per page load.
 */
export function probeBlobStorage(
  idb: IDBFactory | undefined = globalThis.indexedDB,
): Promise<"ok" | "refused" | "failed"> {
  if (!idb) return Promise.resolve("failed");
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = idb.open(PROBE_DB, 1);
    } catch {
      resolve("failed");
      return;
    }
    open.onupgradeneeded = () => open.result.createObjectStore("probe");
    open.onerror = () => resolve("failed");
    open.onsuccess = () => {
      const db = open.result;
      const done = (result: "ok" | "refused") => {
        db.close();
        resolve(result);
      };
      try {
        const tx = db.transaction("probe", "readwrite");
        tx.objectStore("probe").put(
          new Blob([new Uint8Array([1])], { type: "application/octet-stream" }),
          "blob",
        );
        tx.oncomplete = () => done("ok");
        tx.onerror = () => done("refused");
        tx.onabort = () => done("refused");
      } catch {
        done("refused");
      }
    };
  });
}

let privateCheck: Promise<boolean> | undefined;

/** Whether this is a private session, probed once per page load. */
export function detectPrivateSession(): Promise<boolean> {
  privateCheck ??= (async () => {
    const probe = await probeBlobStorage();
    return isPrivateSession({
      serviceWorkerMissing: window.isSecureContext && !("serviceWorker" in navigator),
      blobsRefused: probe === "refused",
      indexedDbFailed: probe === "failed",
    });
  })();
  return privateCheck;
}
