// parseBandingScheme: validates an admin-defined scheme. Never throws; errors carry JSON paths.
import {
  checkKnownFields,
  childPath,
  describeType,
  ErrorSink,
  isRecord,
  type PathError,
  readArray,
  readFiniteNumber,
  readId,
  readLocalText,
  readOptionalString,
  readRecord,
  readString,
} from "../common/validate";
import {
  type Band,
  type BandingScheme,
  QUALIFIER_RULES,
  type Qualifier,
  ZONE_COLOURS,
  type Zone,
} from "./types";

export type ParseBandingSchemeResult =
  | { readonly ok: true; readonly scheme: BandingScheme }
  | { readonly ok: false; readonly errors: readonly PathError[] };

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export function parseBandingScheme(json: unknown): ParseBandingSchemeResult {
  try {
    return parseScheme(json);
  } catch (error) {
    return { ok: false, errors: [{ path: "$", message: `unreadable banding scheme: ${String(error)}` }] };
  }
}

function parseScheme(json: unknown): ParseBandingSchemeResult {
  const sink = new ErrorSink();
  if (!isRecord(json)) {
    sink.add("$", `a banding scheme must be a JSON object, not ${describeType(json)}`);
    return { ok: false, errors: sink.result() };
  }
  checkKnownFields(json, ["id", "name", "bands", "qualifier", "provenance"], "$", sink);
  const id = readId(json.id, "$.id", sink, "scheme id");
  const name = readLocalText(json.name, "$.name", sink, "scheme name");
  const bands = parseBands(json.bands, "$.bands", sink);
  const qualifier =
    json.qualifier === undefined ? undefined : parseQualifier(json.qualifier, "$.qualifier", sink);
  const provenance = readOptionalString(json.provenance, "$.provenance", sink, "provenance");
  if (sink.count > 0 || id === null || name === null || bands === null || qualifier === null) {
    if (sink.count === 0) sink.add("$", "invalid banding scheme");
    return { ok: false, errors: sink.result() };
  }
  const zoned = bands.filter((b) => b.zone !== undefined).length;
  if (zoned !== 0 && zoned !== bands.length) {
    sink.add("$.bands", "either every band has a zone or none has");
    return { ok: false, errors: sink.result() };
  }
  return {
    ok: true,
    scheme: {
      id,
      name,
      bands,
      ...(qualifier === undefined ? {} : { qualifier }),
      ...(provenance === undefined ? {} : { provenance }),
    },
  };
}

function parseBands(value: unknown, path: string, sink: ErrorSink): Band[] | null {
  const list = readArray(value, path, sink, "bands");
  if (list === null) return null;
  if (list.length === 0) {
    sink.add(path, "a scheme needs at least one band");
    return null;
  }
  const bands: Band[] = [];
  const categories = new Set<string>();
  const mins = new Map<number, number>();
  list.forEach((item, i) => {
    const band = parseBand(item, childPath(path, i), sink);
    if (band === null) return;
    if (categories.has(band.category))
      sink.add(childPath(childPath(path, i), "category"), `category "${band.category}" is used twice`);
    categories.add(band.category);
    const twin = mins.get(band.min);
    if (twin !== undefined)
      sink.add(childPath(childPath(path, i), "min"), `min ${band.min} is also the min of band ${twin}`);
    mins.set(band.min, i);
    bands.push(band);
  });
  if (bands.length !== list.length) return null;
  // Listed as published: from the best band down. Checked pairwise so the message names the pair.
  for (let i = 1; i < bands.length; i++) {
    const prev = bands[i - 1];
    const cur = bands[i];
    if (prev !== undefined && cur !== undefined && cur.min > prev.min) {
      sink.add(
        childPath(childPath(path, i), "min"),
        `bands must be ordered from the highest min to the lowest: ${cur.min} comes after ${prev.min}`,
      );
    }
  }
  const lowest = Math.min(...bands.map((b) => b.min));
  if (lowest !== 0)
    sink.add(path, `the lowest band must start at 0 (so every score has a band), not ${lowest}`);
  return bands;
}

function parseBand(value: unknown, path: string, sink: ErrorSink): Band | null {
  const obj = readRecord(value, path, sink, "a band");
  if (obj === null) return null;
  checkKnownFields(obj, ["category", "min", "label", "zone", "unitLabel", "provenance"], path, sink);
  const category = readString(obj.category, childPath(path, "category"), sink, "band category");
  let min = readFiniteNumber(obj.min, childPath(path, "min"), sink, "band min");
  if (min !== null && (min < 0 || min > 100)) {
    sink.add(childPath(path, "min"), `band min must be within 0–100, not ${min}`);
    min = null;
  }
  const label = readLocalText(obj.label, childPath(path, "label"), sink, "band label");
  const zone = obj.zone === undefined ? undefined : parseZone(obj.zone, childPath(path, "zone"), sink);
  const unitLabel =
    obj.unitLabel === undefined
      ? undefined
      : readLocalText(obj.unitLabel, childPath(path, "unitLabel"), sink, "unit label");
  const provenance = readOptionalString(obj.provenance, childPath(path, "provenance"), sink, "provenance");
  if (category === null || min === null || label === null || zone === null || unitLabel === null) return null;
  return {
    category,
    min,
    label,
    ...(zone === undefined ? {} : { zone }),
    ...(unitLabel === undefined ? {} : { unitLabel }),
    ...(provenance === undefined ? {} : { provenance }),
  };
}

function parseQualifier(value: unknown, path: string, sink: ErrorSink): Qualifier | null {
  const obj = readRecord(value, path, sink, "qualifier");
  if (obj === null) return null;
  checkKnownFields(obj, ["label", "rule"], path, sink);
  const label = readLocalText(obj.label, childPath(path, "label"), sink, "qualifier label");
  const rule = QUALIFIER_RULES.find((r) => r === obj.rule);
  if (rule === undefined)
    sink.add(
      childPath(path, "rule"),
      `qualifier rule must be one of ${QUALIFIER_RULES.join(", ")}, not ${describeType(obj.rule)}`,
    );
  return label === null || rule === undefined ? null : { label, rule };
}

function parseZone(value: unknown, path: string, sink: ErrorSink): Zone | null {
  const obj = readRecord(value, path, sink, "zone");
  if (obj === null) return null;
  checkKnownFields(obj, ["label", "colour"], path, sink);
  const label = readLocalText(obj.label, childPath(path, "label"), sink, "zone label");
  const colour = obj.colour;
  const colourOk =
    typeof colour === "string" && (HEX_COLOUR.test(colour) || ZONE_COLOURS.some((c) => c === colour));
  if (!colourOk) {
    sink.add(
      childPath(path, "colour"),
      `zone colour must be ${ZONE_COLOURS.join(", ")} or a #rrggbb hex colour, not ${describeType(colour)}`,
    );
  }
  if (label === null || !colourOk || typeof colour !== "string") return null;
  return { label, colour };
}
