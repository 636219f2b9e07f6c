/**
 * Per-request observability middleware: a request id (the proxy's X-Request-Id when it looks sane,
 * else a new one) echoed in the response, one JSON log line per request, and the request metrics
 * by route PATTERN. Also counts requests in flight for graceful shutdown.
 * Invariant: never changes a response's status or body.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { metrics } from "./metrics";

/** The request being handled, for log lines written deep inside it (jsonLogger). */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface RequestLogLine {
  time: string;
  level: "info" | "warn" | "error";
  msg: "request";
  requestId: string;
  method: string;
  route: string;
  path: string;
  status: number;
  ms: number;
  userId?: string;
}

export function observability(opts: {
  /** Where a request's log line goes (JSON lines on stdout in `serve`; null: no request logs). */
  write: ((line: RequestLogLine) => void) | null;
}): MiddlewareHandler {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID();
    const t0 = performance.now();
    metrics.started();
    try {
      await requestContext.run({ requestId }, next);
    } finally {
      metrics.finished();
    }
    try {
      c.res.headers.set("X-Request-Id", requestId);
    } catch {
      // An immutable Response (none today): the id is still in the log line.
    }
    const seconds = (performance.now() - t0) / 1000;
    // The pattern of the handler that answered (Hono leaves routeIndex there), e.g. /api/v1/evidence/:sha256{…}; the static fallback is "*".
    const route = routePath(c) || "*";
    const status = c.res.status;
    metrics.requests.inc({ route, method: c.req.method, status: String(status) });
    metrics.latency.observe({ route, method: c.req.method }, seconds);
    if (opts.write) {
      const user = (c.var as { user?: { id: string } }).user;
      opts.write({
        time: new Date().toISOString(),
        level: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
        msg: "request",
        requestId,
        method: c.req.method,
        route,
        path: c.req.path,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        ...(user ? { userId: user.id } : {}),
      });
    }
  };
}

/** The app Logger as JSON lines (stdout/stderr), each with the request id when inside a request. */
export function jsonLogger(out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): {
  error(message: string, err?: unknown): void;
  info(message: string): void;
} {
  const line = (level: string, msg: string, err?: unknown) => {
    const requestId = requestContext.getStore()?.requestId;
    out(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        msg,
        ...(requestId ? { requestId } : {}),
        ...(err === undefined
          ? {}
          : { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      }),
    );
  };
  return { error: (m, e) => line("error", m, e), info: (m) => line("info", m) };
}
