// What the shared reducer needs from the device database: the parsed instrument of an assessment,
// its assignment (for assessment.create), the device's clientId and user, and the clock.
//
// Invariants kept here:
// - reads only (callers run these inside their own transaction, so the context and the write
//   see the same snapshot);
// - a parsed instrument is cached by "id@version": an instrument version never changes content
//   (a new content is a new version), so the cache can never serve stale rules.

import { parseInstrument } from "../../domain/instrument/parse-instrument";
import type { Instrument } from "../../domain/instrument/types";
import { instrumentKey } from "../../domain/instrument/types";
import type { ApplyContext, ContextFor } from "../../domain/sync";
import type { PatuhDb } from "./database";
import type { AssessmentState, Assignment, InstrumentRecord, Mutation } from "./protocol-types";
import { getInstrument } from "./synced";

export interface DeviceIdentity {
  clientId: string;
  /** The logged-in user (authorship in the local view only: the server records its own). */
  userId: string;
}

const parsedInstruments = new Map<string, Instrument>();

/** The instrument version if it was parsed before (no read: the edit path asks this first). */
export function cachedInstrument(id: string, version: number): Instrument | undefined {
  return parsedInstruments.get(instrumentKey(id, version));
}

/** Parses a stored instrument record once per version; undefined when it does not parse. */
export function rememberInstrument(record: InstrumentRecord): Instrument | undefined {
  const key = instrumentKey(record.id, record.version);
  const cached = parsedInstruments.get(key);
  if (cached) return cached;
  const parsed = parseInstrument(record.definition);
  if (!parsed.ok) return undefined;
  parsedInstruments.set(key, parsed.instrument);
  return parsed.instrument;
}

/** The instrument an assessment or a create mutation uses, parsed once per version. */
export async function loadInstrument(
  db: PatuhDb,
  id: string,
  version: number,
): Promise<Instrument | undefined> {
  const cached = cachedInstrument(id, version);
  if (cached) return cached;
  const record = await getInstrument(db, id, version);
  return record ? rememberInstrument(record) : undefined;
}

/**
 * Which instrument version a mutation applies under: the state's own, or the one create names;
 * undefined when there is neither (the reducer will answer assessment_not_found).
 */
export function instrumentOf(
  mutation: Mutation,
  state: AssessmentState | undefined,
): [string, number] | undefined {
  if (mutation.name === "assessment.create")
    return [mutation.args.instrumentId, mutation.args.instrumentVersion];
  return state ? [state.instrumentId, state.instrumentVersion] : undefined;
}

/**
 * The reducer's context from reference data already read: undefined when the device lacks the
 * instrument (or the mutation names none and needs one).
 */
export function contextFrom(
  mutation: Mutation,
  state: AssessmentState | undefined,
  identity: DeviceIdentity,
  nowIso: string,
  instrument: Instrument | undefined,
  assignment: Assignment | undefined,
): ApplyContext | undefined {
  if (!instrumentOf(mutation, state)) {
    // No state and not a create: the reducer answers assessment_not_found; any instrument will do.
    return { instrument: PLACEHOLDER_INSTRUMENT, ...identity, now: nowIso };
  }
  if (!instrument) return undefined;
  if (mutation.name !== "assessment.create") return { instrument, ...identity, now: nowIso };
  return { instrument, ...identity, now: nowIso, ...(assignment ? { assignment } : {}) };
}

/**
 * A synchronous resolver for rebase over many assessments: preloads every instrument and assignment
 * (a device holds a handful of each), so the rebase loop itself never awaits.
 */
export async function preloadContextResolver(
  db: PatuhDb,
  identity: DeviceIdentity,
  nowIso: string,
): Promise<ContextFor> {
  const records = await db.instruments.toArray();
  const instruments = new Map<string, Instrument>();
  for (const r of records) {
    const parsed = await loadInstrument(db, r.id, r.version);
    if (parsed) instruments.set(instrumentKey(r.id, r.version), parsed);
  }
  const assignments = new Map<string, Assignment>((await db.assignments.toArray()).map((a) => [a.id, a]));
  return (mutation, state) => {
    const which = instrumentOf(mutation, state);
    const instrument = which ? instruments.get(instrumentKey(which[0], which[1])) : undefined;
    const assignment =
      mutation.name === "assessment.create" ? assignments.get(mutation.args.assignmentId) : undefined;
    return contextFrom(mutation, state, identity, nowIso, instrument, assignment);
  };
}

/** Never consulted: only passed when the reducer will refuse for lack of an assessment. */
const PLACEHOLDER_INSTRUMENT: Instrument = Object.freeze({
  id: "",
  version: 0,
  title: { id: "", en: "" },
  levels: {},
  scales: {},
  dimensions: [],
}) as Instrument;
