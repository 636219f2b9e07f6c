// Validation of the dimension → variable → indicator → sub-item tree of an instrument file.
// Ids share one namespace across all four kinds: indicator ids appear in answer keys and sub-item
// ids in checklist answers, so a clash anywhere would make an answer ambiguous.
import {
  checkKnownFields,
  childPath,
  readArray,
  readLocalText,
  readOptionalString,
  readPositiveNumber,
  readRecord,
} from "../common/validate";
import { parseList, readUniqueId, type TreeContext } from "./parse-context";
import { parseIndicator } from "./parse-indicator";
import type { Dimension, Variable } from "./types";

export type { TreeContext };

const DIMENSION_FIELDS = ["id", "name", "weight", "provenance", "weightProvenance", "variables"];
const VARIABLE_FIELDS = ["id", "name", "weight", "provenance", "weightProvenance", "method", "indicators"];

export function parseDimensions(value: unknown, path: string, ctx: TreeContext): Dimension[] | null {
  const list = readArray(value, path, ctx.sink, "dimensions");
  if (list === null) return null;
  if (list.length === 0) {
    ctx.sink.add(path, "an instrument needs at least one dimension");
    return null;
  }
  const out: Dimension[] = [];
  let weightSum = 0;
  let weightsKnown = true;
  list.forEach((item, i) => {
    const dim = parseDimension(item, childPath(path, i), ctx);
    if (dim === null) weightsKnown = false;
    else {
      out.push(dim);
      weightSum += dim.weight;
    }
  });
  // Only judge the sum when every weight could be read, or one bad weight would report twice.
  if (weightsKnown && Math.abs(weightSum - 100) > 0.001) {
    ctx.sink.add(path, `dimension weights must sum to 100, but they sum to ${Number(weightSum.toFixed(6))}`);
  }
  return out.length === list.length ? out : null;
}

function parseDimension(value: unknown, path: string, ctx: TreeContext): Dimension | null {
  const obj = readRecord(value, path, ctx.sink, "a dimension");
  if (obj === null) return null;
  checkKnownFields(obj, DIMENSION_FIELDS, path, ctx.sink);
  const id = readUniqueId(obj.id, childPath(path, "id"), ctx, "dimension id");
  const name = readLocalText(obj.name, childPath(path, "name"), ctx.sink, "dimension name");
  const weight = readPositiveNumber(obj.weight, childPath(path, "weight"), ctx.sink, "dimension weight");
  const provenance = readOptionalString(
    obj.provenance,
    childPath(path, "provenance"),
    ctx.sink,
    "provenance",
  );
  const weightProvenance = readOptionalString(
    obj.weightProvenance,
    childPath(path, "weightProvenance"),
    ctx.sink,
    "weightProvenance",
  );
  const variables = parseList(obj.variables, childPath(path, "variables"), ctx, "variables", parseVariable);
  if (id === null || name === null || weight === null || variables === null) return null;
  return {
    id,
    name,
    weight,
    ...(provenance === undefined ? {} : { provenance }),
    ...(weightProvenance === undefined ? {} : { weightProvenance }),
    variables,
  };
}

function parseVariable(value: unknown, path: string, ctx: TreeContext): Variable | null {
  const obj = readRecord(value, path, ctx.sink, "a variable");
  if (obj === null) return null;
  checkKnownFields(obj, VARIABLE_FIELDS, path, ctx.sink);
  const id = readUniqueId(obj.id, childPath(path, "id"), ctx, "variable id");
  const name = readLocalText(obj.name, childPath(path, "name"), ctx.sink, "variable name");
  const weight = readPositiveNumber(obj.weight, childPath(path, "weight"), ctx.sink, "variable weight");
  const meta: Record<string, string> = {};
  for (const field of ["provenance", "weightProvenance", "method"] as const) {
    const text = readOptionalString(obj[field], childPath(path, field), ctx.sink, field);
    if (text !== undefined) meta[field] = text;
  }
  const indicators = parseList(
    obj.indicators,
    childPath(path, "indicators"),
    ctx,
    "indicators",
    parseIndicator,
  );
  if (id === null || name === null || weight === null || indicators === null) return null;
  return { id, name, weight, ...meta, indicators };
}
