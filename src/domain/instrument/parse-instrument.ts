// parseInstrument: the one gate an instrument file passes before anything scores with it.
// Contract: never throws, whatever the input (null, arrays, strings, deep garbage, cycles); reports
// every problem it finds with a JSON path. Unknown fields are errors, not ignored: a misspelt
// `noteRequiredWhn` silently dropping a rule would be worse than a refused file.
import {
  checkKnownFields,
  describeType,
  ErrorSink,
  ID_PATTERN,
  ID_RULE,
  isRecord,
  type PathError,
  readId,
  readLocalText,
} from "../common/validate";
import { parseDimensions } from "./parse-dimensions";
import { parseLevels, parseScales } from "./parse-parts";
import { parseRootV2 } from "./parse-v2";
import { type Instrument, LEVEL_IDS, type LevelId } from "./types";

export type ParseInstrumentResult =
  | { readonly ok: true; readonly instrument: Instrument }
  | { readonly ok: false; readonly errors: readonly PathError[] };

const ROOT_FIELDS = ["id", "version", "title", "levels", "scales", "dimensions"];

export function parseInstrument(json: unknown): ParseInstrumentResult {
  try {
    return parseRoot(json);
  } catch (error) {
    // Only reachable with hostile objects (throwing getters, proxies); JSON input never gets here.
    return { ok: false, errors: [{ path: "$", message: `unreadable instrument: ${String(error)}` }] };
  }
}

function parseRoot(json: unknown): ParseInstrumentResult {
  const sink = new ErrorSink();
  if (!isRecord(json)) {
    sink.add("$", `an instrument must be a JSON object, not ${describeType(json)}`);
    return { ok: false, errors: sink.result() };
  }
  if (json.format !== undefined) {
    if (json.format === 2) {
      const v2 = parseRootV2(json);
      return v2.ok ? { ok: true, instrument: deepFreeze(v2.instrument) } : v2;
    }
    sink.add(
      "$.format",
      `format must be 2 (or left out for a format-1 file), not ${describeType(json.format)}`,
    );
    return { ok: false, errors: sink.result() };
  }
  checkKnownFields(json, ROOT_FIELDS, "$", sink);
  const id = readId(json.id, "$.id", sink, "instrument id");
  let version: number | null = null;
  if (typeof json.version === "number" && Number.isInteger(json.version) && json.version >= 1) {
    version = json.version;
  } else {
    sink.add(
      "$.version",
      json.version === undefined
        ? "version is missing"
        : `version must be a whole number ≥ 1, not ${describeType(json.version)}`,
    );
  }
  const title = readLocalText(json.title, "$.title", sink, "instrument title");
  const levels = parseLevels(json.levels, "$.levels", sink);
  const scales = parseScales(json.scales, "$.scales", sink);
  const dimensions = parseDimensions(json.dimensions, "$.dimensions", {
    sink,
    scales,
    definedLevels: new Set(levels === null ? LEVEL_IDS : (Object.keys(levels) as LevelId[])),
    seenIds: new Map(),
  });
  if (
    sink.count > 0 ||
    id === null ||
    version === null ||
    title === null ||
    levels === null ||
    scales === null ||
    dimensions === null
  ) {
    if (sink.count === 0) sink.add("$", "invalid instrument");
    return { ok: false, errors: sink.result() };
  }
  // Frozen: instruments are values, and the per-instrument index cache relies on that.
  return { ok: true, instrument: deepFreeze({ id, version, title, levels, scales, dimensions }) };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// Re-exported for callers validating ids of their own (products, respondents).
export { ID_PATTERN, ID_RULE };
