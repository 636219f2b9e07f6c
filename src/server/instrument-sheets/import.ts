/**
 * Workbook (columns.ts) → instrument JSON, with every problem at its sheet, row and column.
 * Two passes: the sheets are read into the instrument's JSON shape, remembering which cell each
 * JSON path came from; then the domain's parseInstrument validates that JSON (weights, sums, roles,
 * duplicate ids, scales…) and each of its errors is reported at the cell its path came from. So
 * the spreadsheet and `patuh instrument check` apply exactly the same rules. Never throws for a bad
 * file; the JSON is returned only when there is no problem.
 */
import { type Instrument, parseInstrument } from "../../domain/index";
import type { JsonObject, JsonValue } from "../../domain/instrument/serialise-instrument";
import {
  type CellAddress,
  type CellValue,
  type ColumnSpec,
  cellAt,
  cellText,
  type MappedRow,
  type MappedSheet,
  mapSheet,
  pickSheet,
  type ReadResult,
  readSpreadsheet,
  type SheetProblem,
} from "../spreadsheet";
import {
  GROUP_COLUMNS,
  INDICATOR_COLUMNS,
  INSTRUMENT_COLUMNS,
  INSTRUMENT_KEY_ALIASES,
  LEVEL_COLUMNS,
  LIST_SEPARATOR,
  OPTION_COLUMNS,
  ROLE_COLUMNS,
  SHEETS,
  SUBITEM_COLUMNS,
} from "./columns";

export type InstrumentSheetsResult =
  | { ok: true; json: JsonObject; instrument: Instrument }
  | { ok: false; problems: SheetProblem[] };

type Obj = { [key: string]: JsonValue };

class Builder {
  readonly problems: SheetProblem[] = [];
  /** JSON path → the cell it came from. */
  readonly at = new Map<string, CellAddress>();

  constructor(readonly read: ReadResult) {}

  sheet<K extends string>(names: readonly string[], specs: readonly ColumnSpec<K>[], required: boolean) {
    const raw = pickSheet(this.read, names, false);
    if (raw === undefined) {
      if (required)
        this.problems.push({
          code: "header_missing",
          message: `The workbook has no sheet "${names[0]}".`,
          sheet: names[0] ?? "",
        });
      return undefined;
    }
    const mapped = mapSheet(raw, specs);
    // A sheet may legitimately be empty below its header (no roles in format 1, no subitems).
    this.problems.push(...mapped.problems.filter((p) => p.code !== "sheet_empty" || required));
    return mapped.problems.some((p) => p.code === "header_missing" || p.code === "header_duplicate")
      ? undefined
      : mapped;
  }

  problem<K extends string>(
    m: MappedSheet<K>,
    row: MappedRow<K>,
    key: K,
    message: string,
    code: SheetProblem["code"] = "invalid_value",
  ) {
    const at = cellAt(m, row, key);
    this.problems.push({ code, message: `${at.sheet}!${at.column}${at.row}: ${message}`, at });
  }

  mark<K extends string>(path: string, m: MappedSheet<K>, row: MappedRow<K>, key: K) {
    this.at.set(path, cellAt(m, row, key));
  }
}

