/**
 * Push validation, mutation by mutation (protocol.md "Push").
 *
 * Owns: which parts of a push body fail the whole request and which fail one mutation.
 * Invariant: a device is never jammed by its own queue. Only the envelope — the clientId, the
 * mutations array, each mutation's numeric `id` and their increasing order — can fail the request
 * (400): without them the server cannot say which mutation it refuses. Anything else wrong in a
 * mutation (a NUL or an unpaired surrogate in any string, an unknown name, a bad argument, a number
 * out of range) makes THAT mutation a rejection with its reason and path: it counts as processed,
 * nothing of it is applied, and the mutations after it go on.
 */
import * as v from "valibot";
import { findBadText } from "../../domain/common/clean-text";
import { MUTATION_NAMES, type Mutation, type ProtocolError } from "../../domain/sync/protocol";
import { mutationSchemaByName, timestampSchema, uuidSchema } from "../../domain/sync/schemas";

/** A mutation the server refuses for its shape; it still occupies its id in the device's log. */
export interface MalformedMutation {
  id: number;
  /** The name if it is one the protocol knows, else "invalid" (stored with the rejection). */
  name: string;
  /** The device's timestamp if valid, else null (the server's clock is stored instead). */
  at: string | null;
  malformed: ProtocolError;
}

export type PushItem = Mutation | MalformedMutation;

export function isMalformed(item: PushItem): item is MalformedMutation {
  return "malformed" in item;
}

const envelopeSchema = v.strictObject({
  clientId: uuidSchema,
  mutations: v.array(
    v.looseObject({
      id: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
    }),
  ),
});

export type EnvelopeResult =
  | { ok: true; clientId: string; items: PushItem[] }
  | { ok: false; issues: v.BaseIssue<unknown>[] }
  | { ok: false; outOfOrder: number };

const KNOWN_NAMES = new Set<string>(MUTATION_NAMES);

export function parsePushBody(body: unknown): EnvelopeResult {
  const envelope = v.safeParse(envelopeSchema, body);
  if (!envelope.success) return { ok: false, issues: envelope.issues };
  const raw = envelope.output.mutations;
  for (let i = 1; i < raw.length; i++) {
    if ((raw[i]?.id ?? 0) <= (raw[i - 1]?.id ?? 0)) return { ok: false, outOfOrder: i };
  }
  const items = raw.map((m, i) => judge(m, i));
  return { ok: true, clientId: envelope.output.clientId, items };
}

function judge(m: Record<string, unknown> & { id: number }, index: number): PushItem {
  const name = typeof m.name === "string" && KNOWN_NAMES.has(m.name) ? m.name : "invalid";
  const at = v.is(timestampSchema, m.at) ? m.at : null;
  const bad = findBadText(m);
  if (bad !== null) {
    return {
      id: m.id,
      name,
      at,
      malformed: {
        code: "invalid_text",
        message: "Teks berisi karakter NUL atau surrogate tunggal yang tidak dapat disimpan.",
        details: { path: bad.path, reason: bad.reason, index },
      },
    };
  }
  const parsed = v.safeParse(mutationSchemaByName, m);
  if (parsed.success) return parsed.output as Mutation;
  const first = parsed.issues[0];
  return {
    id: m.id,
    name,
    at,
    malformed: {
      code: "invalid_mutation",
      message: "Perubahan ini tidak sesuai format protokol dan tidak diterapkan.",
      details: {
        path: first === undefined ? "" : (v.getDotPath(first) ?? ""),
        index,
        issues: parsed.issues.slice(0, 5).map((i) => ({ path: v.getDotPath(i) ?? "", message: i.message })),
      },
    },
  };
}
