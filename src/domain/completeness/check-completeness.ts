// checkCompleteness: everything that must be present before an assessment may be submitted
// (`assessment.submit` is rejected with these problems). Rules (methodology.md §2–3, protocol.md):
// - at least `levels.product.min` products and `quota` officials/users, for levels that have items;
// - every indicator answered for every instance that exists (each media part separately);
//   na / no_answer count as answered;
// - photo_required: an instance (or media part) scored above 0 needs ≥1 photo (image/*) attached to
//   its own key or to the instance key without media part;
// - noteRequiredWhen: a non-blank note on the answer's key (or the instance key without part);
// - every dimension has a value (all-excluded dimensions are flagged);
// - the content's instrument is the one given.
// Format 2 (methodology §7): quotas per respondent role (per unit; per locus: the unit's minimum
// share), an interview item is asked of its role's respondents only, a phone interview needs its
// call time (and a mode the role allows), and secondary-data items are the office's, never missing
// on an assessment (nor is a dimension made only of them).
// Answers of instances that no longer exist are ignored, as in scoring.
import { resolveAnswerKey } from "../answers/validate-answer";
import {
  answerAt,
  baseKeyOf,
  type InstanceSets,
  instanceIdsFor,
  instancesOf,
  partKeyOf,
  respondentRole,
} from "../assessment/instances";
import { interviewMode, isCallTime, roleTallies } from "../assessment/role-quotas";
import { type AssessmentContent, isPhoto } from "../assessment/types";
import type { LocalText } from "../common/validate";
import { type IndicatorEntry, indexInstrument } from "../instrument/instrument-index";
import {
  type Instrument,
  instrumentKey,
  isFormat2,
  type LevelId,
  type MediaPart,
  requiredCount,
} from "../instrument/types";
import { computeDimensionScores, type DimensionScores } from "../scoring/dimension-scores";
import { type InstanceLabel, instanceLabel, messages } from "./messages";

export type ProblemCode =
  | "instrument_mismatch"
  | "too_few_products"
  | "too_few_respondents"
  | "missing_answer"
  | "invalid_answer"
  | "missing_photo"
  | "missing_note"
  | "dimension_without_value"
  | "missing_call_time"
  | "mode_not_allowed";

export interface Problem {
  readonly code: ProblemCode;
  /** The answer key concerned; null for problems of the whole assessment. */
  readonly key: string | null;
  readonly message: LocalText;
  readonly indicatorId?: string;
  readonly level?: LevelId;
  readonly dimensionId?: string;
  /** Format 2: the respondent role concerned (quota and interview problems). */
  readonly roleId?: string;
  /** The respondent concerned (interview problems). */
  readonly respondentId?: string;
}

export interface CompletenessResult {
  readonly complete: boolean;
  readonly problems: readonly Problem[];
}

interface Instance {
  readonly id: string | null;
  readonly label: InstanceLabel;
}

/** `scores` may be passed when already computed for the same content (scoreAssessment does). */
export function checkCompleteness(
  instrument: Instrument,
  content: AssessmentContent,
  scores: DimensionScores = computeDimensionScores(instrument, content),
): CompletenessResult {
  const problems: Problem[] = [];
  const have = instrumentKey(content.instrumentId, content.instrumentVersion);
  const expected = instrumentKey(instrument.id, instrument.version);
  if (have !== expected) {
    problems.push({
      code: "instrument_mismatch",
      key: null,
      message: messages.instrumentMismatch(have, expected),
    });
  }
  const index = indexInstrument(instrument);
  const sets = instancesOf(content, instrument);
  const checked = index.ordered.filter((e) => e.indicator.source?.kind !== "secondary");
  const usedLevels = new Set(checked.map((e) => e.indicator.level));
  if (usedLevels.has("product")) {
    const min = requiredCount(instrument, "product");
    if (sets.product.length < min) {
      problems.push({
        code: "too_few_products",
        key: null,
        level: "product",
        message: messages.tooFewProducts(sets.product.length, min),
      });
    }
  }
  if (isFormat2(instrument)) checkRoles(instrument, content, checked, problems);
  else {
    for (const level of ["official", "user"] as const) {
      const quota = requiredCount(instrument, level);
      if (usedLevels.has(level) && sets[level].length < quota) {
        problems.push({
          code: "too_few_respondents",
          key: null,
          level,
          message: messages.tooFewRespondents(level, sets[level].length, quota),
        });
      }
    }
  }
  const instances = labelInstances(instrument, content, sets);
  const photoKeys = new Set(content.evidence.filter(isPhoto).map((e) => e.key));
  const dimensionsWithMissing = new Set<string>();
  for (const entry of checked) {
    const level = entry.indicator.level;
    for (const instance of instancesFor(entry, sets, instances)) {
      const before = problems.length;
      checkInstance(entry, content, instance, photoKeys, problems);
      if (problems.slice(before).some((p) => p.code === "missing_answer" || p.code === "invalid_answer")) {
        dimensionsWithMissing.add(entry.dimension.id);
      }
    }
    // Too few products/respondents already explain an empty dimension (e.g. no users yet).
    if (problems.some((p) => p.key === null && p.level === level))
      dimensionsWithMissing.add(entry.dimension.id);
  }
  const secondaryOnly = new Set(scores.dimensions.filter((d) => d.secondary === true).map((d) => d.id));
  checkStrayKeys(instrument, content, problems);
  instrument.dimensions.forEach((dimension, i) => {
    // Only when everything was answered: otherwise missing answers or quotas already say why.
    if (
      scores.dimensions[i]?.value === null &&
      !dimensionsWithMissing.has(dimension.id) &&
      !secondaryOnly.has(dimension.id)
    ) {
      problems.push({
        code: "dimension_without_value",
        key: null,
        dimensionId: dimension.id,
        message: messages.dimensionWithoutValue(dimension.name),
      });
    }
  });
  return { complete: problems.length === 0, problems };
}

