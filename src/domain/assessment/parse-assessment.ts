// parseAssessmentFile: reads a per-assessment export (docs/assessment-file.md) or bare assessment
// content, for the CLI and imports. Checks shapes only — whether answers fit the instrument is
// checkCompleteness's job, so a file with a bad answer still scores and shows the problem.
// Fields it does not know (revision, conflicts, history of a server export) are ignored.
import {
  childPath,
  describeType,
  ErrorSink,
  isRecord,
  type JsonRecord,
  type PathError,
  readArray,
  readRecord,
  readString,
} from "../common/validate";
import {
  type AnswerValue,
  ASSESSMENT_STATUSES,
  type AssessmentContent,
  type AssessmentFile,
  type EvidenceRef,
  type Product,
  type Respondent,
} from "./types";

export type AssessmentParseResult =
  | { readonly ok: true; readonly assessment: AssessmentContent & Partial<AssessmentFile> }
  | { readonly ok: false; readonly errors: readonly PathError[] };

const SHA256 = /^[0-9a-f]{64}$/;

export function parseAssessmentFile(json: unknown): AssessmentParseResult {
  try {
    return parseFile(json);
  } catch (error) {
    return { ok: false, errors: [{ path: "$", message: `unreadable assessment: ${String(error)}` }] };
  }
}

function parseFile(json: unknown): AssessmentParseResult {
  const sink = new ErrorSink();
  if (!isRecord(json)) {
    sink.add("$", `an assessment must be a JSON object, not ${describeType(json)}`);
    return { ok: false, errors: sink.result() };
  }
  const instrumentId = readString(json.instrumentId, "$.instrumentId", sink, "instrumentId");
  const version = json.instrumentVersion;
  if (!(typeof version === "number" && Number.isInteger(version) && version >= 1)) {
    sink.add(
      "$.instrumentVersion",
      `instrumentVersion must be a whole number ≥ 1, not ${describeType(version)}`,
    );
  }
  const answers = readAnswers(json.answers, sink);
  const notes = readNotes(json.notes, sink);
  const products = readItems(json.products, "$.products", sink, readProduct);
  const respondents = readItems(json.respondents, "$.respondents", sink, readRespondent);
  const evidence = readItems(json.evidence, "$.evidence", sink, readEvidence);
  const header: { -readonly [K in keyof AssessmentFile]?: AssessmentFile[K] } = {};
  for (const field of ["id", "unitId"] as const) {
    if (json[field] !== undefined) {
      const text = readString(json[field], `$.${field}`, sink, field);
      if (text !== null) header[field] = text;
    }
  }
  if (json.status !== undefined) {
    const status = ASSESSMENT_STATUSES.find((s) => s === json.status);
    if (status === undefined) sink.add("$.status", `status must be one of ${ASSESSMENT_STATUSES.join(", ")}`);
    else header.status = status;
  }
  if (json.visit !== undefined && json.visit !== null) {
    const visit = readRecord(json.visit, "$.visit", sink, "visit");
    if (visit !== null && typeof visit.date !== "string")
      sink.add("$.visit.date", "visit.date must be a date string");
    // The visit is carried through as written: scoring never reads it.
    if (visit !== null && typeof visit.date === "string") header.visit = { ...visit, date: visit.date };
  } else if (json.visit === null) header.visit = null;
  if (sink.count > 0 || instrumentId === null || typeof version !== "number" || answers === null) {
    return { ok: false, errors: sink.result() };
  }
  return {
    ok: true,
    assessment: {
      ...header,
      instrumentId,
      instrumentVersion: version,
      answers,
      notes: notes ?? {},
      products: products ?? [],
      respondents: respondents ?? [],
      evidence: evidence ?? [],
    },
  };
}

