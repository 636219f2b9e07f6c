/**
 * The Hono app: common headers on every response, route modules under /api/v1, 405 (with Allow)
 * for a known API path with a wrong method, JSON 404 for unknown API paths, the PWA everywhere
 * else, and ONE error renderer: Problems become their status and body; a PostgreSQL data exception
 * (class 22: a value the database cannot hold) is the client's mistake, 400; anything else is a
 * bug, logged with its stack and answered 500 internal_error. Refusals are logged as one line each,
 * rate-limited per client address (request-log.ts). The text rule guards every /api URL
 * (text-guard.ts); HSTS is sent on HTTPS (directly, or via a trusted proxy).
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { auditHook } from "../audit/audit-hook";
import { type Clock, systemClock } from "../clock";
import type { Config } from "../config";
import type { Db } from "../db/connection";
import type { BlobStore } from "../evidence/blob-store";
import { openBlobStore } from "../evidence/open-store";
import { observability, type RequestLogLine } from "../ops/observability";
import { mountOps } from "../ops/ops-routes";
import { clientAddress, isHttpsRequest } from "./client-address";
import { compression } from "./compression";
import { type AppDeps, type AppEnv, consoleLogger, type Logger, type RouteModule } from "./context";
import { withCommonHeaders } from "./headers";
import { Problem, problem, problemResponse } from "./problems";
import { RequestLog } from "./request-log";
import { ROUTE_MODULES } from "./routes/index";
import { serveStatic } from "./static";
import { textGuard } from "./text-guard";

/** One year; no includeSubDomains/preload: the operator owns the domain's other hosts. */
export const HSTS_VALUE = "max-age=31536000";

export const API_BASE = "/api/v1";

export interface CreateAppOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  log?: Logger;
  /** Defaults to the store the config names (openBlobStore). */
  evidence?: BlobStore;
  /** One JSON line per request (serve: stdout); default none. */
  requestLog?: (line: RequestLogLine) => void;
  /** Defaults to ROUTE_MODULES. */
  routes?: readonly RouteModule[];
}

/** SQLSTATE class 22 (data exception): out-of-range numbers, text the database cannot encode. */
function isDataException(err: unknown): boolean {
  if (typeof err !== "object" || err === null || !("code" in err)) return false;
  const code = (err as { code: unknown }).code;
  return typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code);
}

/** The Problem to answer, or null for a bug (answered 500 and logged with its stack). */
function toProblem(err: unknown): Problem | null {
  if (err instanceof Problem) return err;
  if (err instanceof HTTPException && err.status < 500) {
    if (err.status === 413) return problem("payload_too_large");
    if (err.status === 415) return problem("unsupported_media_type");
    if (err.status === 401) return problem("unauthenticated");
    if (err.status === 404) return problem("not_found");
    return problem("invalid_body", undefined, { message: err.message || undefined });
  }
  // The edge validates shapes, ranges and text first; this is the net under it, so that a value
  // the database refuses is still the client's 400 and never a 500 (nothing was written: the
  // statement failed).
  if (isDataException(err)) return problem("value_out_of_range");
  return null;
}

export function createApp(opts: CreateAppOptions): Hono<AppEnv> {
  const deps: AppDeps = {
    db: opts.db,
    config: opts.config,
    clock: opts.clock ?? systemClock,
    log: opts.log ?? consoleLogger,
    evidence: opts.evidence ?? openBlobStore(opts.config),
  };
  const app = new Hono<AppEnv>();
  app.use("*", observability({ write: opts.requestLog ?? null }));
  const requestLog = new RequestLog(deps.log, () => deps.clock.now().getTime());
  const trustProxy = opts.config.trustProxy;

  app.use("*", async (c, next) => {
    await next();
    c.res = withCommonHeaders(
      c.res,
      isHttpsRequest(c, trustProxy) ? { "Strict-Transport-Security": HSTS_VALUE } : {},
    );
  });
  // Inside the common headers: compresses every answer, errors included (onError runs inside).
  app.use("*", compression());
  app.use("/api/*", textGuard());
  // Inside the error renderer's reach: it sees the final status of every audited action.
  app.use("/api/*", auditHook(deps, API_BASE));

  const api = new Hono<AppEnv>();
  for (const m of opts.routes ?? ROUTE_MODULES) m.mount(api, deps);
  app.route(API_BASE, api);

  // Every method registered per API path, to answer other methods with 405 + Allow.
  const allowed = new Map<string, Set<string>>();
  for (const r of app.routes) {
    if (r.method === "ALL" || !r.path.startsWith("/api/")) continue;
    const set = allowed.get(r.path) ?? new Set<string>();
    set.add(r.method);
    if (r.method === "GET") set.add("HEAD");
    allowed.set(r.path, set);
  }
  for (const [path, methods] of allowed) {
    const allow = [...methods].sort().join(", ");
    app.all(path, () => {
      throw problem("method_not_allowed", { allow: [...methods].sort() }, { headers: { Allow: allow } });
    });
  }
  app.all("/api", () => {
    throw problem("not_found");
  });
  app.all("/api/*", () => {
    throw problem("not_found");
  });

  mountOps(app, deps);
  app.on(["GET", "HEAD"], "*", (c) =>
    serveStatic(
      opts.config.staticDir,
      new URL(c.req.url).pathname,
      c.req.method === "HEAD",
      c.req.header("Accept-Encoding"),
    ),
  );
  app.all("*", () => {
    throw problem("method_not_allowed", undefined, { headers: { Allow: "GET, HEAD" } });
  });

  app.onError((err, c) => {
    const address = clientAddress(c, trustProxy);
    let p = toProblem(err);
    if (p === null) {
      requestLog.failed(address, c.req.method, c.req.path, err);
      p = problem("internal_error");
    } else {
      requestLog.refused(address, c.req.method, c.req.path, p.status, p.code);
    }
    // Hono merges headers a handler set before failing (e.g. a cleared session cookie on 401).
    return withCommonHeaders(problemResponse(p));
  });
  app.notFound(() => withCommonHeaders(problemResponse(problem("not_found"))));
  return app;
}
