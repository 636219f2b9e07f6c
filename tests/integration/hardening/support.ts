// Shared bits of the hardening tests.
import { join } from "node:path";
import { type Config, DEFAULT_LIMITS } from "../../../src/server/config";
import type { World } from "../sync/world";

export function worldConfig(w: World, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    databaseUrl: null,
    dataDir: w.dataDir,
    staticDir: join(w.dataDir, "static"),
    demoPassword: null,
    trustProxy: false,
    limits: { ...DEFAULT_LIMITS },
    evidence: { kind: "fs" },
    metricsToken: null,
    ...overrides,
  };
}
