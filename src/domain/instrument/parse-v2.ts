// parseRootV2: the format-2 instrument (methodology §7 design rules, docs/instrument-v2.md): a tree of
// weighted groups of any depth whose leaves are indicators, respondent roles, and a source on every
// indicator. Same contract as format 1: never throws, every problem with its JSON path, unknown
// fields refused. Indicators are checked by the format-1 indicator parser once their source has been
// turned into the level/media it implies, so both formats share one set of answer rules.
import {
  checkKnownFields,
  childPath,
  describeType,
  ErrorSink,
  isRecord,
  type JsonRecord,
  type PathError,
  readArray,
  readCount,
  readId,
  readLocalText,
  readOptionalString,
  readPositiveNumber,
  readRecord,
  readString,
} from "../common/validate";
import { readUniqueId, type TreeContext } from "./parse-context";
import { parseIndicator } from "./parse-indicator";
import { parseLevels, parseScales } from "./parse-parts";
import { projectDimensions } from "./project-tree";
import {
  type Group,
  INTERVIEW_MODES,
  type Indicator,
  type IndicatorSource,
  type Instrument,
  type InterviewMode,
  type LevelId,
  type LevelSpec,
  MEDIA_PARTS,
  type RespondentRole,
  ROLE_SCOPES,
  SOURCE_KINDS,
  WEIGHT_PROVENANCES,
  type WeightProvenance,
} from "./types";

type Result =
  | { readonly ok: true; readonly instrument: Instrument }
  | { readonly ok: false; readonly errors: readonly PathError[] };

const ROOT_FIELDS = ["format", "id", "version", "title", "levels", "scales", "roles", "groups"];
const ROLE_FIELDS = ["id", "label", "kind", "quota", "scope", "minPerUnit", "modes", "provenance"];
const GROUP_FIELDS = [
  "id",
  "name",
  "weight",
  "weightProvenance",
  "provenance",
  "method",
  "ifEmpty",
  "groups",
  "indicators",
];
const INDICATOR_FIELDS = [
  "id",
  "question",
  "answer",
  "evidence",
  "weight",
  "weightProvenance",
  "provenance",
  "source",
  "subitems",
  "noteRequiredWhen",
];
/** Deeper trees are refused: nobody writes them, and a bound keeps hostile input cheap. */
export const MAX_GROUP_DEPTH = 8;

interface V2Context extends TreeContext {
  readonly roles: ReadonlyMap<string, RespondentRole>;
  readonly hasProducts: boolean;
}

export function parseRootV2(json: JsonRecord): Result {
  const sink = new ErrorSink();
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
  const fileLevels = parseV2Levels(json.levels, sink);
  const scales = parseScales(json.scales, "$.scales", sink);
  const roles = parseRoles(json.roles, "$.roles", sink);
  const roleMap = new Map((roles ?? []).map((r) => [r.id, r]));
  const definedLevels = new Set<LevelId>(["unit", "official", "user"]);
  if (fileLevels?.product !== undefined) definedLevels.add("product");
  const ctx: V2Context = {
    sink,
    scales,
    definedLevels,
    seenIds: new Map(),
    roles: roleMap,
    hasProducts: fileLevels?.product !== undefined,
  };
  const groups = parseGroups(json.groups, "$.groups", ctx, 1);
  if (
    sink.count > 0 ||
    id === null ||
    version === null ||
    title === null ||
    fileLevels === null ||
    scales === null ||
    roles === null ||
    groups === null
  ) {
    if (sink.count === 0) sink.add("$", "invalid instrument");
    return { ok: false, errors: sink.result() };
  }
  const levels = { ...fileLevels, ...roleLevels(roles) };
  const instrument: Instrument = {
    id,
    version,
    title,
    levels,
    scales,
    dimensions: projectDimensions(groups),
    format: 2,
    groups,
    roles,
  };
  return { ok: true, instrument };
}

/** Format 2 files define only `unit` and `product`: respondents are described by roles. */
function parseV2Levels(value: unknown, sink: ErrorSink): Partial<Record<LevelId, LevelSpec>> | null {
  const obj = readRecord(value, "$.levels", sink, "levels");
  if (obj === null) return null;
  let ok = true;
  for (const key of ["official", "user"]) {
    if (Object.hasOwn(obj, key)) {
      sink.add(
        childPath("$.levels", key),
        `format 2 describes respondents in $.roles, not in $.levels.${key}`,
      );
      ok = false;
    }
  }
  if (!Object.hasOwn(obj, "unit")) {
    sink.add("$.levels.unit", "level unit is missing (its label names the service unit)");
    ok = false;
  }
  const levels = parseLevels(obj, "$.levels", sink);
  return ok ? levels : null;
}

