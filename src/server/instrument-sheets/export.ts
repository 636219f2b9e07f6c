/**
 * Instrument → workbook (columns.ts). Written from the instrument's serialised JSON (the domain's
 * serialiseInstrument), so whatever the file says, the workbook says, for format 1 and format 2;
 * import.ts reads it back to the same JSON (round trip tested on every shipped instrument).
 */
import { type Instrument, serialiseInstrument } from "../../domain/index";
import type { JsonObject, JsonValue } from "../../domain/instrument/serialise-instrument";
import { type CellValue, type WriteSheet, writeXlsx } from "../spreadsheet";
import {
  GROUP_COLUMNS,
  INDICATOR_COLUMNS,
  INSTRUMENT_COLUMNS,
  INSTRUMENT_KEYS,
  LEVEL_COLUMNS,
  LIST_SEPARATOR,
  OPTION_COLUMNS,
  ROLE_COLUMNS,
  SHEETS,
  SUBITEM_COLUMNS,
} from "./columns";

type Obj = { [key: string]: JsonValue };
const obj = (v: JsonValue | undefined): Obj =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
const arr = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);
const cell = (v: JsonValue | undefined): CellValue =>
  v === undefined || v === null ? null : typeof v === "object" ? JSON.stringify(v) : v;
const list = (v: JsonValue | undefined): CellValue =>
  v === undefined ? null : Array.isArray(v) ? v.map(String).join(`${LIST_SEPARATOR} `) : cell(v);
const en = (v: JsonValue | undefined): CellValue => cell(obj(v).en);
const id = (v: JsonValue | undefined): CellValue => cell(obj(v).id);
const headers = (specs: readonly { headers: readonly string[] }[]) =>
  specs.map((s) => ({ header: s.headers[0] ?? "" }));

export function instrumentSheets(instrument: Instrument): WriteSheet[] {
  return jsonSheets(serialiseInstrument(instrument));
}

/** The workbook's sheets for a serialised instrument (format 1 or 2). */
export function jsonSheets(json: JsonObject): WriteSheet[] {
  const v2 = json.format === 2;
  const settings: CellValue[][] = INSTRUMENT_KEYS.map(([key, field]) => {
    const value =
      field === "format"
        ? v2
          ? 2
          : 1
        : field === "version"
          ? cell(json.version)
          : field === "title"
            ? id(json.title)
            : field === "title_en"
              ? en(json.title)
              : cell(json.id);
    return [key, value];
  });
  const levels = Object.entries(obj(json.levels)).map(([level, spec]) => {
    const s = obj(spec);
    return [level, id(s.label), en(s.label), cell(s.min), cell(s.quota)];
  });
  const options: CellValue[][] = [];
  for (const [name, scaleJson] of Object.entries(obj(json.scales))) {
    const s = obj(scaleJson);
    const opts = arr(s.options);
    if (s.max === undefined) {
      options.push([name, "checklist", null, null, null, null, null, cell(s.note)]);
      continue;
    }
    opts.forEach((o, i) => {
      const option = obj(o);
      options.push([
        name,
        "options",
        cell(s.max),
        cell(option.value),
        cell(option.code),
        id(option.label),
        en(option.label),
        i === 0 ? cell(s.note) : null,
      ]);
    });
  }
  const groups: CellValue[][] = [];
  const indicators: CellValue[][] = [];
  const subitems: CellValue[][] = [];
  const addIndicator = (groupId: string, ind: Obj) => {
    const src = obj(ind.source);
    indicators.push([
      cell(ind.id),
      groupId,
      id(ind.question),
      en(ind.question),
      cell(ind.answer),
      cell(ind.evidence),
      cell(ind.weight),
      cell(ind.weightProvenance),
      cell(ind.provenance),
      cell(ind.level),
      cell(src.kind),
      cell(src.per),
      cell(src.role),
      list(src.providers),
      list(v2 ? src.media : ind.media),
      list(ind.noteRequiredWhen),
    ]);
    for (const s of arr(ind.subitems)) {
      const sub = obj(s);
      subitems.push([cell(ind.id), cell(sub.id), id(sub.label), en(sub.label)]);
    }
  };
  const addGroup = (g: Obj, parent: string | null) => {
    groups.push([
      cell(g.id),
      parent,
      id(g.name),
      en(g.name),
      cell(g.weight),
      cell(g.weightProvenance),
      cell(g.provenance),
      cell(g.method),
      cell(g.ifEmpty),
    ]);
    const gid = String(g.id);
    for (const child of arr(v2 ? g.groups : g.variables)) addGroup(obj(child), gid);
    for (const ind of arr(g.indicators)) addIndicator(gid, obj(ind));
  };
  for (const g of arr(v2 ? json.groups : json.dimensions)) addGroup(obj(g), null);
  const roles = arr(json.roles).map((r) => {
    const role = obj(r);
    return [
      cell(role.id),
      id(role.label),
      en(role.label),
      cell(role.kind),
      cell(role.quota),
      cell(role.scope),
      cell(role.minPerUnit),
      list(role.modes),
      cell(role.provenance),
    ];
  });
  const sheets: WriteSheet[] = [
    { name: SHEETS.instrument[0], columns: headers(INSTRUMENT_COLUMNS), rows: settings },
    { name: SHEETS.levels[0], columns: headers(LEVEL_COLUMNS), rows: levels },
    { name: SHEETS.groups[0], columns: headers(GROUP_COLUMNS), rows: groups },
    { name: SHEETS.indicators[0], columns: headers(INDICATOR_COLUMNS), rows: indicators },
    { name: SHEETS.options[0], columns: headers(OPTION_COLUMNS), rows: options },
    { name: SHEETS.roles[0], columns: headers(ROLE_COLUMNS), rows: roles },
    { name: SHEETS.subitems[0], columns: headers(SUBITEM_COLUMNS), rows: subitems },
  ];
  return sheets;
}

