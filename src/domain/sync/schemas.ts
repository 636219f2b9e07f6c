/**
 * Strict valibot schemas of the sync protocol: the server validates every push with them, the
 * device self-checks what it queues.
 *
 * Owns: the shape rules of PushRequest and of each mutation's args (formats and size caps).
 * Invariant: every object is strict (unknown fields are an error, never ignored) and every string
 * and array is bounded, so a valid push cannot be made arbitrarily large field by field.
 * Semantic rules (does the answer key exist, is the value allowed) live in apply.ts.
 */
import * as v from "valibot";
import { EVIDENCE_MIMES, type Mutation, type PushRequest } from "./protocol";

export const SYNC_LIMITS = {
  mutationsPerPush: 500,
  keyLength: 200,
  noteLength: 4000,
  nameLength: 200,
  captionLength: 1000,
  profileEntries: 30,
  profileValueLength: 500,
  checklistItems: 100,
  teamSize: 50,
  evidenceBytes: 10 * 1024 * 1024,
  answerStringLength: 64,
} as const;

const ISO_TIMESTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const uuidSchema = v.pipe(v.string(), v.uuid("must be a UUID"));
/** Date.parse happily rolls 2026-02-31 over into March; a calendar check does not. */
function realDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

export const timestampSchema = v.pipe(
  v.string(),
  v.regex(ISO_TIMESTAMP, "must be an ISO 8601 timestamp with a time zone"),
  v.check(realDate, "must be a real point in time"),
);
export const dateSchema = v.pipe(
  v.string(),
  v.regex(ISO_DATE, "must be a date YYYY-MM-DD"),
  v.check(realDate, "must be a real date"),
);
export const sha256Schema = v.pipe(v.string(), v.regex(SHA256_HEX, "must be 64 lowercase hex digits"));
const keySchema = v.pipe(v.string(), v.minLength(1), v.maxLength(SYNC_LIMITS.keyLength));
const nameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(SYNC_LIMITS.nameLength));
const finite = v.pipe(v.number(), v.finite());

export const locationSchema = v.strictObject({
  lat: v.pipe(finite, v.minValue(-90), v.maxValue(90)),
  lon: v.pipe(finite, v.minValue(-180), v.maxValue(180)),
  accuracyM: v.pipe(finite, v.minValue(0), v.maxValue(1_000_000)),
});

export const answerValueSchema = v.union([
  v.null(),
  finite,
  v.pipe(v.string(), v.minLength(1), v.maxLength(SYNC_LIMITS.answerStringLength)),
  v.pipe(v.array(keySchema), v.maxLength(SYNC_LIMITS.checklistItems)),
]);

const noteTextSchema = v.pipe(v.string(), v.maxLength(SYNC_LIMITS.noteLength));

export const productSchema = v.strictObject({ id: uuidSchema, name: nameSchema });

export const respondentSchema = v.strictObject({
  id: uuidSchema,
  kind: v.picklist(["official", "user"]),
  profile: v.pipe(
    v.record(
      keySchema,
      v.union([
        v.null(),
        v.boolean(),
        finite,
        v.pipe(v.string(), v.maxLength(SYNC_LIMITS.profileValueLength)),
      ]),
    ),
    v.check((r) => Object.keys(r).length <= SYNC_LIMITS.profileEntries, "too many profile fields"),
  ),
});

export const evidenceMetaSchema = v.strictObject({
  sha256: sha256Schema,
  mime: v.picklist(EVIDENCE_MIMES),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SYNC_LIMITS.evidenceBytes)),
  width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
  height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
  takenAt: timestampSchema,
  location: v.optional(locationSchema),
  caption: v.optional(v.pipe(v.string(), v.maxLength(SYNC_LIMITS.captionLength))),
});

const teamSchema = v.pipe(v.array(uuidSchema), v.maxLength(SYNC_LIMITS.teamSize));

