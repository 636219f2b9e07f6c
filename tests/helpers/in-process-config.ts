import { join } from "node:path";
import { type Config, DEFAULT_LIMITS } from "../../src/server/config";

/**
 * The Config of an app a test calls in-process (createApp, no listening socket) over its own
 * `dataDir`: evidence on disk, the default limits, no demo, metrics token or trusted proxy.
 */
export function inProcessConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    databaseUrl: null,
    dataDir,
    staticDir: join(dataDir, "static"),
    demoPassword: null,
    evidence: { kind: "fs" },
    metricsToken: null,
    trustProxy: false,
    limits: { ...DEFAULT_LIMITS },
    ...overrides,
  };
}
