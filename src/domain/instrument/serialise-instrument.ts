// serialiseInstrument: the instrument back to its JSON file shape. Invariant, tested as a property:
// parseInstrument(serialiseInstrument(i)) gives back i; for the default file, serialising its parse
// gives back the file itself (key order aside).
import { copyLocalText } from "../common/validate";
import { serialiseV2 } from "./serialise-v2";
import { type Indicator, type Instrument, isFormat2, type LevelSpec, type Scale } from "./types";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function text(t: { readonly id: string; readonly en?: string }): JsonObject {
  return { ...copyLocalText(t) };
}

export function level(spec: LevelSpec): JsonObject {
  const out: JsonObject = { label: text(spec.label) };
  if (spec.min !== undefined) out.min = spec.min;
  if (spec.quota !== undefined) out.quota = spec.quota;
  return out;
}

export function scale(name: string, s: Scale): JsonObject {
  const out: JsonObject = {};
  if (s.kind === "checklist") {
    // The kind is implied by the conventional name; anything else must say it.
    if (name !== "checklist") out.kind = "checklist";
  } else {
    out.max = s.max;
    out.options = s.options.map((o) => {
      const option: JsonObject = { value: o.value };
      if (o.code !== undefined) option.code = o.code;
      option.label = text(o.label);
      return option;
    });
  }
  if (s.note !== undefined) out.note = s.note;
  return out;
}

export function indicator(ind: Indicator): JsonObject {
  const out: JsonObject = {
    id: ind.id,
    level: ind.level,
    question: text(ind.question),
    answer: ind.answer,
    evidence: ind.evidence,
    weight: ind.weight,
  };
  if (ind.provenance !== undefined) out.provenance = ind.provenance;
  if (ind.media !== undefined) out.media = [...ind.media];
  if (ind.subitems !== undefined)
    out.subitems = ind.subitems.map((s) => ({ id: s.id, label: text(s.label) }));
  if (ind.noteRequiredWhen !== undefined) {
    const [only] = ind.noteRequiredWhen;
    out.noteRequiredWhen =
      ind.noteRequiredWhen.length === 1 && only !== undefined ? only : [...ind.noteRequiredWhen];
  }
  return out;
}

export function serialiseInstrument(instrument: Instrument): JsonObject {
  if (isFormat2(instrument)) return serialiseV2(instrument);
  const levels: JsonObject = {};
  for (const [id, spec] of Object.entries(instrument.levels)) {
    if (spec !== undefined) levels[id] = level(spec);
  }
  const scales: JsonObject = {};
  for (const [name, s] of Object.entries(instrument.scales)) scales[name] = scale(name, s);
  return {
    id: instrument.id,
    version: instrument.version,
    title: text(instrument.title),
    levels,
    scales,
    dimensions: instrument.dimensions.map((d) => {
      const dim: JsonObject = { id: d.id, name: text(d.name), weight: d.weight };
      if (d.provenance !== undefined) dim.provenance = d.provenance;
      if (d.weightProvenance !== undefined) dim.weightProvenance = d.weightProvenance;
      dim.variables = d.variables.map((v) => {
        const variable: JsonObject = { id: v.id, name: text(v.name), weight: v.weight };
        if (v.provenance !== undefined) variable.provenance = v.provenance;
        if (v.weightProvenance !== undefined) variable.weightProvenance = v.weightProvenance;
        if (v.method !== undefined) variable.method = v.method;
        variable.indicators = v.indicators.map(indicator);
        return variable;
      });
      return dim;
    }),
  };
}