export const argsSchemas = {
  "assessment.create": v.strictObject({
    assessmentId: uuidSchema,
    assignmentId: uuidSchema,
    unitId: uuidSchema,
    instrumentId: keySchema,
    // An integer column on the server: a larger version could never exist, and would be a 500.
    instrumentVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_147_483_647)),
    visit: v.strictObject({
      date: dateSchema,
      startedAt: v.optional(timestampSchema),
      mode: v.picklist(["scheduled", "unannounced"]),
    }),
  }),
  "assessment.setAnswer": v.strictObject({
    assessmentId: uuidSchema,
    key: keySchema,
    value: answerValueSchema,
    previous: answerValueSchema,
  }),
  "assessment.setNote": v.strictObject({
    assessmentId: uuidSchema,
    key: keySchema,
    text: noteTextSchema,
    previous: v.nullable(noteTextSchema),
  }),
  "assessment.putProduct": v.strictObject({ assessmentId: uuidSchema, product: productSchema }),
  "assessment.removeProduct": v.strictObject({ assessmentId: uuidSchema, productId: uuidSchema }),
  "assessment.putRespondent": v.strictObject({ assessmentId: uuidSchema, respondent: respondentSchema }),
  "assessment.removeRespondent": v.strictObject({ assessmentId: uuidSchema, respondentId: uuidSchema }),
  "assessment.attachEvidence": v.strictObject({
    assessmentId: uuidSchema,
    key: keySchema,
    evidence: evidenceMetaSchema,
  }),
  "assessment.detachEvidence": v.strictObject({
    assessmentId: uuidSchema,
    sha256: sha256Schema,
    key: v.optional(keySchema),
  }),
  "assessment.setVisit": v.strictObject({
    assessmentId: uuidSchema,
    visit: v.strictObject({
      date: dateSchema,
      startedAt: v.nullable(timestampSchema),
      endedAt: v.nullable(timestampSchema),
      location: v.optional(v.nullable(locationSchema)),
      team: teamSchema,
    }),
  }),
  "assessment.submit": v.strictObject({ assessmentId: uuidSchema }),
} as const;

const mutationIdSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

function mutationSchema<N extends keyof typeof argsSchemas>(name: N) {
  return v.strictObject({
    id: mutationIdSchema,
    name: v.literal(name),
    args: argsSchemas[name],
    at: timestampSchema,
  });
}

export const mutationSchemaByName = v.variant("name", [
  mutationSchema("assessment.create"),
  mutationSchema("assessment.setAnswer"),
  mutationSchema("assessment.setNote"),
  mutationSchema("assessment.putProduct"),
  mutationSchema("assessment.removeProduct"),
  mutationSchema("assessment.putRespondent"),
  mutationSchema("assessment.removeRespondent"),
  mutationSchema("assessment.attachEvidence"),
  mutationSchema("assessment.detachEvidence"),
  mutationSchema("assessment.setVisit"),
  mutationSchema("assessment.submit"),
]);

/**
 * Mutation ids inside one push must be strictly increasing: a batch is one slice of the device's
 * log. The per-push cap (413 on the server) is checked before this schema runs, so the array itself
 * is not length-limited here.
 */
export const pushRequestSchema = v.strictObject({
  clientId: uuidSchema,
  mutations: v.pipe(
    v.array(mutationSchemaByName),
    v.check(
      (ms) => ms.every((m, i) => i === 0 || m.id > (ms[i - 1]?.id ?? 0)),
      "mutation ids must be strictly increasing within a push",
    ),
  ),
});

// Compile-time guarantee that the schemas produce exactly the protocol types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SchemaMutation = v.InferOutput<typeof mutationSchemaByName>;
export const schemasMatchProtocol: Same<SchemaMutation["name"], Mutation["name"]> = true;
export const pushRequestMatches: v.InferOutput<typeof pushRequestSchema> extends PushRequest ? true : false =
  true;

export type PushRequestInput = v.InferOutput<typeof pushRequestSchema>;

export function parsePushRequest(
  input: unknown,
): { ok: true; value: PushRequest } | { ok: false; issues: v.BaseIssue<unknown>[] } {
  const result = v.safeParse(pushRequestSchema, input);
  if (result.success) return { ok: true, value: result.output as PushRequest };
  return { ok: false, issues: result.issues };
}
