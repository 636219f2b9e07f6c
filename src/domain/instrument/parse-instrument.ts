// parseInstrument: the one gate an instrument file passes before anything scores with it.
// Contract: never throws, whatever the input (null, arrays, strings, deep garbage, cycles); reports
// every problem it finds with a JSON path. Unknown fields are errors, not ignored: a misspelt
// `noteRequiredWhn` silently dropping a rule would be worse than a refused file.
import {
  checkKnownFields,
  childPath,
  describeType,
  ErrorSink,
  ID_PATTERN,
  ID_RULE,
  isRecord,
  type PathError,
  readArray,
  readCount,
  readFiniteNumber,
  readId,
  readLocalText,
  readOptionalString,
  readPositiveNumber,
  readRecord,
} from "../common/validate";
import { parseDimensions } from "./parse-dimensions";
import {
  type ChecklistScale,
  type Instrument,
  LEVEL_IDS,
  type LevelId,
  type LevelSpec,
  type OptionScale,
  type Scale,
  type ScaleOption,
} from "./types";

export type ParseInstrumentResult =
  | { readonly ok: true; readonly instrument: Instrument }
  | { readonly ok: false; readonly errors: readonly PathError[] };

const ROOT_FIELDS = ["id", "version", "title", "levels", "scales", "dimensions"];
const SCALE_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

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

function parseLevels(
  value: unknown,
  path: string,
  sink: ErrorSink,
): Partial<Record<LevelId, LevelSpec>> | null {
  const obj = readRecord(value, path, sink, "levels");
  if (obj === null) return null;
  const out: Partial<Record<LevelId, LevelSpec>> = {};
  let ok = true;
  for (const key of Object.keys(obj)) {
    const level = LEVEL_IDS.find((l) => l === key);
    const levelPath = childPath(path, key);
    if (level === undefined) {
      sink.add(levelPath, `unknown level "${key}" (expected: ${LEVEL_IDS.join(", ")})`);
      ok = false;
      continue;
    }
    const spec = readRecord(obj[key], levelPath, sink, `level "${key}"`);
    if (spec === null) {
      ok = false;
      continue;
    }
    // The unit is always exactly one instance, so only the other levels take counts.
    checkKnownFields(spec, level === "unit" ? ["label"] : ["label", "min", "quota"], levelPath, sink);
    const label = readLocalText(spec.label, childPath(levelPath, "label"), sink, `level "${key}" label`);
    const parsed: { label: LevelSpec["label"]; min?: number; quota?: number } = label
      ? { label }
      : { label: { id: "" } };
    for (const field of ["min", "quota"] as const) {
      if (level === "unit" || spec[field] === undefined) continue;
      const n = readCount(spec[field], childPath(levelPath, field), sink, field);
      if (n === null) ok = false;
      else parsed[field] = n;
    }
    if (label === null) ok = false;
    out[level] = parsed;
  }
  return ok ? out : null;
}

function parseScales(value: unknown, path: string, sink: ErrorSink): Record<string, Scale> | null {
  const obj = readRecord(value, path, sink, "scales");
  if (obj === null) return null;
  // A null-prototype map: a scale named like an Object.prototype member must stay a plain key.
  const out: Record<string, Scale> = Object.create(null);
  let ok = true;
  for (const name of Object.keys(obj)) {
    const scalePath = childPath(path, name);
    if (!SCALE_NAME.test(name)) {
      sink.add(scalePath, `scale name "${name}" must start with a letter (letters, digits, '_', '.', '-')`);
      ok = false;
      continue;
    }
    const scale = parseScale(obj[name], scalePath, name, sink);
    if (scale === null) ok = false;
    else out[name] = scale;
  }
  return ok ? { ...out } : null;
}

function parseScale(value: unknown, path: string, name: string, sink: ErrorSink): Scale | null {
  const obj = readRecord(value, path, sink, `scale "${name}"`);
  if (obj === null) return null;
  const note = readOptionalString(obj.note, childPath(path, "note"), sink, "note");
  const kind = obj.kind;
  if (kind !== undefined && kind !== "options" && kind !== "checklist") {
    sink.add(
      childPath(path, "kind"),
      `scale kind must be "options" or "checklist", not ${describeType(kind)}`,
    );
    return null;
  }
  // A scale is a checklist when it says so, or when it is the conventional "checklist" without options.
  const isChecklist =
    kind === "checklist" || (kind === undefined && name === "checklist" && obj.options === undefined);
  if (isChecklist) {
    checkKnownFields(obj, ["kind", "note"], path, sink);
    const scale: ChecklistScale = note === undefined ? { kind: "checklist" } : { kind: "checklist", note };
    return scale;
  }
  checkKnownFields(obj, ["kind", "max", "options", "note"], path, sink);
  const max = readPositiveNumber(obj.max, childPath(path, "max"), sink, "scale max");
  const options = parseOptions(obj.options, childPath(path, "options"), sink, max);
  if (max === null || options === null) return null;
  const scale: OptionScale = { kind: "options", max, options, ...(note === undefined ? {} : { note }) };
  return scale;
}

function parseOptions(
  value: unknown,
  path: string,
  sink: ErrorSink,
  max: number | null,
): ScaleOption[] | null {
  const list = readArray(value, path, sink, 'options (or kind "checklist")');
  if (list === null) return null;
  if (list.length === 0) {
    sink.add(path, "a scale needs at least one option");
    return null;
  }
  const coded = list.some((o) => isRecord(o) && o.code !== undefined);
  const out: ScaleOption[] = [];
  const seen = new Set<string | number>();
  list.forEach((item, i) => {
    const itemPath = childPath(path, i);
    const obj = readRecord(item, itemPath, sink, "an option");
    if (obj === null) return;
    checkKnownFields(obj, ["value", "code", "label"], itemPath, sink);
    const label = readLocalText(obj.label, childPath(itemPath, "label"), sink, "option label");
    let optionValue: number | null = null;
    let valueOk = true;
    if (obj.value === null && coded) optionValue = null;
    else {
      const n = readFiniteNumber(obj.value, childPath(itemPath, "value"), sink, "option value");
      if (n === null) valueOk = false;
      else if (n < 0 || (max !== null && n > max)) {
        sink.add(
          childPath(itemPath, "value"),
          `option value ${n} must be between 0 and the scale max ${max}`,
        );
        valueOk = false;
      } else optionValue = n;
    }
    let code: string | undefined;
    if (coded) {
      if (typeof obj.code !== "string" || !CODE_PATTERN.test(obj.code)) {
        sink.add(
          childPath(itemPath, "code"),
          `every option of a coded scale needs a code (letters, digits, '_', '-'), not ${describeType(obj.code)}`,
        );
        return;
      }
      code = obj.code;
    }
    const identity = code ?? optionValue ?? "";
    if (seen.has(identity)) {
      sink.add(itemPath, `option ${JSON.stringify(identity)} is listed twice`);
      return;
    }
    seen.add(identity);
    if (label === null || !valueOk) return;
    out.push(code === undefined ? { value: optionValue, label } : { value: optionValue, code, label });
  });
  if (out.length === list.length && out.every((o) => o.value === null)) {
    sink.add(path, "at least one option must have a numeric value");
    return null;
  }
  return out.length === list.length ? out : null;
}

// Re-exported for callers validating ids of their own (products, respondents).
export { ID_PATTERN, ID_RULE };