/** The official/user levels format-1 screens read: label of the first role, quota per unit. */
function roleLevels(roles: readonly RespondentRole[]): Partial<Record<LevelId, LevelSpec>> {
  const out: Partial<Record<LevelId, LevelSpec>> = {};
  for (const kind of ["official", "user"] as const) {
    const ofKind = roles.filter((r) => r.kind === kind);
    const first = ofKind[0];
    if (first === undefined) continue;
    const quota = ofKind.reduce((n, r) => n + (r.scope === "unit" ? r.quota : (r.minPerUnit ?? 1)), 0);
    out[kind] = { label: first.label, quota };
  }
  return out;
}

function parseRoles(value: unknown, path: string, sink: ErrorSink): RespondentRole[] | null {
  if (value === undefined) return [];
  const list = readArray(value, path, sink, "roles");
  if (list === null) return null;
  const out: RespondentRole[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const rolePath = childPath(path, i);
    const obj = readRecord(item, rolePath, sink, "a respondent role");
    if (obj === null) return;
    checkKnownFields(obj, ROLE_FIELDS, rolePath, sink);
    const id = readId(obj.id, childPath(rolePath, "id"), sink, "role id");
    if (id !== null && seen.has(id)) sink.add(childPath(rolePath, "id"), `role "${id}" is defined twice`);
    if (id !== null) seen.add(id);
    const label = readLocalText(obj.label, childPath(rolePath, "label"), sink, "role label");
    const kind = obj.kind === "official" || obj.kind === "user" ? obj.kind : null;
    if (kind === null)
      sink.add(
        childPath(rolePath, "kind"),
        `role kind must be "official" or "user", not ${describeType(obj.kind)}`,
      );
    const quota = readCount(obj.quota, childPath(rolePath, "quota"), sink, "quota");
    const scope = ROLE_SCOPES.find((s) => s === obj.scope) ?? null;
    if (scope === null)
      sink.add(
        childPath(rolePath, "scope"),
        `scope must be "unit" or "locus", not ${describeType(obj.scope)}`,
      );
    let minPerUnit: number | undefined;
    if (obj.minPerUnit !== undefined) {
      const n = readCount(obj.minPerUnit, childPath(rolePath, "minPerUnit"), sink, "minPerUnit");
      if (n !== null && scope !== "locus")
        sink.add(childPath(rolePath, "minPerUnit"), "minPerUnit only applies to a role with scope locus");
      if (n !== null) minPerUnit = n;
    }
    const modes = parseModes(obj.modes, childPath(rolePath, "modes"), sink);
    const provenance = readOptionalString(
      obj.provenance,
      childPath(rolePath, "provenance"),
      sink,
      "provenance",
    );
    if (id === null || label === null || kind === null || quota === null || scope === null || modes === null)
      return;
    out.push({
      id,
      label,
      kind,
      quota,
      scope,
      ...(minPerUnit === undefined ? {} : { minPerUnit }),
      modes,
      ...(provenance === undefined ? {} : { provenance }),
    });
  });
  return out.length === list.length ? out : null;
}

function parseModes(value: unknown, path: string, sink: ErrorSink): InterviewMode[] | null {
  if (value === undefined) return ["on_site"];
  const list = readArray(value, path, sink, "modes");
  if (list === null) return null;
  const out: InterviewMode[] = [];
  list.forEach((item, i) => {
    const mode = INTERVIEW_MODES.find((m) => m === item);
    if (mode === undefined)
      sink.add(childPath(path, i), `mode must be "on_site" or "phone", not ${describeType(item)}`);
    else if (out.includes(mode)) sink.add(childPath(path, i), `mode "${mode}" is listed twice`);
    else out.push(mode);
  });
  if (list.length === 0) sink.add(path, "modes must list at least one of on_site, phone (or be left out)");
  return out.length === list.length && out.length > 0 ? out : null;
}

