// What every bench shares without touching a database: the result row each bench returns (and
// bench/run.ts tabulates) and the repository root the benches read their inputs from.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** One measured figure; `target` is a number in `unit` or, where that reads badly, a text like "≤ 15 s". */
export interface BenchResult<Target extends number | string = number> {
  name: string;
  value: number;
  unit: string;
  target?: Target;
}

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The nearest-rank q-quantile of ascending samples (NaN for none). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Bundles a bench page module (bench/NAME) into one minified browser script to evaluate in Chromium. */
export async function bundlePageScript(file: string): Promise<string> {
  const bundle = await build({
    entryPoints: [join(root, "bench", file)],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    minify: true,
    keepNames: true, // readable CPU profiles (PATUH_BENCH_PROFILE)
  });
  return bundle.outputFiles[0]?.text ?? "";
}
