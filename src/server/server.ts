/** Runs the Hono app over node:http and shuts it down cleanly (server first, then the database). */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Db } from "./db/connection";
import { createApp } from "./http/app";
import type { Logger } from "./http/context";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(opts: {
  db: Db;
  config: Config;
  clock?: Clock;
  log?: Logger;
}): Promise<RunningServer> {
  const app = createApp(opts);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: opts.config.port, hostname: opts.config.host },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              // Keep-alive sockets would hold close() open; end them.
              if ("closeAllConnections" in server && typeof server.closeAllConnections === "function") {
                server.closeAllConnections();
              }
            }),
        });
      },
    );
    server.once("error", reject);
  });
}
