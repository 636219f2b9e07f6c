import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths";

/** The fields of a shipped instrument (assets/instrument) that the e2e tests name on screen. */
export interface ShippedInstrument {
  id: string;
  version: number;
  title: { id: string };
}

/** A shipped instrument's JSON as the admin uploads it; `T` adds the parts a test reads further. */
export function shippedInstrument<T extends object = ShippedInstrument>(file: string): ShippedInstrument & T {
  return JSON.parse(readFileSync(join(ROOT, "assets", "instrument", file), "utf8")) as ShippedInstrument & T;
}
