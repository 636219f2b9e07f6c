// The lembar penilaian as the screens see it: the local view of one assessment (server state + this
// device's pending edits), its parsed instrument, the unit and the period's banding scheme, followed
// live (this tab, the sync engine and other tabs all land here through Dexie's liveQuery).
import { type BandingScheme, BUILTIN_SCHEMES, DEFAULT_SCHEME_ID, type Instrument } from "../../domain";
import type { AssessmentState, Assignment, PublicUser, Unit } from "../../domain/sync/protocol";
import { firstScreenShown } from "../app/first-screen";
// Straight from the db modules, not the db barrel: the barrel would bring the edit and carry-over
// code onto the checklist's first download (issue #20, checklist route ≤ 100 KiB).
import { getAssessment, listAssessmentsOfAssignment } from "../db/assessments";
import type { PatuhDb } from "../db/database";
import { loadInstrument } from "../db/reducer-context";
import { getAssignment, getUnit, getUser, listPeriods } from "../db/synced";
import { useDevice } from "./use-device";
import { useLiveQuery } from "./use-live-query";

export interface AssessmentData {
  state: AssessmentState;
  instrument: Instrument;
  unit: Unit | undefined;
  scheme: BandingScheme;
  /** Names of the authors of conflicting values (user id → name), as far as the device knows them. */
  people: ReadonlyMap<string, string>;
}

export type Loaded<T> = { status: "loading" } | { status: "missing" } | { status: "ready"; value: T };

async function schemeOfPeriod(db: PatuhDb, periodId: string): Promise<BandingScheme> {
  const period = (await listPeriods(db)).find((p) => p.id === periodId);
  const fallback = BUILTIN_SCHEMES[DEFAULT_SCHEME_ID] as BandingScheme;
  return (period && BUILTIN_SCHEMES[period.schemeId]) ?? fallback;
}

async function readAssessment(db: PatuhDb, id: string): Promise<AssessmentData | null> {
  const state = await getAssessment(db, id);
  if (!state) return null;
  const authors = [...new Set(state.conflicts.flatMap((c) => c.values.map((v) => v.by)))];
  const [instrument, unit, scheme, users] = await Promise.all([
    loadInstrument(db, state.instrumentId, state.instrumentVersion),
    getUnit(db, state.unitId),
    schemeOfPeriod(db, state.periodId),
    Promise.all(authors.map((userId) => getUser(db, userId))),
  ]);
  if (!instrument) return null;
  const people = new Map<string, string>();
  for (const user of users) if (user) people.set(user.id, user.name);
  // Parsed through the data layer's cache (db/reducer-context.ts), so the first tap's edit finds the
  // instrument parsed already. The sheet renders in this task's microtasks: the first screen is up.
  setTimeout(firstScreenShown, 0);
  return { state, instrument, unit, scheme, people };
}

function loaded<T>(value: T | null | undefined, ready: boolean): Loaded<T> {
  if (!ready) return { status: "loading" };
  return value === null || value === undefined ? { status: "missing" } : { status: "ready", value };
}

export function useAssessment(id: string): Loaded<AssessmentData> {
  const { db } = useDevice();
  const result = useLiveQuery(async () => ({ data: await readAssessment(db, id) }), [db, id]);
  return loaded(result?.data, result !== undefined);
}

export interface AssignmentData {
  assignment: Assignment;
  unit: Unit | undefined;
  team: PublicUser[];
  instrument: Instrument | undefined;
  /** The assessment already started for this assignment on this device, if any. */
  existingId: string | null;
}

async function readAssignment(db: PatuhDb, id: string): Promise<AssignmentData | null> {
  const assignment = await getAssignment(db, id);
  if (!assignment) return null;
  const [unit, team, existing, periods] = await Promise.all([
    getUnit(db, assignment.unitId),
    Promise.all(assignment.team.map((userId) => getUser(db, userId))),
    listAssessmentsOfAssignment(db, id),
    listPeriods(db),
  ]);
  const period = periods.find((p) => p.id === assignment.periodId);
  const instrument = period
    ? await loadInstrument(db, period.instrumentId, period.instrumentVersion)
    : undefined;
  return {
    assignment,
    unit,
    team: team.filter((u): u is PublicUser => u !== undefined),
    instrument,
    existingId: existing[0]?.id ?? null,
  };
}

export function useAssignment(id: string): Loaded<AssignmentData> {
  const { db } = useDevice();
  const result = useLiveQuery(async () => ({ data: await readAssignment(db, id) }), [db, id]);
  return loaded(result?.data, result !== undefined);
}