export async function instrumentXlsx(instrument: Instrument): Promise<Uint8Array<ArrayBuffer>> {
  return writeXlsx(instrumentSheets(instrument));
}

/** The empty template: every sheet with its headers and one example row per sheet to overwrite. */
export async function templateXlsx(): Promise<Uint8Array<ArrayBuffer>> {
  const example: JsonObject = {
    format: 2,
    id: "instrumen-baru",
    version: 1,
    title: { id: "Instrumen baru", en: "New instrument" },
    levels: { unit: { label: { id: "Unit layanan", en: "Service unit" } } },
    scales: {
      ya_tidak: {
        max: 1,
        options: [
          { value: 1, code: "ya", label: { id: "Ya", en: "Yes" } },
          { value: 0, code: "tidak", label: { id: "Tidak", en: "No" } },
        ],
      },
    },
    roles: [
      {
        id: "pengguna",
        label: { id: "Pengguna layanan", en: "Service user" },
        kind: "user",
        quota: 5,
        scope: "unit",
        modes: ["on_site", "phone"],
      },
    ],
    groups: [
      {
        id: "D1",
        name: { id: "Dimensi 1" },
        weight: 100,
        weightProvenance: "inferred",
        groups: [
          {
            id: "D1.A",
            name: { id: "Variabel A" },
            weight: 1,
            weightProvenance: "inferred",
            indicators: [
              {
                id: "D1.A.01",
                question: { id: "Apakah standar pelayanan dipajang?" },
                answer: "ya_tidak",
                evidence: "photo_required",
                weight: 1,
                weightProvenance: "inferred",
                source: { kind: "observation", per: "unit", media: ["physical"] },
              },
              {
                id: "D1.A.02",
                question: { id: "Apakah Anda puas dengan pelayanan?" },
                answer: "ya_tidak",
                evidence: "none",
                weight: 1,
                weightProvenance: "inferred",
                source: { kind: "interview", role: "pengguna" },
              },
            ],
          },
        ],
      },
    ],
  };
  return writeXlsx(jsonSheets(example));
}
