// What the home (Beranda) shows, computed from the device's data: the user's assignments grouped by
// pemda, each unit with its state in words, and whether the device is ready to work offline.
// Pure functions (no Dexie, no DOM), so the rules are unit-tested on plain objects.
import { type HomeData, myAssignments } from "../../db/home-read";
import type { AssessmentState } from "../../db/protocol-types";
import type { AssessmentSyncState } from "../../db/sync-info";

export type { HomeData };
export { myAssignments };

export type UnitState = "not-started" | AssessmentSyncState;

export interface UnitRow {
  assignmentId: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  plannedDate: string | null;
  assessmentId: string | null;
  state: UnitState;
  pendingCount: number;
  /** Open conflicts or refused edits on this unit's assessment. */
  needsAttention: boolean;
  href: string;
}

export interface PemdaGroup {
  pemdaId: string;
  name: string;
  units: UnitRow[];
}

export type AssessmentRef = Pick<AssessmentState, "id" | "assignmentId" | "updatedAt">;

/** When several assessments exist for one assignment (two devices started it), show the latest. */
function latestByAssignment(assessments: readonly AssessmentRef[]): Map<string, AssessmentRef> {
  const latest = new Map<string, AssessmentRef>();
  for (const a of assessments) {
    const seen = latest.get(a.assignmentId);
    if (!seen || a.updatedAt > seen.updatedAt) latest.set(a.assignmentId, a);
  }
  return latest;
}

const collator = new Intl.Collator("id");

export function groupAssignments(data: HomeData): PemdaGroup[] {
  const pemdaById = new Map(data.pemda.map((p) => [p.id, p]));
  const unitById = new Map(data.units.map((u) => [u.id, u]));
  const infoById = new Map(data.syncInfo.map((i) => [i.assessmentId, i]));
  const assessmentOf = latestByAssignment(data.assessments);
  const groups = new Map<string, PemdaGroup>();

  for (const assignment of myAssignments(data)) {
    const unit = unitById.get(assignment.unitId);
    const assessment = assessmentOf.get(assignment.id);
    const info = assessment ? infoById.get(assessment.id) : undefined;
    const row: UnitRow = {
      assignmentId: assignment.id,
      unitId: assignment.unitId,
      // A unit missing from the device is still listed (the readiness line says data is incomplete).
      unitName: unit?.name ?? "—",
      unitKind: unit?.kind ?? "",
      plannedDate: assignment.plannedDate,
      assessmentId: assessment?.id ?? null,
      state: assessment ? (info?.state ?? "draft") : "not-started",
      pendingCount: info?.pendingCount ?? 0,
      needsAttention: (info?.conflicts ?? 0) + (info?.rejections ?? 0) > 0,
      href: assessment ? `/penilaian/${assessment.id}` : `/penugasan/${assignment.id}`,
    };
    let group = groups.get(assignment.pemdaId);
    if (!group) {
      group = {
        pemdaId: assignment.pemdaId,
        name: pemdaById.get(assignment.pemdaId)?.name ?? "—",
        units: [],
      };
      groups.set(assignment.pemdaId, group);
    }
    group.units.push(row);
  }

  const list = [...groups.values()];
  for (const group of list) {
    group.units.sort(
      (a, b) =>
        (a.plannedDate ?? "9999").localeCompare(b.plannedDate ?? "9999") ||
        collator.compare(a.unitName, b.unitName),
    );
  }
  return list.sort((a, b) => collator.compare(a.name, b.name));
}

export type MissingPart = "never-synced" | "period" | "instrument" | "units" | "pemda" | "service-worker";

/**
 * Ready offline = a pull has completed, and the period, its instrument, every assigned unit and pemda
 * are stored, and the service worker controls the page (so the app itself opens with no network).
 * Returns what is missing, in a fixed order; empty means ready.
 */
export function missingForOffline(data: HomeData, serviceWorkerControls: boolean): MissingPart[] {
  const missing: MissingPart[] = [];
  if (!data.pulled) missing.push("never-synced");
  const mine = myAssignments(data);
  const periods = new Map(data.periods.map((p) => [p.id, p]));
  const instruments = new Set(data.instrumentKeys.map(([id, version]) => `${id}@${version}`));
  const periodIds = new Set(mine.map((a) => a.periodId));
  if ([...periodIds].some((id) => !periods.has(id))) missing.push("period");
  const needsInstrument = [...periodIds].some((id) => {
    const period = periods.get(id);
    return period !== undefined && !instruments.has(`${period.instrumentId}@${period.instrumentVersion}`);
  });
  if (needsInstrument) missing.push("instrument");
  const unitIds = new Set(data.units.map((u) => u.id));
  if (mine.some((a) => !unitIds.has(a.unitId))) missing.push("units");
  const pemdaIds = new Set(data.pemda.map((p) => p.id));
  if (mine.some((a) => !pemdaIds.has(a.pemdaId))) missing.push("pemda");
  if (!serviceWorkerControls) missing.push("service-worker");
  return missing;
}
