// Respondent roles of a format-2 instrument as the device and completeness count them (methodology
// §7): each role has a quota per unit (officials 4, complaint officials 2) or per locus (30 users
// per pemda, shared by the locus's units, each unit needing at least `minPerUnit`); each interview
// is on site or by phone, and a phone interview records its call time instead of a photo.
// Profile fields (docs/instrument-v2.md): `role`, `mode` ("on_site" | "phone"), `callAt`
// (the call's local date-time, "YYYY-MM-DDTHH:MM"), `callMinutes` (duration, optional).
// Invariant: a respondent counts for exactly one role — respondentRole(), the rule scoring uses.
import { type Instrument, type InterviewMode, type RespondentRole, requiredCount } from "../instrument/types";
import { respondentRole } from "./instances";
import type { AssessmentContent, Respondent } from "./types";

export interface RoleTally {
  readonly role: RespondentRole;
  /** Respondents of this role on this assessment. */
  readonly here: number;
  /** What this assessment needs at least: the quota (scope unit) or minPerUnit (scope locus). */
  readonly neededHere: number;
  /** Of `here`, interviewed by phone. */
  readonly byPhone: number;
  /** Scope locus only: the team's tally over the locus's assessments this device knows. */
  readonly locus?: {
    readonly have: number;
    /** quota − have, never below 0. */
    readonly stillNeeded: number;
    /** How many assessments (this one included) were counted. */
    readonly assessments: number;
  };
}

/** The interview mode of a respondent: its `profile.mode` when the role allows it, else the first. */
export function interviewMode(role: RespondentRole, respondent: Respondent): InterviewMode {
  const named = respondent.profile?.mode;
  return role.modes.find((m) => m === named) ?? role.modes[0] ?? "on_site";
}

/** A call time as a phone interview records it: a local date-time (or a full ISO timestamp). */
export function isCallTime(value: unknown): boolean {
  return (
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) &&
    !Number.isNaN(Date.parse(value.length === 16 ? `${value}:00` : value))
  );
}

function respondentsOfRole(instrument: Instrument, content: AssessmentContent, role: RespondentRole) {
  const roles = instrument.roles ?? [];
  const seen = new Set<string>();
  return content.respondents.filter((r) => {
    if (typeof r.id !== "string" || seen.has(r.id)) return false;
    seen.add(r.id);
    return respondentRole(roles, r)?.id === role.id;
  });
}

/**
 * Per role of the instrument: how many this assessment has and needs, and for a per-locus role how
 * many the team still needs, counted over `locusOthers` (the locus's other assessments of the same
 * period that the device holds). An empty list for a format-1 instrument.
 */
export function roleTallies(
  instrument: Instrument,
  content: AssessmentContent,
  locusOthers: readonly AssessmentContent[] = [],
): RoleTally[] {
  return (instrument.roles ?? []).map((role) => {
    const mine = respondentsOfRole(instrument, content, role);
    const byPhone = mine.filter((r) => interviewMode(role, r) === "phone").length;
    if (role.scope === "unit") return { role, here: mine.length, neededHere: role.quota, byPhone };
    const have =
      mine.length +
      locusOthers.reduce((n, other) => n + respondentsOfRole(instrument, other, role).length, 0);
    return {
      role,
      here: mine.length,
      neededHere: Math.min(role.quota, role.minPerUnit ?? 1),
      byPhone,
      locus: { have, stillNeeded: Math.max(0, role.quota - have), assessments: locusOthers.length + 1 },
    };
  });
}

/**
 * The most respondents of a kind one checklist is expected to hold (before the push margin): the
 * required count for format 1; for format 2 the full quota of every role of that kind — a per-locus
 * role's whole quota may be interviewed at one unit (e.g. every user of a pemda met at its RSUD).
 */
export function expectedRespondents(instrument: Instrument, kind: "official" | "user"): number {
  const roles = instrument.roles;
  if (roles === undefined) return requiredCount(instrument, kind);
  return Math.max(
    requiredCount(instrument, kind),
    roles.filter((r) => r.kind === kind).reduce((n, r) => n + r.quota, 0),
  );
}
