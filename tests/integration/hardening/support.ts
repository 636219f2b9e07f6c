// Shared bits of the hardening tests.
import type { Config } from "../../../src/server/config";
import { inProcessConfig } from "../../helpers/in-process-config";
import type { World } from "../sync/world";

/** The config of a second app over the sync world's data dir (tests that need other limits). */
export function worldConfig(w: World, overrides: Partial<Config> = {}): Config {
  return inProcessConfig(w.dataDir, overrides);
}
