/**
 * Reads and checks the demo inputs (assets/demo/kalbar.json, the default instrument) at runtime.
 * Only the fields the seed uses are checked; a malformed asset fails loudly at seed time.
 */
import { readFileSync } from "node:fs";
import { assetPath } from "../package-root";

export interface DemoPemda {
  code: string;
  name: string;
  kind: string;
}
export interface DemoUnitKind {
  kind: string;
  name: string;
  products: string[];
}
export interface KalbarDemo {
  office: { id: string; name: string };
  pemda: DemoPemda[];
  unitKinds: DemoUnitKind[];
  knownUnits: Record<string, string[]>;
}

function fail(what: string): never {
  throw new Error(`assets/demo/kalbar.json: ${what}`);
}

function str(x: unknown, what: string): string {
  if (typeof x !== "string" || x === "") fail(`${what} must be a non-empty string`);
  return x;
}

function rec(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) fail(`${what} must be an object`);
  return x as Record<string, unknown>;
}

function arr(x: unknown, what: string): unknown[] {
  if (!Array.isArray(x)) fail(`${what} must be an array`);
  return x;
}

export function loadKalbarDemo(): KalbarDemo {
  const raw = rec(JSON.parse(readFileSync(assetPath("demo", "kalbar.json"), "utf8")), "root");
  const office = rec(raw.office, "office");
  const known = rec(raw.knownUnits ?? {}, "knownUnits");
  return {
    office: { id: str(office.id, "office.id"), name: str(office.name, "office.name") },
    pemda: arr(raw.pemda, "pemda").map((p, i) => {
      const r = rec(p, `pemda[${i}]`);
      return {
        code: str(r.code, "pemda.code"),
        name: str(r.name, "pemda.name"),
        kind: str(r.kind, "pemda.kind"),
      };
    }),
    unitKinds: arr(raw.unitKinds, "unitKinds").map((k, i) => {
      const r = rec(k, `unitKinds[${i}]`);
      return {
        kind: str(r.kind, "unitKinds.kind"),
        name: str(r.name, "unitKinds.name"),
        products: arr(r.products, "unitKinds.products").map((p) => str(p, "product")),
      };
    }),
    knownUnits: Object.fromEntries(
      Object.entries(known).map(([code, names]) => [
        code,
        arr(names, "knownUnits").map((n) => str(n, "unit")),
      ]),
    ),
  };
}

export const DEFAULT_INSTRUMENT_FILE = "ori-kepatuhan-2023.json";

export function loadDefaultInstrument(): { id: string; version: number; definition: unknown } {
  const definition: unknown = JSON.parse(
    readFileSync(assetPath("instrument", DEFAULT_INSTRUMENT_FILE), "utf8"),
  );
  const r = rec(definition, "instrument");
  if (typeof r.id !== "string" || typeof r.version !== "number") {
    throw new Error(`assets/instrument/${DEFAULT_INSTRUMENT_FILE}: id and version are required`);
  }
  return { id: r.id, version: r.version, definition };
}
