// The answer instances an assessment currently has. Products and respondents are identified by id;
// a duplicate id counts once (first occurrence) and respondents of an unknown kind are ignored, so a
// malformed list can neither double-count answers nor crash scoring.
import type { InstanceLevel } from "../answers/answer-key";
import type { Indicator, MediaPart } from "../instrument/types";
import type { AnswerValue, AssessmentContent } from "./types";

export type InstanceSets = Readonly<Record<InstanceLevel, readonly string[]>>;

export function instancesOf(content: AssessmentContent): InstanceSets {
  const product = unique(content.products.map((p) => p.id));
  const official = unique(content.respondents.filter((r) => r.kind === "official").map((r) => r.id));
  const user = unique(content.respondents.filter((r) => r.kind === "user").map((r) => r.id));
  return { product, official, user };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => typeof id === "string"))];
}

const UNIT_INSTANCES: readonly (string | null)[] = [null];

/** Instance ids an indicator is answered for: [null] for a unit item. */
export function instanceIdsFor(indicator: Indicator, instances: InstanceSets): readonly (string | null)[] {
  return indicator.level === "unit" ? UNIT_INSTANCES : instances[indicator.level];
}

/** Same spelling as buildAnswerKey, without its checks: ids here come from the content itself. */
export function baseKeyOf(indicator: Indicator, instanceId: string | null): string {
  return instanceId === null ? indicator.id : `${indicator.id}@${indicator.level}:${instanceId}`;
}

export function partKeyOf(baseKey: string, part: MediaPart): string {
  return `${baseKey}#${part}`;
}

export function answerAt(content: AssessmentContent, key: string): AnswerValue | undefined {
  return Object.hasOwn(content.answers, key) ? content.answers[key] : undefined;
}
