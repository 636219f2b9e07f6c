/**
 * Finds the package root (the directory with Patuh's package.json) from this module's location, so
 * assets/ are found both from the TS source (src/server/…) and from the bundle (dist/server/main.js).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | null = null;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(pkg, "utf8"));
        if (typeof parsed === "object" && parsed !== null && "name" in parsed && parsed.name === "patuh") {
          cached = dir;
          return dir;
        }
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the Patuh package root (package.json named 'patuh')");
    dir = parent;
  }
}

export function assetPath(...parts: string[]): string {
  return join(packageRoot(), "assets", ...parts);
}
