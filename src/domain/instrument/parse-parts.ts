// Parts shared by both instrument formats: the `levels` and `scales` sections.
import {
  checkKnownFields,
  childPath,
  describeType,
  type ErrorSink,
  isRecord,
  readArray,
  readCount,
  readFiniteNumber,
  readLocalText,
  readOptionalString,
  readPositiveNumber,
  readRecord,
} from "../common/validate";
import {
  type ChecklistScale,
  LEVEL_IDS,
  type LevelId,
  type LevelSpec,
  type OptionScale,
  type Scale,
  type ScaleOption,
} from "./types";

const SCALE_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function parseLevels(
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

export function parseScales(value: unknown, path: string, sink: ErrorSink): Record<string, Scale> | null {
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
