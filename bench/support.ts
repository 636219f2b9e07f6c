// What every bench shares without touching a database: the result row each bench returns (and
// bench/run.ts tabulates) and the repository root the benches read their inputs from.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One measured figure; `target` is a number in `unit` or, where that reads badly, a text like "≤ 15 s". */
export interface BenchResult<Target extends number | string = number> {
  name: string;
  value: number;
  unit: string;
  target?: Target;
}

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