function readWeightProvenance(value: unknown, path: string, sink: ErrorSink): WeightProvenance | null {
  const p = WEIGHT_PROVENANCES.find((w) => w === value);
  if (p !== undefined) return p;
  sink.add(
    path,
    value === undefined
      ? 'weightProvenance is missing: every weight says whether it is "sourced" or "inferred"'
      : `weightProvenance must be "sourced" or "inferred", not ${describeType(value)}`,
  );
  return null;
}

function parseGroups(value: unknown, path: string, ctx: V2Context, depth: number): Group[] | null {
  const list = readArray(value, path, ctx.sink, "groups");
  if (list === null) return null;
  if (list.length === 0) {
    ctx.sink.add(path, "groups must not be empty");
    return null;
  }
  if (depth > MAX_GROUP_DEPTH) {
    ctx.sink.add(path, `groups may nest at most ${MAX_GROUP_DEPTH} deep`);
    return null;
  }
  const out: Group[] = [];
  list.forEach((item, i) => {
    const group = parseGroup(item, childPath(path, i), ctx, depth);
    if (group !== null) out.push(group);
  });
  // Judged on the raw weights, so an error deeper inside a group does not hide a wrong sum; only
  // when every weight is a positive number (a bad weight is reported on its own).
  const weights = list.map((item) => (isRecord(item) ? item.weight : undefined));
  if (depth === 1 && weights.every((w) => typeof w === "number" && Number.isFinite(w) && w > 0)) {
    const sum = weights.reduce((n: number, w) => n + Number(w), 0);
    if (Math.abs(sum - 100) > 0.001)
      ctx.sink.add(
        path,
        `top-level group weights must sum to 100, but they sum to ${Number(sum.toFixed(6))}`,
      );
  }
  return out.length === list.length ? out : null;
}

function parseGroup(value: unknown, path: string, ctx: V2Context, depth: number): Group | null {
  const { sink } = ctx;
  const obj = readRecord(value, path, sink, "a group");
  if (obj === null) return null;
  checkKnownFields(obj, GROUP_FIELDS, path, sink);
  const id = readUniqueId(obj.id, childPath(path, "id"), ctx, "group id");
  const name = readLocalText(obj.name, childPath(path, "name"), sink, "group name");
  const weight = readPositiveNumber(obj.weight, childPath(path, "weight"), sink, "group weight");
  const weightProvenance = readWeightProvenance(
    obj.weightProvenance,
    childPath(path, "weightProvenance"),
    sink,
  );
  const provenance = readOptionalString(obj.provenance, childPath(path, "provenance"), sink, "provenance");
  const method = readOptionalString(obj.method, childPath(path, "method"), sink, "method");
  let ifEmpty: "skip" | "zero" | null = "skip";
  if (obj.ifEmpty !== undefined) {
    ifEmpty = obj.ifEmpty === "skip" || obj.ifEmpty === "zero" ? obj.ifEmpty : null;
    if (ifEmpty === null)
      sink.add(
        childPath(path, "ifEmpty"),
        `ifEmpty must be "skip" or "zero", not ${describeType(obj.ifEmpty)}`,
      );
  }
  const hasGroups = obj.groups !== undefined;
  const hasIndicators = obj.indicators !== undefined;
  let groups: Group[] | null | undefined;
  let indicators: Indicator[] | null | undefined;
  if (hasGroups === hasIndicators) {
    sink.add(path, "a group holds either groups or indicators (exactly one of the two)");
  } else if (hasGroups) {
    groups = parseGroups(obj.groups, childPath(path, "groups"), ctx, depth + 1);
  } else {
    indicators = parseIndicatorsV2(obj.indicators, childPath(path, "indicators"), ctx);
  }
  if (
    id === null ||
    name === null ||
    weight === null ||
    weightProvenance === null ||
    ifEmpty === null ||
    groups === null ||
    indicators === null ||
    (groups === undefined && indicators === undefined)
  ) {
    return null;
  }
  return {
    id,
    name,
    weight,
    weightProvenance,
    ...(provenance === undefined ? {} : { provenance }),
    ...(method === undefined ? {} : { method }),
    ifEmpty,
    ...(groups === undefined ? {} : { groups }),
    ...(indicators === undefined ? {} : { indicators }),
  };
}

function parseIndicatorsV2(value: unknown, path: string, ctx: V2Context): Indicator[] | null {
  const list = readArray(value, path, ctx.sink, "indicators");
  if (list === null) return null;
  if (list.length === 0) {
    ctx.sink.add(path, "indicators must not be empty");
    return null;
  }
  const out: Indicator[] = [];
  list.forEach((item, i) => {
    const ind = parseIndicatorV2(item, childPath(path, i), ctx);
    if (ind !== null) out.push(ind);
  });
  return out.length === list.length ? out : null;
}

