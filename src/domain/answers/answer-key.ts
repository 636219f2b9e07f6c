// Answer keys (protocol.md): `IND`, `IND@product:ID`, `IND@official:ID`, `IND@user:ID`, each
// optionally followed by `#physical` / `#electronic`. A key is the identity of one answer instance
// on the device, on the wire and in the database, so there is exactly one spelling of each key:
// buildAnswerKey(parseAnswerKey(k)) === k for every valid k, and the other way round.
import { ID_PATTERN, ID_RULE } from "../common/validate";
import { type LevelId, MEDIA_PARTS, type MediaPart } from "../instrument/types";

export type InstanceLevel = Exclude<LevelId, "unit">;

export type AnswerKeyParts =
  | {
      readonly indicatorId: string;
      readonly level: "unit";
      readonly instanceId: null;
      readonly part: MediaPart | null;
    }
  | {
      readonly indicatorId: string;
      readonly level: InstanceLevel;
      readonly instanceId: string;
      readonly part: MediaPart | null;
    };

export type AnswerKeyError = { readonly code: "invalid_key"; readonly message: string };

export type ParseAnswerKeyResult =
  | { readonly ok: true; readonly key: AnswerKeyParts }
  | { readonly ok: false; readonly error: AnswerKeyError };

/** The note key for the assessment as a whole (`assessment.setNote` with key "general"). */
export const GENERAL_NOTE_KEY = "general";

const INSTANCE_LEVELS: readonly InstanceLevel[] = ["product", "official", "user"];
const MAX_KEY_LENGTH = 300;

function fail(message: string): ParseAnswerKeyResult {
  return { ok: false, error: { code: "invalid_key", message } };
}

export function parseAnswerKey(key: unknown): ParseAnswerKeyResult {
  if (typeof key !== "string") return fail("an answer key must be a string");
  if (key.length === 0) return fail("the answer key is empty");
  if (key.length > MAX_KEY_LENGTH) return fail(`the answer key is longer than ${MAX_KEY_LENGTH} characters`);
  let rest = key;
  let part: MediaPart | null = null;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    const partText = rest.slice(hash + 1);
    const found = MEDIA_PARTS.find((m) => m === partText);
    if (found === undefined) {
      return fail(`unknown media part "#${partText}" (expected #${MEDIA_PARTS.join(" or #")})`);
    }
    part = found;
    rest = rest.slice(0, hash);
  }
  const at = rest.indexOf("@");
  const indicatorId = at >= 0 ? rest.slice(0, at) : rest;
  if (!ID_PATTERN.test(indicatorId)) return fail(`"${indicatorId}" is not a valid indicator id (${ID_RULE})`);
  if (at < 0) return { ok: true, key: { indicatorId, level: "unit", instanceId: null, part } };
  const instance = rest.slice(at + 1);
  const colon = instance.indexOf(":");
  if (colon < 0) return fail(`"@${instance}" must be @product:ID, @official:ID or @user:ID`);
  const levelText = instance.slice(0, colon);
  const level = INSTANCE_LEVELS.find((l) => l === levelText);
  if (level === undefined) {
    return fail(`unknown instance level "${levelText}" (expected product, official or user)`);
  }
  const instanceId = instance.slice(colon + 1);
  if (!ID_PATTERN.test(instanceId)) return fail(`"${instanceId}" is not a valid ${level} id (${ID_RULE})`);
  return { ok: true, key: { indicatorId, level, instanceId, part } };
}

export interface AnswerKeyInput {
  readonly indicatorId: string;
  readonly level?: LevelId;
  readonly instanceId?: string | null;
  readonly part?: MediaPart | null;
}

/**
 * Builds the one spelling of a key. Throws a TypeError on impossible parts (bad ids, a unit key
 * with an instance, an instance level without one): those are programming errors, and a key that
 * silently came out wrong would file an answer under the wrong instance.
 */
export function buildAnswerKey(input: AnswerKeyInput): string {
  const level = input.level ?? "unit";
  const instanceId = input.instanceId ?? null;
  if (!ID_PATTERN.test(input.indicatorId)) {
    throw new TypeError(`buildAnswerKey: invalid indicator id ${JSON.stringify(input.indicatorId)}`);
  }
  let key = input.indicatorId;
  if (level === "unit") {
    if (instanceId !== null) throw new TypeError("buildAnswerKey: a unit-level key has no instance id");
  } else {
    if (instanceId === null || !ID_PATTERN.test(instanceId)) {
      throw new TypeError(`buildAnswerKey: invalid ${level} id ${JSON.stringify(instanceId)}`);
    }
    key += `@${level}:${instanceId}`;
  }
  const part = input.part ?? null;
  if (part !== null) {
    if (!MEDIA_PARTS.includes(part))
      throw new TypeError(`buildAnswerKey: invalid media part ${String(part)}`);
    key += `#${part}`;
  }
  return key;
}

/** Key of the answer instance without its media part (where part-independent notes/photos may go). */
export function instanceKey(key: AnswerKeyParts): string {
  return buildAnswerKey({ ...key, part: null });
}