const UNIT: readonly Instance[] = [{ id: null, label: { id: "", en: "" } }];

/** The labelled instances an indicator is asked for: role-aware for format 2 (instanceIdsFor). */
function instancesFor(
  entry: IndicatorEntry,
  sets: InstanceSets,
  labelled: Record<"product" | "official" | "user", Instance[]>,
): readonly Instance[] {
  const level = entry.indicator.level;
  if (level === "unit") return UNIT;
  const byId = new Map(labelled[level].map((i) => [i.id, i]));
  return instanceIdsFor(entry.indicator, sets).flatMap((id) => {
    const found = id === null ? undefined : byId.get(id);
    return found === undefined ? [] : [found];
  });
}

/** Format 2: role quotas (for roles some checked item interviews) and each interview's mode. */
function checkRoles(
  instrument: Instrument,
  content: AssessmentContent,
  checked: readonly IndicatorEntry[],
  problems: Problem[],
): void {
  const interviewed = new Set(
    checked.flatMap((e) => (e.indicator.source?.kind === "interview" ? [e.indicator.source.role] : [])),
  );
  for (const tally of roleTallies(instrument, content)) {
    if (!interviewed.has(tally.role.id) || tally.here >= tally.neededHere) continue;
    problems.push({
      code: "too_few_respondents",
      key: null,
      level: tally.role.kind,
      roleId: tally.role.id,
      message: messages.tooFewInRole(tally.role.label, tally.here, tally.neededHere),
    });
  }
  const roles = instrument.roles ?? [];
  const ordinals = new Map<string, number>();
  for (const respondent of content.respondents) {
    const role = respondentRole(roles, respondent);
    if (role === undefined) continue;
    const ordinal = (ordinals.get(role.id) ?? 0) + 1;
    ordinals.set(role.id, ordinal);
    const named = respondent.profile?.mode;
    const common = { key: null, level: role.kind, roleId: role.id, respondentId: respondent.id } as const;
    if (typeof named === "string" && !role.modes.some((m) => m === named)) {
      problems.push({
        code: "mode_not_allowed",
        ...common,
        message: messages.modeNotAllowed(role.label, ordinal, named),
      });
    } else if (interviewMode(role, respondent) === "phone" && !isCallTime(respondent.profile?.callAt)) {
      problems.push({
        code: "missing_call_time",
        ...common,
        message: messages.missingCallTime(role.label, ordinal),
      });
    }
  }
}

