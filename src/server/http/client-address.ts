/**
 * Who is asking, as far as HTTP can tell: the client's address and whether the request came over
 * HTTPS. Owns the one rule for proxy headers: X-Forwarded-For / X-Forwarded-Proto are believed only
 * when TRUST_PROXY is set (config.trustProxy), because without a proxy in front any client can
 * send them — a forged `X-Forwarded-Proto: http` would drop `Secure` from the session cookie, a
 * forged X-Forwarded-For would dodge the per-address login ceiling and the log limiter.
 * Behind a trusted proxy the client is the LAST X-Forwarded-For entry (the one the proxy added;
 * earlier entries are whatever the client claimed).
 */
import type { Context } from "hono";

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } };
}

function socketOf(c: Context): NodeBindings["incoming"] {
  const env = c.env as NodeBindings | undefined;
  return typeof env === "object" && env !== null ? env.incoming : undefined;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").pop()?.trim();
    if (last !== undefined && last !== "" && last.length <= 64) return last;
  }
  return socketOf(c)?.socket?.remoteAddress ?? "unknown";
}

export function isHttpsRequest(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === "https:" || socketOf(c)?.socket?.encrypted === true) return true;
  if (!trustProxy) return false;
  return c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
