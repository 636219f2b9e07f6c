// Test-only builders for the device data layer (unit tests of db/ and sync/, and the client
// integration tests). Never imported by the app.
import instrumentJson from "../../../../assets/instrument/ori-kepatuhan-2023.json";
import { parseInstrument } from "../../../domain/instrument/parse-instrument";
import { type ApplyContext, rebase } from "../../../domain/sync";
import { openPatuhDb, type PatuhDb } from "../database";
import type {
  AssessmentState,
  Assignment,
  InstrumentRecord,
  Mutation,
  MutationArgsMap,
  Period,
} from "../protocol-types";

export const INSTRUMENT_ID = "ori-kepatuhan-2023";
export const INSTRUMENT_VERSION = 1;

export const instrumentRecord: InstrumentRecord = {
  id: INSTRUMENT_ID,
  version: INSTRUMENT_VERSION,
  definition: instrumentJson,
};

export const fixtureIds = {
  period: "0b7d3c1e-0000-4000-8000-000000000001",
  assignment: "0b7d3c1e-0000-4000-8000-000000000002",
  unit: "0b7d3c1e-0000-4000-8000-000000000003",
  assessment: "0b7d3c1e-0000-4000-8000-000000000004",
  user: "0b7d3c1e-0000-4000-8000-000000000005",
} as const;

export const period: Period = {
  id: fixtureIds.period,
  officeId: "kalbar",
  name: "Penilaian 2026",
  year: 2026,
  instrumentId: INSTRUMENT_ID,
  instrumentVersion: INSTRUMENT_VERSION,
  schemeId: "opini-2022",
  status: "open",
};

export const assignment: Assignment = {
  id: fixtureIds.assignment,
  periodId: fixtureIds.period,
  unitId: fixtureIds.unit,
  pemdaId: "6101",
  team: [fixtureIds.user],
  plannedDate: null,
};

/** Puts the reference data a device needs before it can create an assessment (as a pull would). */
export async function seedReference(db: PatuhDb): Promise<void> {
  await db.transaction("rw", db.instruments, db.periods, db.assignments, async () => {
    await db.instruments.put(instrumentRecord);
    await db.periods.put(period);
    await db.assignments.put(assignment);
  });
}

export function createArgs(
  assessmentId: string = fixtureIds.assessment,
  a: Pick<Assignment, "id" | "unitId"> = assignment,
): MutationArgsMap["assessment.create"] {
  return {
    assessmentId,
    assignmentId: a.id,
    unitId: a.unitId,
    instrumentId: INSTRUMENT_ID,
    instrumentVersion: INSTRUMENT_VERSION,
    visit: { date: "2026-08-01", mode: "scheduled" },
  };
}

/** Unit-level scale_0_3 indicators: any of them takes the values 0..3. */
export const UNIT_SCALE_KEYS = [
  "IN.SP.01",
  "IN.SP.02",
  "IN.SP.03",
  "IN.SP.04",
  "IN.SP.05",
  "IN.SP.06",
  "IN.SP.07",
  "IN.SP.10",
  "PR.06a",
  "PR.06b",
  "PR.07",
  "PGD.01",
  "PGD.03",
] as const;

/** A unit-level checklist indicator and its sub-items. */
export const CHECKLIST_KEY = "IN.SP.08";
export const CHECKLIST_ITEMS = ["a", "b", "c", "d", "e", "f", "g"].map((s) => `IN.SP.08.${s}`);

/** A deterministic small JPEG-looking blob (valid SOI/EOI markers) of `size` bytes. */
export function fakeJpeg(size: number, seed = 1): Blob {
  const bytes = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x & 0xff;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  bytes.set([0xff, 0xd9], size - 2);
  return new Blob([bytes], { type: "image/jpeg" });
}

/**
 * The device databases one test file opens: `open` creates one (named `<prefix>-<n>` unless named)
 * with the reference data seeded, `track` adopts another connection, and `closeAll` (from
 * afterEach) closes and deletes every one of them.
 */
export function testDatabases(prefix: string): {
  open(name?: string): Promise<PatuhDb>;
  track(db: PatuhDb): void;
  closeAll(): Promise<void>;
} {
  let seq = 0;
  const opened: PatuhDb[] = [];
  return {
    async open(name = `${prefix}-${++seq}`) {
      const db = await openPatuhDb(name);
      opened.push(db);
      await seedReference(db);
      return db;
    },
    track(db) {
      opened.push(db);
    },
    async closeAll() {
      for (const db of opened.splice(0)) {
        db.close();
        await db.delete().catch(() => undefined);
      }
    },
  };
}

/**
 * Makes the next append to `outbox` fail as a full disk does (QuotaExceededError thrown by the
 * store's add, after the local view was already written in the same transaction). Returns the
 * undo. Patches IndexedDB itself, so it holds whichever layer (Dexie or raw) issues the append.
 */
export function refuseNextOutboxAppend(): () => void {
  const proto = IDBObjectStore.prototype;
  const original = proto.add;
  proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["add"]>) {
    if (this.name === "outbox") {
      proto.add = original;
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    return original.apply(this, args);
  };
  return () => {
    proto.add = original;
  };
}

/** The server's view: the shared reducer as the server runs it, for the fixture assignment. */
function serverContext(): ApplyContext {
  const parsed = parseInstrument(instrumentRecord.definition);
  if (!parsed.ok) throw new Error("fixture instrument");
  return {
    instrument: parsed.instrument,
    userId: fixtureIds.user,
    clientId: "server-view",
    now: "2026-08-01T05:00:00.000Z",
    assignment,
  };
}

/** Every assessment the server would hold after applying `mutations`, by id. */
export function serverStates(mutations: readonly Mutation[]): Record<string, AssessmentState> {
  return rebase({}, [...mutations], serverContext()).states;
}

/** What the server would hold for one assessment (the fixture's by default) after `mutations`. */
export function serverState(
  mutations: readonly Mutation[],
  assessmentId: string = fixtureIds.assessment,
): AssessmentState {
  const state = serverStates(mutations)[assessmentId];
  if (!state) throw new Error("no state");
  return state;
}
