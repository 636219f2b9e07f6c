/**
 * Runs the Hono app over node:http and shuts it down cleanly (server first, then the database).
 * Timeouts are set so a slow or idle client cannot hold a socket forever (slowloris), and close()
 * can drain: stop accepting, let requests in flight finish within a grace period, then cut.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Db } from "./db/connection";
import type { BlobStore } from "./evidence/blob-store";
import { createApp } from "./http/app";
import type { Logger } from "./http/context";
import { metrics } from "./ops/metrics";
import type { RequestLogLine } from "./ops/observability";

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops accepting connections; with `graceMs` > 0 waits (at most that long) for requests in
   * flight to finish before cutting the remaining connections.
   */
  close(graceMs?: number): Promise<void>;
}

/** Whole request (headers + body) must arrive within this; evidence uploads on 2G included. */
export const REQUEST_TIMEOUT_MS = 5 * 60 * 1000;
/** Request headers must arrive within this. */
export const HEADERS_TIMEOUT_MS = 30 * 1000;
/** Longer than the proxy's idle timeout, so the proxy (not us) closes idle keep-alive sockets. */
export const KEEP_ALIVE_TIMEOUT_MS = 65 * 1000;

export async function startHttpServer(opts: {
  db: Db;
  config: Config;
  clock?: Clock;
  log?: Logger;
  evidence?: BlobStore;
  requestLog?: (line: RequestLogLine) => void;
}): Promise<RunningServer> {
  const app = createApp(opts);
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: opts.config.port,
        hostname: opts.config.host,
        serverOptions: {
          requestTimeout: REQUEST_TIMEOUT_MS,
          headersTimeout: HEADERS_TIMEOUT_MS,
          keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
        },
      },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: async (graceMs = 0) => {
            const closed = new Promise<void>((done) => server.close(() => done()));
            const http = server as Partial<Server>;
            // Idle keep-alive sockets would hold close() open; busy ones finish their request.
            http.closeIdleConnections?.();
            const deadline = Date.now() + graceMs;
            while (metrics.requestsInFlight() > 0 && Date.now() < deadline) {
              await new Promise((r) => setTimeout(r, 50));
              http.closeIdleConnections?.();
            }
            http.closeAllConnections?.();
            await closed;
          },
        });
      },
    );
    server.once("error", reject);
  });
}