function parseIndicatorV2(value: unknown, path: string, ctx: V2Context): Indicator | null {
  const obj = readRecord(value, path, ctx.sink, "an indicator");
  if (obj === null) return null;
  checkKnownFields(obj, INDICATOR_FIELDS, path, ctx.sink);
  const source = parseSource(obj.source, childPath(path, "source"), ctx);
  const weightProvenance = readWeightProvenance(
    obj.weightProvenance,
    childPath(path, "weightProvenance"),
    ctx.sink,
  );
  // The format-1 parser checks everything else; it sees the level/media the source implies.
  const { source: _s, weightProvenance: _w, ...rest } = obj;
  const asV1: Record<string, unknown> = { ...rest, level: source?.level ?? "unit" };
  if (source?.media !== undefined) asV1.media = source.media;
  const parsed = parseIndicator(asV1, path, ctx);
  if (parsed === null || source === null || weightProvenance === null) return null;
  return { ...parsed, source: source.source, weightProvenance };
}

interface ParsedSource {
  readonly source: IndicatorSource;
  readonly level: LevelId;
  readonly media?: readonly string[];
}

function parseSource(value: unknown, path: string, ctx: V2Context): ParsedSource | null {
  const { sink } = ctx;
  const obj = readRecord(value, path, sink, "source");
  if (obj === null) return null;
  const kind = SOURCE_KINDS.find((k) => k === obj.kind);
  if (kind === undefined) {
    sink.add(
      childPath(path, "kind"),
      `source kind must be one of ${SOURCE_KINDS.join(", ")}, not ${describeType(obj.kind)}`,
    );
    return null;
  }
  if (kind === "observation" || kind === "document") {
    checkKnownFields(obj, kind === "observation" ? ["kind", "per", "media"] : ["kind", "per"], path, sink);
    const per = obj.per === undefined ? "unit" : obj.per;
    if (per !== "unit" && per !== "product") {
      sink.add(childPath(path, "per"), `per must be "unit" or "product", not ${describeType(per)}`);
      return null;
    }
    if (per === "product" && !ctx.hasProducts) {
      sink.add(childPath(path, "per"), 'per "product" needs $.levels.product (its label and minimum)');
      return null;
    }
    let media: readonly string[] | undefined;
    if (obj.media !== undefined) {
      // Checked in detail by the indicator parser (at path.media); only the shape matters here.
      const list = readArray(obj.media, childPath(path, "media"), sink, "media");
      if (list === null) return null;
      media = list.map((m) => (MEDIA_PARTS.some((p) => p === m) ? String(m) : `${String(m)}?`));
      if (
        list.some((m) => !MEDIA_PARTS.some((p) => p === m)) ||
        new Set(list).size !== list.length ||
        list.length === 0
      ) {
        sink.add(childPath(path, "media"), "media must list physical and/or electronic, each once");
        return null;
      }
    }
    return { source: { kind, per }, level: per, ...(media === undefined ? {} : { media }) };
  }
  if (kind === "interview") {
    checkKnownFields(obj, ["kind", "role"], path, sink);
    const roleId = readString(obj.role, childPath(path, "role"), sink, "role");
    if (roleId === null) return null;
    const role = ctx.roles.get(roleId);
    if (role === undefined) {
      const known = [...ctx.roles.keys()].join(", ") || "none";
      sink.add(childPath(path, "role"), `unknown role "${roleId}" (the instrument's roles are: ${known})`);
      return null;
    }
    return { source: { kind, role: roleId }, level: role.kind };
  }
  checkKnownFields(obj, ["kind", "providers"], path, sink);
  const list = readArray(obj.providers, childPath(path, "providers"), sink, 'providers (e.g. ["BPS"])');
  if (list === null) return null;
  const providers: string[] = [];
  list.forEach((p, i) => {
    const text = readString(p, childPath(childPath(path, "providers"), i), sink, "provider");
    if (text !== null) providers.push(text);
  });
  if (list.length === 0)
    sink.add(childPath(path, "providers"), "name at least one provider of the data (BPS, KemenPANRB…)");
  if (providers.length !== list.length || list.length === 0) return null;
  return { source: { kind, providers }, level: "unit" };
}
