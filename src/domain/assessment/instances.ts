// The answer instances an assessment currently has. Products and respondents are identified by id;
// a duplicate id counts once (first occurrence) and respondents of an unknown kind are ignored, so a
// malformed list can neither double-count answers nor crash scoring.
import type { InstanceLevel } from "../answers/answer-key";
import type { Indicator, Instrument, MediaPart, RespondentRole } from "../instrument/types";
import type { AnswerValue, AssessmentContent, Respondent } from "./types";

export type InstanceSets = Readonly<Record<InstanceLevel, readonly string[]>> & {
  /** Format 2: respondent ids per role id. */
  readonly roles?: Readonly<Record<string, readonly string[]>>;
};

/**
 * With a format-2 instrument, respondents are also grouped by role: `profile.role` when it names a
 * role of the respondent's kind, else the first role of that kind (so a converted format-1
 * instrument, whose roles are "official" and "user", sees exactly the format-1 instances).
 */
export function instancesOf(content: AssessmentContent, instrument?: Instrument): InstanceSets {
  const product = unique(content.products.map((p) => p.id));
  const official = unique(content.respondents.filter((r) => r.kind === "official").map((r) => r.id));
  const user = unique(content.respondents.filter((r) => r.kind === "user").map((r) => r.id));
  const roles = instrument?.roles;
  if (roles === undefined) return { product, official, user };
  const byRole: Record<string, string[]> = Object.create(null);
  for (const role of roles) byRole[role.id] = [];
  const seen = new Set<string>();
  for (const r of content.respondents) {
    if (typeof r.id !== "string" || seen.has(r.id)) continue;
    const role = respondentRole(roles, r);
    if (role === undefined) continue;
    seen.add(r.id);
    byRole[role.id]?.push(r.id);
  }
  return { product, official, user, roles: { ...byRole } };
}

/** The role a respondent was interviewed in (see instancesOf). */
export function respondentRole(
  roles: readonly RespondentRole[],
  respondent: Respondent,
): RespondentRole | undefined {
  const named = respondent.profile?.role;
  const ofKind = roles.filter((r) => r.kind === respondent.kind);
  return ofKind.find((r) => r.id === named) ?? ofKind[0];
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => typeof id === "string"))];
}

const UNIT_INSTANCES: readonly (string | null)[] = [null];

/** Instance ids an indicator is answered for: [null] for a unit item. */
export function instanceIdsFor(indicator: Indicator, instances: InstanceSets): readonly (string | null)[] {
  if (indicator.level === "unit") return UNIT_INSTANCES;
  const source = indicator.source;
  if (source?.kind === "interview" && instances.roles !== undefined)
    return instances.roles[source.role] ?? [];
  return instances[indicator.level];
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
