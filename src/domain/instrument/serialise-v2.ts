// serialiseV2: a format-2 instrument back to its file shape (the tree, roles, sources); the derived
// format-1 projection and the role-derived levels are not written. Invariant, tested:
// parseInstrument(serialiseInstrument(i)) gives back i, and the shipped file serialises to itself.
import { indicator as indicatorV1, type JsonObject, level, scale, text } from "./serialise-instrument";
import type { Group, Indicator, Instrument, RespondentRole } from "./types";

function role(r: RespondentRole): JsonObject {
  const out: JsonObject = {
    id: r.id,
    label: text(r.label),
    kind: r.kind,
    quota: r.quota,
    scope: r.scope,
  };
  if (r.minPerUnit !== undefined) out.minPerUnit = r.minPerUnit;
  out.modes = [...r.modes];
  if (r.provenance !== undefined) out.provenance = r.provenance;
  return out;
}

function indicator(ind: Indicator): JsonObject {
  const { level: _level, media: _media, ...v1 } = indicatorV1(ind);
  const out: JsonObject = {
    id: ind.id,
    question: v1.question ?? null,
    answer: ind.answer,
    evidence: ind.evidence,
    weight: ind.weight,
    weightProvenance: ind.weightProvenance ?? "inferred",
  };
  if (ind.provenance !== undefined) out.provenance = ind.provenance;
  const src = ind.source;
  if (src === undefined || src.kind === "observation" || src.kind === "document") {
    const source: JsonObject = { kind: src?.kind ?? "observation", per: src?.per ?? "unit" };
    if (ind.media !== undefined) source.media = [...ind.media];
    out.source = source;
  } else if (src.kind === "interview") out.source = { kind: "interview", role: src.role };
  else out.source = { kind: "secondary", providers: [...src.providers] };
  if (v1.subitems !== undefined) out.subitems = v1.subitems;
  if (v1.noteRequiredWhen !== undefined) out.noteRequiredWhen = v1.noteRequiredWhen;
  return out;
}

function group(g: Group): JsonObject {
  const out: JsonObject = {
    id: g.id,
    name: text(g.name),
    weight: g.weight,
    weightProvenance: g.weightProvenance,
  };
  if (g.provenance !== undefined) out.provenance = g.provenance;
  if (g.method !== undefined) out.method = g.method;
  if (g.ifEmpty !== "skip") out.ifEmpty = g.ifEmpty;
  if (g.groups !== undefined) out.groups = g.groups.map(group);
  if (g.indicators !== undefined) out.indicators = g.indicators.map(indicator);
  return out;
}

export function serialiseV2(
  instrument: Instrument & { readonly groups: readonly Group[]; readonly roles: readonly RespondentRole[] },
): JsonObject {
  const levels: JsonObject = {};
  for (const id of ["unit", "product"] as const) {
    const spec = instrument.levels[id];
    if (spec !== undefined) levels[id] = level(spec);
  }
  const scales: JsonObject = {};
  for (const [name, s] of Object.entries(instrument.scales)) scales[name] = scale(name, s);
  return {
    format: 2,
    id: instrument.id,
    version: instrument.version,
    title: text(instrument.title),
    levels,
    scales,
    roles: instrument.roles.map(role),
    groups: instrument.groups.map(group),
  };
}
