// Loads one piece of server data for a supervisor screen: loading → ok | error, with a reload.
// The staff screens are online views (no device database): what they show is what the server said.
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/http";

export type Remote<T> = { state: "loading" } | { state: "ok"; data: T } | { state: "error"; code: string };

export function useRemote<T>(load: (() => Promise<T>) | null, deps: unknown[]): [Remote<T>, () => void] {
  const [remote, setRemote] = useState<Remote<T>>({ state: "loading" });
  const [version, setVersion] = useState(0);
  // The caller names what the load depends on (deps); `load` itself is a fresh closure each render.
  useEffect(() => {
    if (load === null) return;
    let live = true;
    setRemote((r) => (r.state === "ok" ? r : { state: "loading" }));
    load().then(
      (data) => {
        if (live) setRemote({ state: "ok", data });
      },
      (error: unknown) => {
        if (live) setRemote({ state: "error", code: error instanceof ApiError ? error.code : "unexpected" });
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, version, load === null]);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return [remote, reload];
}
