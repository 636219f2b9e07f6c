// Validation of one indicator: its level, answer scale, evidence rule, media parts, checklist
// sub-items and note rule, each checked against the scales and levels the file defines.
import {
  checkKnownFields,
  childPath,
  describeType,
  own,
  readArray,
  readLocalText,
  readOptionalString,
  readPositiveNumber,
  readRecord,
  readString,
} from "../common/validate";
import { parseList, readUniqueId, type TreeContext } from "./parse-context";
import {
  EVIDENCE_RULES,
  type EvidenceRule,
  type Indicator,
  LEVEL_IDS,
  type LevelId,
  MEDIA_PARTS,
  type MediaPart,
  type Scale,
  type Subitem,
} from "./types";

const INDICATOR_FIELDS = [
  "id",
  "level",
  "question",
  "answer",
  "evidence",
  "weight",
  "provenance",
  "media",
  "subitems",
  "noteRequiredWhen",
];

export function parseIndicator(value: unknown, path: string, ctx: TreeContext): Indicator | null {
  const { sink } = ctx;
  const obj = readRecord(value, path, sink, "an indicator");
  if (obj === null) return null;
  checkKnownFields(obj, INDICATOR_FIELDS, path, sink);
  const id = readUniqueId(obj.id, childPath(path, "id"), ctx, "indicator id");
  const level = readLevel(obj.level, childPath(path, "level"), ctx);
  const question = readLocalText(obj.question, childPath(path, "question"), sink, "indicator question");
  const weight = readPositiveNumber(obj.weight, childPath(path, "weight"), sink, "indicator weight");
  const provenance = readOptionalString(obj.provenance, childPath(path, "provenance"), sink, "provenance");
  const evidence = readEvidence(obj.evidence, childPath(path, "evidence"), ctx);
  const media = readMedia(obj.media, childPath(path, "media"), ctx);
  const answerPath = childPath(path, "answer");
  const answer = readString(obj.answer, answerPath, sink, "answer type");
  let scale: Scale | undefined;
  if (answer !== null && ctx.scales !== null) {
    scale = own(ctx.scales, answer);
    if (scale === undefined) {
      const known = Object.keys(ctx.scales).join(", ") || "none";
      sink.add(answerPath, `unknown answer type "${answer}" (the instrument's scales are: ${known})`);
    }
  }
  const subitems = readSubitems(obj.subitems, childPath(path, "subitems"), ctx, scale, answer);
  const noteRequiredWhen = readNoteRule(
    obj.noteRequiredWhen,
    childPath(path, "noteRequiredWhen"),
    ctx,
    scale,
  );
  if (
    id === null ||
    level === null ||
    question === null ||
    weight === null ||
    evidence === null ||
    media === null ||
    answer === null ||
    scale === undefined ||
    subitems === null ||
    noteRequiredWhen === null
  ) {
    return null;
  }
  return {
    id,
    level,
    question,
    answer,
    evidence,
    weight,
    ...(provenance === undefined ? {} : { provenance }),
    ...(media === undefined ? {} : { media }),
    ...(subitems === undefined ? {} : { subitems }),
    ...(noteRequiredWhen === undefined ? {} : { noteRequiredWhen }),
  };
}

function readLevel(value: unknown, path: string, ctx: TreeContext): LevelId | null {
  const level = LEVEL_IDS.find((l) => l === value);
  if (value === undefined) {
    ctx.sink.add(path, `level is missing (one of: ${LEVEL_IDS.join(", ")})`);
    return null;
  }
  if (level === undefined) {
    ctx.sink.add(path, `unknown level ${describeType(value)} (expected one of: ${LEVEL_IDS.join(", ")})`);
    return null;
  }
  if (!ctx.definedLevels.has(level)) {
    ctx.sink.add(path, `level "${level}" is used but not defined in $.levels`);
    return null;
  }
  return level;
}

function readEvidence(value: unknown, path: string, ctx: TreeContext): EvidenceRule | null {
  if (value === undefined) return "none";
  const rule = EVIDENCE_RULES.find((r) => r === value);
  if (rule === undefined) {
    ctx.sink.add(path, `evidence must be one of ${EVIDENCE_RULES.join(", ")}, not ${describeType(value)}`);
    return null;
  }
  return rule;
}

function readMedia(value: unknown, path: string, ctx: TreeContext): readonly MediaPart[] | null | undefined {
  if (value === undefined) return undefined;
  const list = readArray(value, path, ctx.sink, "media");
  if (list === null) return null;
  if (list.length === 0) {
    ctx.sink.add(path, "media must list at least one of physical, electronic (or be left out)");
    return null;
  }
  const out: MediaPart[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const part = MEDIA_PARTS.find((m) => m === item);
    if (part === undefined) {
      ctx.sink.add(childPath(path, i), `media must be physical or electronic, not ${describeType(item)}`);
      ok = false;
    } else if (out.includes(part)) {
      ctx.sink.add(childPath(path, i), `media "${part}" is listed twice`);
      ok = false;
    } else out.push(part);
  });
  return ok ? out : null;
}

function readSubitems(
  value: unknown,
  path: string,
  ctx: TreeContext,
  scale: Scale | undefined,
  answer: string | null,
): readonly Subitem[] | null | undefined {
  if (scale === undefined) return value === undefined ? undefined : null;
  if (scale.kind !== "checklist") {
    if (value === undefined) return undefined;
    ctx.sink.add(
      path,
      `subitems are only allowed on checklist indicators (this one is answered "${answer}")`,
    );
    return null;
  }
  if (value === undefined) {
    ctx.sink.add(path, "a checklist indicator needs subitems");
    return null;
  }
  return parseList(value, path, ctx, "subitems", (item, itemPath) => {
    const obj = readRecord(item, itemPath, ctx.sink, "a sub-item");
    if (obj === null) return null;
    checkKnownFields(obj, ["id", "label"], itemPath, ctx.sink);
    const id = readUniqueId(obj.id, childPath(itemPath, "id"), ctx, "sub-item id");
    const label = readLocalText(obj.label, childPath(itemPath, "label"), ctx.sink, "sub-item label");
    return id === null || label === null ? null : { id, label };
  });
}

function readNoteRule(
  value: unknown,
  path: string,
  ctx: TreeContext,
  scale: Scale | undefined,
): readonly (string | number)[] | null | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) {
    ctx.sink.add(path, "noteRequiredWhen must name at least one answer (or be left out)");
    return null;
  }
  if (scale === undefined) return null;
  if (scale.kind === "checklist") {
    ctx.sink.add(path, "noteRequiredWhen is not supported on checklist indicators");
    return null;
  }
  const coded = scale.options.some((o) => o.code !== undefined);
  const out: (string | number)[] = [];
  items.forEach((item, i) => {
    const itemPath = Array.isArray(value) ? childPath(path, i) : path;
    const known = coded
      ? typeof item === "string" && scale.options.some((o) => o.code === item)
      : typeof item === "number" && scale.options.some((o) => o.value === item);
    if (!known) {
      const choices = coded
        ? scale.options.map((o) => JSON.stringify(o.code)).join(", ")
        : scale.options.map((o) => String(o.value)).join(", ");
      ctx.sink.add(
        itemPath,
        `noteRequiredWhen names ${describeType(item)}, which is not in the scale (${choices})`,
      );
    } else if (typeof item === "string" || typeof item === "number") out.push(item);
  });
  return out.length === items.length ? out : null;
}
