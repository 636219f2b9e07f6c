/**
 * Operations endpoints on the app's own port, outside /api/v1:
 * - GET /healthz: the process is alive (200 while it can answer at all);
 * - GET /readyz: the database answers and the evidence store is reachable, and the process is not
 *   draining for shutdown; 503 with what failed otherwise (the proxy stops sending it traffic);
 * - GET /metrics: Prometheus text, only with `Authorization: Bearer <METRICS_TOKEN>`; 401 without
 *   it, 404 when no token is configured. Never the app's HTML.
 */
import { timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import { sql } from "kysely";
import type { AppDeps, AppEnv } from "../http/context";
import { problem } from "../http/problems";
import { isDraining } from "./lifecycle";
import { metrics } from "./metrics";

const CHECK_TIMEOUT_MS = 3_000;

async function check(what: () => Promise<unknown>): Promise<{ ok: true } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      what(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!m?.[1]) return false;
  const given = Buffer.from(m[1]);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function mountOps(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get("/healthz", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" });
  });

  app.get("/readyz", async (c) => {
    const [database, evidence] = await Promise.all([
      check(() => sql`select 1`.execute(deps.db)),
      check(() => deps.evidence.ready()),
    ]);
    const draining = isDraining();
    const ready = database.ok && evidence.ok && !draining;
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        status: ready ? "ready" : "not_ready",
        ...(draining ? { draining: true } : {}),
        checks: { database, evidence: { ...evidence, store: deps.evidence.description } },
      },
      ready ? 200 : 503,
    );
  });

  app.get("/metrics", (c) => {
    const token = deps.config.metricsToken;
    if (token === null) throw problem("not_found");
    if (!tokenMatches(c.req.header("authorization"), token)) {
      throw problem("unauthenticated", undefined, {
        headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
      });
    }
    c.header("Cache-Control", "no-store");
    return c.body(metrics.render(), 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
  });
}
