// One place that sets up what every e2e file needs: a built client, a scratch directory, a server.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureClientBuilt } from "./build";
import { DIST_CLIENT, TMP_ROOT } from "./paths";
import { type RunningServer, startServer } from "./server";

export interface E2eFixture {
  /** Scratch directory of this test file (data dirs, profiles, extra builds). */
  dir: string;
  dataDir: string;
  server: RunningServer;
  profileDir(name: string): string;
  cleanup(): Promise<void>;
}

export interface E2eSetUpOptions {
  /** Start from an empty database (no --demo). */
  demo?: boolean;
  /** Runs against the data dir before the server starts (e.g. `patuh user add` for the first admin). */
  beforeStart?: (dataDir: string) => void;
}

export async function setUpE2e(name: string, options: E2eSetUpOptions = {}): Promise<E2eFixture> {
  ensureClientBuilt();
  mkdirSync(TMP_ROOT, { recursive: true });
  const dir = mkdtempSync(join(TMP_ROOT, `${name}-`));
  const dataDir = join(dir, "data");
  mkdirSync(dataDir);
  options.beforeStart?.(dataDir);
  const fixture: E2eFixture = {
    dir,
    dataDir,
    server: await startServer({ dataDir, staticDir: DIST_CLIENT, demo: options.demo ?? true }),
    profileDir: (profile) => {
      const path = join(dir, `profile-${profile}`);
      mkdirSync(path, { recursive: true });
      return path;
    },
    cleanup: async () => {
      await fixture.server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}
