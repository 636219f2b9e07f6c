// A path-based router on the History API, small on purpose (the login route has a 60 KB budget).
// Every app route is a real URL: the service worker answers any navigation with the precached
// index.html, so deep links such as /penilaian/<id> open offline too.
export { matchPath, type RouteParams } from "./match-path";

import { createValueStore, useValueStore } from "./value-store";

const pathStore = createValueStore(window.location.pathname);

window.addEventListener("popstate", () => pathStore.set(window.location.pathname));

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  pathStore.set(path);
}

export function usePath(): string {
  return useValueStore(pathStore);
}