const text = (v: CellValue) => cellText(v);
function num(v: CellValue): number | string | null {
  if (v === null) return null;
  if (typeof v === "number") return v;
  const t = String(v).trim();
  if (/^-?[0-9]+([.,][0-9]+)?$/.test(t)) return Number(t.replace(",", "."));
  return t;
}
function local(idText: string, enText: string): Obj {
  return enText === "" ? { id: idText } : { id: idText, en: enText };
}
function splitList(v: CellValue): string[] {
  return text(v)
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export async function importInstrumentXlsx(bytes: Uint8Array): Promise<InstrumentSheetsResult> {
  const read = await readSpreadsheet(bytes, { maxBytes: 10 * 1024 * 1024 });
  if (read.problems.length > 0 && read.sheets.length === 0) return { ok: false, problems: read.problems };
  const b = new Builder(read);
  // Formulas and error cells: reported with their cells, and the rest is still checked.
  b.problems.push(...read.problems);
  if (read.format === "csv") {
    b.problems.push({
      code: "file_type",
      message: "An instrument is a workbook of several sheets: upload the XLSX.",
    });
    return { ok: false, problems: b.problems };
  }
  const json: Obj = {};
  // Instrumen: key/value rows.
  const settings = b.sheet(SHEETS.instrument, INSTRUMENT_COLUMNS, true);
  let format = 2;
  const title: Obj = { id: "" };
  if (settings !== undefined) {
    for (const row of settings.rows) {
      const field =
        INSTRUMENT_KEY_ALIASES[
          text(row.values.key)
            .toLowerCase()
            .replace(/[\s_\-()]/g, "")
        ];
      const value = row.values.value;
      if (field === undefined) {
        b.problem(
          settings,
          row,
          "key",
          `Unknown key "${text(row.values.key)}" (format, id, versi, judul, judul_en).`,
        );
        continue;
      }
      if (field === "format") {
        format = num(value) === 1 ? 1 : 2;
        if (num(value) !== 1 && num(value) !== 2) b.problem(settings, row, "value", "The format is 1 or 2.");
      } else if (field === "version") {
        json.version = num(value);
        b.mark("$.version", settings, row, "value");
      } else if (field === "id") {
        json.id = text(value);
        b.mark("$.id", settings, row, "value");
      } else if (field === "title") {
        title.id = text(value);
        b.mark("$.title", settings, row, "value");
      } else if (text(value) !== "") title.en = text(value);
    }
  }
  json.title = title;
  const v2 = format === 2;
  // Tingkat (levels).
  const levels: Obj = {};
  const levelSheet = b.sheet(SHEETS.levels, LEVEL_COLUMNS, true);
  for (const row of levelSheet?.rows ?? []) {
    if (levelSheet === undefined) break;
    const level = text(row.values.id);
    const spec: Obj = { label: local(text(row.values.label), text(row.values.labelEn)) };
    const min = num(row.values.min);
    const quota = num(row.values.quota);
    if (min !== null) spec.min = min;
    if (quota !== null) spec.quota = quota;
    levels[level] = spec;
    b.mark(`$.levels.${level}`, levelSheet, row, "id");
    b.mark(`$.levels.${level}.min`, levelSheet, row, "min");
    b.mark(`$.levels.${level}.quota`, levelSheet, row, "quota");
    b.mark(`$.levels.${level}.label`, levelSheet, row, "label");
  }
  // Pilihan Jawaban (scales).
  const scales: Obj = {};
  const codedScales = new Set<string>();
  const optionSheet = b.sheet(SHEETS.options, OPTION_COLUMNS, true);
  const optionIndex = new Map<string, number>();
  for (const row of optionSheet?.rows ?? []) {
    if (optionSheet === undefined) break;
    const name = text(row.values.scale);
    const kind = text(row.values.kind).toLowerCase();
    const path = `$.scales.${name}`;
    if (name === "") {
      b.problem(optionSheet, row, "scale", "The scale name is empty.", "required");
      continue;
    }
    if (kind === "checklist") {
      if (scales[name] !== undefined)
        b.problem(optionSheet, row, "scale", `Scale ${name} is given twice.`, "duplicate");
      const s: Obj = name === "checklist" ? {} : { kind: "checklist" };
      if (text(row.values.note) !== "") s.note = text(row.values.note);
      scales[name] = s;
      b.mark(path, optionSheet, row, "scale");
      continue;
    }
    let s = scales[name] as Obj | undefined;
    if (s === undefined) {
      s = { max: num(row.values.max), options: [] };
      if (text(row.values.note) !== "") s.note = text(row.values.note);
      scales[name] = s;
      b.mark(path, optionSheet, row, "scale");
      b.mark(`${path}.max`, optionSheet, row, "max");
    } else if (!Array.isArray(s.options)) {
      b.problem(optionSheet, row, "kind", `Scale ${name} is a checklist: it has no options.`);
      continue;
    } else if (num(row.values.max) !== null && num(row.values.max) !== s.max) {
      b.problem(optionSheet, row, "max", `Scale ${name} has another maximum above (${String(s.max)}).`);
    }
    const options = s.options as JsonValue[];
    const i = options.length;
    optionIndex.set(name, i + 1);
    const option: Obj = { value: num(row.values.value) };
    const code = text(row.values.code);
    if (code !== "") {
      option.code = code;
      codedScales.add(name);
    }
    option.label = local(text(row.values.label), text(row.values.labelEn));
    options.push(option);
    b.mark(`${path}.options[${i}]`, optionSheet, row, "value");
    b.mark(`${path}.options[${i}].value`, optionSheet, row, "value");
    b.mark(`${path}.options[${i}].code`, optionSheet, row, "code");
    b.mark(`${path}.options[${i}].label`, optionSheet, row, "label");
  }
  // Peran Responden (roles, format 2).
  const roles: JsonValue[] = [];
  const roleSheet = b.sheet(SHEETS.roles, ROLE_COLUMNS, false);
  for (const row of roleSheet?.rows ?? []) {
    if (roleSheet === undefined) break;
    const i = roles.length;
    const role: Obj = {
      id: text(row.values.id),
      label: local(text(row.values.label), text(row.values.labelEn)),
      kind: text(row.values.kind),
      quota: num(row.values.quota),
      scope: text(row.values.scope),
    };
    const minPerUnit = num(row.values.minPerUnit);
    if (minPerUnit !== null) role.minPerUnit = minPerUnit;
    role.modes = splitList(row.values.modes);
    if (text(row.values.provenance) !== "") role.provenance = text(row.values.provenance);
    roles.push(role);
    const p = `$.roles[${i}]`;
    b.mark(p, roleSheet, row, "id");
    for (const [k, col] of [
      ["id", "id"],
      ["label", "label"],
      ["kind", "kind"],
      ["quota", "quota"],
      ["scope", "scope"],
      ["minPerUnit", "minPerUnit"],
      ["modes", "modes"],
    ] as const)
      b.mark(`${p}.${k}`, roleSheet, row, col);
  }
  // Subitem.
  const subitems = new Map<string, Obj[]>();
  const subSheet = b.sheet(SHEETS.subitems, SUBITEM_COLUMNS, false);
  const subRows = new Map<string, MappedRow<"indicator" | "id" | "label" | "labelEn">[]>();
  for (const row of subSheet?.rows ?? []) {
    const ind = text(row.values.indicator);
    const list = subitems.get(ind) ?? [];
    list.push({ id: text(row.values.id), label: local(text(row.values.label), text(row.values.labelEn)) });
    subitems.set(ind, list);
    subRows.set(ind, [...(subRows.get(ind) ?? []), row]);
  }
  // Kelompok (groups) then Indikator.
  const groupSheet = b.sheet(SHEETS.groups, GROUP_COLUMNS, true);
  const groups = new Map<string, { obj: Obj; path: string; hasChildren: boolean }>();
  const top: JsonValue[] = [];
  const childKey = v2 ? "groups" : "variables";
  for (const row of groupSheet?.rows ?? []) {
    if (groupSheet === undefined) break;
    const gid = text(row.values.id);
    const parentId = text(row.values.parent);
    if (gid === "") {
      b.problem(groupSheet, row, "id", "The group id is empty.", "required");
      continue;
    }
    if (groups.has(gid)) {
      b.problem(groupSheet, row, "id", `Group ${gid} is given twice.`, "duplicate");
      continue;
    }
    const g: Obj = {
      id: gid,
      name: local(text(row.values.name), text(row.values.nameEn)),
      weight: num(row.values.weight),
    };
    const wp = text(row.values.weightProvenance);
    const prov = text(row.values.provenance);
    if (v2) {
      g.weightProvenance = wp;
      if (prov !== "") g.provenance = prov;
    } else {
      if (prov !== "") g.provenance = prov;
      if (wp !== "") g.weightProvenance = wp;
    }
    if (text(row.values.method) !== "") g.method = text(row.values.method);
    if (text(row.values.ifEmpty) !== "") g.ifEmpty = text(row.values.ifEmpty);
    let path: string;
    if (parentId === "") {
      path = `$.${v2 ? "groups" : "dimensions"}[${top.length}]`;
      top.push(g);
    } else {
      const parent = groups.get(parentId);
      if (parent === undefined) {
        b.problem(groupSheet, row, "parent", `No group ${parentId} above this row.`, "unknown_reference");
        continue;
      }
      const siblings = (parent.obj[childKey] as JsonValue[] | undefined) ?? [];
      parent.obj[childKey] = siblings;
      path = `${parent.path}.${childKey}[${siblings.length}]`;
      siblings.push(g);
    }
    groups.set(gid, { obj: g, path, hasChildren: false });
    b.mark(path, groupSheet, row, "id");
    for (const [k, col] of [
      ["id", "id"],
      ["name", "name"],
      ["weight", "weight"],
      ["weightProvenance", "weightProvenance"],
      ["ifEmpty", "ifEmpty"],
      [childKey, "id"],
      ["indicators", "id"],
    ] as const)
      b.mark(`${path}.${k}`, groupSheet, row, col);
  }
  const topPath = `$.${v2 ? "groups" : "dimensions"}`;
  const firstGroup = groupSheet?.rows[0];
  if (groupSheet !== undefined && firstGroup !== undefined) b.mark(topPath, groupSheet, firstGroup, "weight");
  const indicatorSheet = b.sheet(SHEETS.indicators, INDICATOR_COLUMNS, true);
  const indicatorPaths = new Map<string, string>();
  for (const row of indicatorSheet?.rows ?? []) {
    if (indicatorSheet === undefined) break;
    const gid = text(row.values.group);
    const group = groups.get(gid);
    if (group === undefined) {
      b.problem(
        indicatorSheet,
        row,
        "group",
        `No group ${gid} in the ${SHEETS.groups[0]} sheet.`,
        "unknown_reference",
      );
      continue;
    }
    const list = (group.obj.indicators as JsonValue[] | undefined) ?? [];
    group.obj.indicators = list;
    const path = `${group.path}.indicators[${list.length}]`;
    const ind: Obj = { id: text(row.values.id) };
    const answer = text(row.values.answer);
    if (!v2) ind.level = text(row.values.level);
    ind.question = local(text(row.values.question), text(row.values.questionEn));
    ind.answer = answer;
    ind.evidence = text(row.values.evidence) === "" ? "none" : text(row.values.evidence);
    ind.weight = num(row.values.weight);
    const wp = text(row.values.weightProvenance);
    if (v2) ind.weightProvenance = wp;
    if (text(row.values.provenance) !== "") ind.provenance = text(row.values.provenance);
    const media = splitList(row.values.media);
    if (v2) {
      const kind = text(row.values.source);
      const src: Obj = { kind };
      if (kind === "interview") src.role = text(row.values.role);
      else if (kind === "secondary") src.providers = splitList(row.values.providers);
      else {
        src.per = text(row.values.per) === "" ? "unit" : text(row.values.per);
        if (media.length > 0) src.media = media;
      }
      ind.source = src;
    } else if (media.length > 0) ind.media = media;
    const subs = subitems.get(String(ind.id));
    if (subs !== undefined) {
      ind.subitems = subs;
      subitems.delete(String(ind.id));
    }
    const notes = splitList(row.values.noteRequiredWhen).map((t) =>
      !codedScales.has(answer) && /^-?[0-9]+([.][0-9]+)?$/.test(t) ? Number(t) : t,
    );
    if (notes.length > 0) ind.noteRequiredWhen = notes.length === 1 ? (notes[0] ?? null) : notes;
    list.push(ind);
    indicatorPaths.set(String(ind.id), path);
    b.mark(path, indicatorSheet, row, "id");
    for (const [k, col] of [
      ["id", "id"],
      ["level", "level"],
      ["question", "question"],
      ["answer", "answer"],
      ["evidence", "evidence"],
      ["weight", "weight"],
      ["weightProvenance", "weightProvenance"],
      ["media", "media"],
      ["source", "source"],
      ["source.kind", "source"],
      ["source.per", "per"],
      ["source.role", "role"],
      ["source.providers", "providers"],
      ["source.media", "media"],
      ["noteRequiredWhen", "noteRequiredWhen"],
      ["subitems", "id"],
    ] as const)
      b.mark(`${path}.${k}`, indicatorSheet, row, col);
  }
  if (subSheet !== undefined)
    for (const [ind, rows] of subRows) {
      const path = indicatorPaths.get(ind);
      rows.forEach((row, i) => {
        if (path === undefined || subitems.has(ind))
          b.problem(
            subSheet,
            row,
            "indicator",
            `No indicator ${ind} in the ${SHEETS.indicators[0]} sheet.`,
            "unknown_reference",
          );
        else {
          b.mark(`${path}.subitems[${i}]`, subSheet, row, "id");
          b.mark(`${path}.subitems[${i}].id`, subSheet, row, "id");
          b.mark(`${path}.subitems[${i}].label`, subSheet, row, "label");
        }
      });
    }
  const out: JsonObject = v2
    ? {
        format: 2,
        id: json.id ?? "",
        version: json.version ?? null,
        title,
        levels,
        scales,
        roles,
        groups: top,
      }
    : { id: json.id ?? "", version: json.version ?? null, title, levels, scales, dimensions: top };
  const parsed = parseInstrument(out);
  // A cell already refused (formula, error) or a missing sheet explains the domain's errors there.
  const refusedCells = new Set(
    b.problems.flatMap((p) => (p.at ? [`${p.at.sheet}!${p.at.column}${p.at.row}`] : [])),
  );
  const missingRoots = [
    ["$.levels", levelSheet],
    ["$.scales", optionSheet],
    ["$.roles", v2 ? roleSheet : true],
    [topPath, groupSheet],
  ].flatMap(([root, sheet]) => (sheet === undefined ? [String(root)] : []));
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      if (
        missingRoots.some(
          (root) => e.path === root || e.path.startsWith(`${root}.`) || e.path.startsWith(`${root}[`),
        )
      )
        continue;
      const at = nearest(b.at, e.path);
      if (at !== undefined && refusedCells.has(`${at.sheet}!${at.column}${at.row}`)) continue;
      b.problems.push({
        code: "invalid_value",
        message: `${at ? `${at.sheet}!${at.column}${at.row}: ` : ""}${e.message} (${e.path})`,
        ...(at ? { at } : {}),
        params: { path: e.path },
      });
    }
  }
  if (b.problems.length > 0 || !parsed.ok) return { ok: false, problems: b.problems };
  return { ok: true, json: out, instrument: parsed.instrument };
}

/** The cell of a JSON path, or of its closest recorded ancestor. */
function nearest(at: Map<string, CellAddress>, path: string): CellAddress | undefined {
  let p = path;
  for (;;) {
    const hit = at.get(p);
    if (hit !== undefined) return hit;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 1) return undefined;
    p = p.slice(0, cut);
  }
}
