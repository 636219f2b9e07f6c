// Makes sure the app the e2e tests drive is built from the current sources. `npm test` builds
// before e2e; a local `npx vitest run --project e2e` after an edit would otherwise test stale files.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DIST_CLIENT, ROOT } from "./paths";

const INPUTS = ["index.html", "vite.config.ts", "public", "service-worker", "src/client", "src/domain"];

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

function viteBuild(env: Record<string, string>, extraArgs: string[]): void {
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn", ...extraArgs], {
    cwd: ROOT,
    // Vitest sets NODE_ENV=test, which would make Vite emit a development build (no service worker).
    env: { ...process.env, NODE_ENV: "production", ...env },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Builds dist/client when it is missing or older than its sources. */
export function ensureClientBuilt(): void {
  const built = join(DIST_CLIENT, "index.html");
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...INPUTS.map((p) => newestMtimeMs(join(ROOT, p))));
  if (builtAt > sourcesAt && existsSync(join(DIST_CLIENT, "sw.js"))) return;
  viteBuild({}, []);
}

/** A second, different build (another build id → other content hashes) in outDir. */
export function buildCopy(outDir: string, buildId: string): void {
  viteBuild({ PATUH_BUILD_ID: buildId }, ["--outDir", outDir, "--emptyOutDir"]);
}
