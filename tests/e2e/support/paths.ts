import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const DIST_CLIENT = join(ROOT, "dist", "client");
export const RESULTS_DIR = join(ROOT, "test-results");
/** Scratch space for builds, data dirs and browser profiles; removed by each test file. */
export const TMP_ROOT = join(ROOT, ".tmp", "e2e");

export function resultPath(name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, name);
}
