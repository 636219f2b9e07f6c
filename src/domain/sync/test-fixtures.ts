// Builders shared by the sync unit tests (not exported from index.ts).
import instrumentJson from "../../../assets/instrument/ori-kepatuhan-2023.json";
import { parseInstrument } from "../instrument/parse-instrument";
import type { Instrument } from "../instrument/types";
import type { ApplyContext } from "./apply";
import type { Assignment, Mutation, MutationArgsMap, MutationName } from "./protocol";

function load(): Instrument {
  const parsed = parseInstrument(instrumentJson);
  if (!parsed.ok) throw new Error(`default instrument does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.instrument;
}

export const instrument = load();

export const ids = {
  assessment: "6f1c2b1e-1111-4a2b-8c3d-000000000001",
  assignment: "6f1c2b1e-2222-4a2b-8c3d-000000000002",
  unit: "6f1c2b1e-3333-4a2b-8c3d-000000000003",
  period: "6f1c2b1e-4444-4a2b-8c3d-000000000004",
  userA: "6f1c2b1e-5555-4a2b-8c3d-000000000005",
  userB: "6f1c2b1e-6666-4a2b-8c3d-000000000006",
  clientA: "6f1c2b1e-7777-4a2b-8c3d-000000000007",
  clientB: "6f1c2b1e-8888-4a2b-8c3d-000000000008",
  product1: "6f1c2b1e-9999-4a2b-8c3d-000000000009",
  official1: "6f1c2b1e-aaaa-4a2b-8c3d-00000000000a",
} as const;

export const assignment: Assignment = {
  id: ids.assignment,
  periodId: ids.period,
  unitId: ids.unit,
  pemdaId: "6101",
  team: [ids.userA, ids.userB],
  plannedDate: null,
};

export function ctxFor(who: "A" | "B" = "A", now = "2026-08-01T03:00:00.000Z"): ApplyContext {
  return {
    instrument,
    userId: who === "A" ? ids.userA : ids.userB,
    clientId: who === "A" ? ids.clientA : ids.clientB,
    now,
    assignment,
  };
}

export function mut<N extends MutationName>(id: number, name: N, args: MutationArgsMap[N]): Mutation {
  return { id, name, args, at: "2026-08-01T02:03:04Z" } as Mutation;
}

export function createMutation(id = 1): Mutation {
  return mut(id, "assessment.create", {
    assessmentId: ids.assessment,
    assignmentId: ids.assignment,
    unitId: ids.unit,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    visit: { date: "2026-08-01", mode: "scheduled" },
  });
}
