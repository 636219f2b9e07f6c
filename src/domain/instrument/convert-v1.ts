// convertToV2: a format-1 instrument as a format-2 file (JSON), scoring identically (property-tested in
// convert-v1.test.ts): dimensions become top-level groups, variables their leaf groups, the official
// and user levels the roles "official" and "user" (quota per unit, on site), and each indicator's level
// its source. Answer keys do not change, so a period's existing checklists stay valid under the result.
import { copyLocalText } from "../common/validate";
import { indicator as indicatorJson, type JsonObject, level, scale, text } from "./serialise-instrument";
import { type Instrument, isFormat2, requiredCount, type WeightProvenance } from "./types";

function weightProvenance(value: string | undefined): WeightProvenance {
  return value === "sourced" ? "sourced" : "inferred";
}

export function convertToV2(instrument: Instrument): JsonObject {
  if (isFormat2(instrument)) throw new TypeError("convertToV2: the instrument is already format 2");
  const levels: JsonObject = {};
  for (const id of ["unit", "product"] as const) {
    const spec = instrument.levels[id];
    if (spec !== undefined) levels[id] = level(spec);
  }
  const roles: JsonObject[] = [];
  for (const kind of ["official", "user"] as const) {
    const spec = instrument.levels[kind];
    if (spec === undefined) continue;
    roles.push({
      id: kind,
      label: { ...copyLocalText(spec.label) },
      kind,
      quota: requiredCount(instrument, kind),
      scope: "unit",
      modes: ["on_site"],
    });
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
    roles,
    groups: instrument.dimensions.map((d) => {
      const dim: JsonObject = {
        id: d.id,
        name: text(d.name),
        weight: d.weight,
        weightProvenance: weightProvenance(d.weightProvenance ?? d.provenance),
      };
      if (d.provenance !== undefined) dim.provenance = d.provenance;
      dim.groups = d.variables.map((v) => {
        const group: JsonObject = {
          id: v.id,
          name: text(v.name),
          weight: v.weight,
          weightProvenance: weightProvenance(v.weightProvenance ?? v.provenance),
        };
        if (v.provenance !== undefined) group.provenance = v.provenance;
        if (v.method !== undefined) group.method = v.method;
        group.indicators = v.indicators.map((ind) => {
          const { level: lvl, media, ...rest } = indicatorJson(ind);
          const source: JsonObject =
            lvl === "official" || lvl === "user"
              ? { kind: "interview", role: lvl }
              : { kind: "observation", per: lvl === "product" ? "product" : "unit" };
          if (media !== undefined) source.media = media;
          // Format 1 splits indicator weights equally where nothing is published: inferred.
          return { ...rest, weightProvenance: "inferred", source };
        });
        return group;
      });
      return dim;
    }),
  };
}
