// Object URLs for the thumbnails of stored evidence blobs. Each URL is revoked when the photo leaves
// the list or the item unmounts: a long checklist with dozens of photos must not pin their memory.
// Without photos (always so in the admin's preview, which has no device database) nothing is read.
import { useContext, useEffect, useState } from "preact/hooks";
import { getEvidence } from "../../db/evidence";
import { DeviceContext } from "../../hooks/use-device";

export function useEvidenceUrls(shas: readonly string[]): ReadonlyMap<string, string> {
  const db = useContext(DeviceContext)?.db;
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const signature = shas.join(",");
  useEffect(() => {
    if (!db || shas.length === 0) {
      setUrls((shown) => (shown.size === 0 ? shown : new Map()));
      return;
    }
    let live = true;
    const made: string[] = [];
    void Promise.all(shas.map((sha) => getEvidence(db, sha))).then((rows) => {
      if (!live) return;
      const next = new Map<string, string>();
      for (const row of rows) {
        if (!row) continue;
        const url = URL.createObjectURL(row.blob);
        made.push(url);
        next.set(row.sha256, url);
      }
      setUrls(next);
    });
    return () => {
      live = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [db, signature]);
  return urls;
}
