/**
 * The text rule at the HTTP edge for the parts of a request that are not a JSON body: every query
 * parameter (name and value) and the decoded path of every /api request. A NUL or an unpaired
 * surrogate → 400 invalid_text with details.path (`query.NAME` or `path`), before any route runs.
 * JSON bodies get the same rule in body.ts (readJson) and, per mutation, in sync push.
 */
import type { MiddlewareHandler } from "hono";
import { textProblem } from "../../domain/common/clean-text";
import type { AppEnv } from "./context";
import { problem } from "./problems";

function decodedPath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // malformed %-escapes: the router will not match it anyway
  }
}

export function textGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const pathReason = textProblem(decodedPath(url.pathname));
    if (pathReason !== null) throw problem("invalid_text", { path: "path", reason: pathReason });
    // Decoded the way Hono's c.req.query decodes (percent-escapes; `+` is a space).
    for (const pair of url.search.replace(/^\?/, "").split("&")) {
      if (pair === "") continue;
      const [rawName = "", ...rest] = pair.split("=");
      const name = decodedPath(rawName.replace(/\+/g, " "));
      const value = decodedPath(rest.join("=").replace(/\+/g, " "));
      const reason = textProblem(name) ?? textProblem(value);
      if (reason !== null) {
        const shown = textProblem(name) === null ? name : "<name>";
        throw problem("invalid_text", { path: `query.${shown}`, reason });
      }
    }
    await next();
  };
}