function readAnswers(value: unknown, sink: ErrorSink): Record<string, AnswerValue> | null {
  const obj = readRecord(value, "$.answers", sink, "answers");
  if (obj === null) return null;
  const out: Record<string, AnswerValue> = {};
  for (const [key, v] of Object.entries(obj)) {
    const ok =
      v === null ||
      typeof v === "string" ||
      (typeof v === "number" && Number.isFinite(v)) ||
      (Array.isArray(v) && v.every((item) => typeof item === "string"));
    if (ok)
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else
      sink.add(
        childPath("$.answers", key),
        `an answer is a number, a code, a list of sub-item ids or null, not ${describeType(v)}`,
      );
  }
  return out;
}

function readNotes(value: unknown, sink: ErrorSink): Record<string, string> | null {
  if (value === undefined) return null;
  const obj = readRecord(value, "$.notes", sink, "notes");
  if (obj === null) return null;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === "string")
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else sink.add(childPath("$.notes", key), `a note must be a string, not ${describeType(v)}`);
  }
  return out;
}

function readItems<T>(
  value: unknown,
  path: string,
  sink: ErrorSink,
  read: (obj: JsonRecord, path: string, sink: ErrorSink) => T | null,
): T[] | null {
  if (value === undefined) return null;
  const list = readArray(value, path, sink, path.slice(2));
  if (list === null) return null;
  const out: T[] = [];
  list.forEach((item, i) => {
    const obj = readRecord(item, childPath(path, i), sink, "an entry");
    const parsed = obj === null ? null : read(obj, childPath(path, i), sink);
    if (parsed !== null) out.push(parsed);
  });
  return out;
}

function readProduct(obj: JsonRecord, path: string, sink: ErrorSink): Product | null {
  const id = readString(obj.id, childPath(path, "id"), sink, "product id");
  const name = readString(obj.name, childPath(path, "name"), sink, "product name");
  return id === null || name === null ? null : { id, name };
}

function readRespondent(obj: JsonRecord, path: string, sink: ErrorSink): Respondent | null {
  const id = readString(obj.id, childPath(path, "id"), sink, "respondent id");
  const kind = obj.kind === "official" || obj.kind === "user" ? obj.kind : null;
  if (kind === null)
    sink.add(
      childPath(path, "kind"),
      `respondent kind must be "official" or "user", not ${describeType(obj.kind)}`,
    );
  const profile =
    obj.profile === undefined ? {} : readRecord(obj.profile, childPath(path, "profile"), sink, "profile");
  return id === null || kind === null || profile === null ? null : { id, kind, profile };
}

function readEvidence(obj: JsonRecord, path: string, sink: ErrorSink): EvidenceRef | null {
  const key = readString(obj.key, childPath(path, "key"), sink, "evidence key");
  const sha256 = typeof obj.sha256 === "string" && SHA256.test(obj.sha256) ? obj.sha256 : null;
  if (sha256 === null) sink.add(childPath(path, "sha256"), "sha256 must be 64 lower-case hex digits");
  const mime = readString(obj.mime, childPath(path, "mime"), sink, "mime");
  const bytes =
    typeof obj.bytes === "number" && Number.isInteger(obj.bytes) && obj.bytes >= 0 ? obj.bytes : null;
  if (bytes === null) sink.add(childPath(path, "bytes"), "bytes must be a whole number ≥ 0");
  const takenAt = readString(obj.takenAt, childPath(path, "takenAt"), sink, "takenAt");
  if (key === null || sha256 === null || mime === null || bytes === null || takenAt === null) return null;
  const out: { -readonly [K in keyof EvidenceRef]: EvidenceRef[K] } = { key, sha256, mime, bytes, takenAt };
  if (typeof obj.width === "number") out.width = obj.width;
  if (typeof obj.height === "number") out.height = obj.height;
  if (typeof obj.caption === "string") out.caption = obj.caption;
  if (
    isRecord(obj.location) &&
    typeof obj.location.lat === "number" &&
    typeof obj.location.lon === "number"
  ) {
    const { lat, lon, accuracyM } = obj.location;
    out.location = typeof accuracyM === "number" ? { lat, lon, accuracyM } : { lat, lon };
  }
  return out;
}