function labelInstances(
  instrument: Instrument,
  content: AssessmentContent,
  sets: ReturnType<typeof instancesOf>,
): Record<"product" | "official" | "user", Instance[]> {
  const roleLabel = roleLabeller(instrument, content, sets);
  const productName = new Map(
    content.products.map((p) => [p.id, typeof p.name === "string" ? p.name : null]),
  );
  const respondentName = new Map(
    content.respondents.map((r) => {
      const name = r.profile !== null && typeof r.profile === "object" ? r.profile.name : undefined;
      return [r.id, typeof name === "string" && name.trim() !== "" ? name : null];
    }),
  );
  return {
    product: sets.product.map((id, i) => ({
      id,
      label: instanceLabel("product", i + 1, productName.get(id) ?? null),
    })),
    official: sets.official.map((id, i) => ({
      id,
      label: roleLabel(id) ?? instanceLabel("official", i + 1, respondentName.get(id) ?? null),
    })),
    user: sets.user.map((id, i) => ({
      id,
      label: roleLabel(id) ?? instanceLabel("user", i + 1, respondentName.get(id) ?? null),
    })),
  };
}

/** Format 2: "Petugas pengelola pengaduan 2 (Sari)", numbered within the role. */
function roleLabeller(
  instrument: Instrument,
  content: AssessmentContent,
  sets: InstanceSets,
): (id: string) => InstanceLabel | undefined {
  const byId = new Map<string, InstanceLabel>();
  const roles = instrument.roles ?? [];
  if (!isFormat2(instrument) || sets.roles === undefined) return () => undefined;
  for (const role of roles) {
    (sets.roles[role.id] ?? []).forEach((id, i) => {
      const respondent = content.respondents.find((r) => r.id === id);
      const raw = respondent?.profile?.name;
      const name = typeof raw === "string" && raw.trim() !== "" ? raw : null;
      byId.set(id, messages.roleInstanceLabel(role.label, i + 1, name));
    });
  }
  return (id) => byId.get(id);
}

function checkInstance(
  entry: IndicatorEntry,
  content: AssessmentContent,
  instance: Instance,
  photoKeys: ReadonlySet<string>,
  problems: Problem[],
): void {
  const { indicator } = entry;
  const baseKey = baseKeyOf(indicator, instance.id);
  const slots: readonly (MediaPart | null)[] = indicator.media ?? [null];
  for (const part of slots) {
    const key = part === null ? baseKey : partKeyOf(baseKey, part);
    const common = {
      key,
      indicatorId: indicator.id,
      level: indicator.level,
      dimensionId: entry.dimension.id,
    };
    const value = answerAt(content, key);
    const meaning = entry.interpret(value);
    if (meaning.status === "empty") {
      problems.push({
        code: "missing_answer",
        ...common,
        message: messages.missingAnswer(indicator.id, part, instance.label),
      });
      continue;
    }
    if (meaning.status === "invalid") {
      problems.push({
        code: "invalid_answer",
        ...common,
        message: messages.invalidAnswer(indicator.id, part, instance.label, meaning.reason),
      });
      continue;
    }
    if (
      indicator.evidence === "photo_required" &&
      meaning.status === "scored" &&
      meaning.value > 0 &&
      !photoKeys.has(key) &&
      !photoKeys.has(baseKey)
    ) {
      problems.push({
        code: "missing_photo",
        ...common,
        message: messages.missingPhoto(indicator.id, part, instance.label),
      });
    }
    const rule = indicator.noteRequiredWhen;
    if (
      rule !== undefined &&
      (typeof value === "string" || typeof value === "number") &&
      rule.includes(value)
    ) {
      if (!hasNote(content, key) && !hasNote(content, baseKey)) {
        problems.push({
          code: "missing_note",
          ...common,
          message: messages.missingNote(indicator.id, part, instance.label, optionLabel(entry, value)),
        });
      }
    }
  }
}

function hasNote(content: AssessmentContent, key: string): boolean {
  const note = Object.hasOwn(content.notes, key) ? content.notes[key] : undefined;
  return typeof note === "string" && note.trim() !== "";
}

function optionLabel(entry: IndicatorEntry, value: string | number): LocalText {
  if (entry.scale.kind === "options") {
    const option = entry.scale.options.find(
      (o) => o.code === value || (o.code === undefined && o.value === value),
    );
    if (option !== undefined) return option.label;
  }
  return { id: String(value) };
}

/** Non-empty answers under keys the instrument does not know (files edited by hand, old versions). */
function checkStrayKeys(instrument: Instrument, content: AssessmentContent, problems: Problem[]): void {
  for (const key of Object.keys(content.answers)) {
    const value = content.answers[key];
    if (value === null || value === undefined) continue;
    const resolved = resolveAnswerKey(instrument, key);
    if (!resolved.ok) {
      problems.push({
        code: "invalid_answer",
        key,
        message: messages.invalidKey(key, resolved.error.message),
      });
    }
  }
}
