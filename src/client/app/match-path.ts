// Pure route matching, apart from router.ts (which touches window) so it is unit-testable.

export type RouteParams = Record<string, string>;

/**
 * Matches "/penilaian/:id" against "/penilaian/abc" → { id: "abc" }; null when it does not match.
 * A trailing slash is tolerated; segments are URI-decoded.
 */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(":")) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null; // a malformed escape is not a route of ours
      }
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}
