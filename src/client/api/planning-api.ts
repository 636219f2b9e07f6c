// The planning endpoints (docs/api-planning.md) for the supervisor's online planning screens.
// Thin: one function per endpoint over apiRequest; failures are ApiErrors with the server's code.
import { apiRequest } from "./http";

export interface PlanPeriod {
  id: string;
  officeId: string;
  name: string;
  year: number;
  status: "open" | "closed";
}

export interface MixEntry {
  kind: string;
  count: number;
}

export interface PemdaSample {
  pemdaId: string;
  seed: string;
  mix: MixEntry[];
  unitIds: string[];
  edited: boolean;
  updatedAt: string;
}

export interface PlanUnit {
  id: string;
  kind: string;
  name: string;
  suggestedProducts: string[];
}

export interface PlanPemda {
  id: string;
  code: string;
  name: string;
  kind: string;
  units: PlanUnit[];
  sample: PemdaSample | null;
}

export interface PlanAssessor {
  id: string;
  username: string;
  name: string;
}

export interface PlanAssignment {
  id: string;
  periodId: string;
  unitId: string;
  pemdaId: string;
  team: string[];
  plannedDate: string | null;
  suggestedProducts: string[];
  assessmentCount: number;
}

export interface PeriodPlan {
  period: PlanPeriod;
  pemda: PlanPemda[];
  assessors: PlanAssessor[];
  assignments: PlanAssignment[];
}

export async function fetchPlanPeriods(): Promise<PlanPeriod[]> {
  return ((await apiRequest("GET", "/planning/periods")).body as { periods: PlanPeriod[] }).periods;
}

export async function fetchPeriodPlan(periodId: string): Promise<PeriodPlan> {
  return (await apiRequest("GET", `/planning/periods/${periodId}`)).body as PeriodPlan;
}

const samplePath = (periodId: string, pemdaId: string) =>
  `/planning/periods/${periodId}/pemda/${pemdaId}/sample`;

export async function drawSample(
  periodId: string,
  pemdaId: string,
  body: { seed?: string; mix: MixEntry[] },
): Promise<PemdaSample> {
  return ((await apiRequest("POST", samplePath(periodId, pemdaId), body)).body as { sample: PemdaSample })
    .sample;
}

export async function editSample(periodId: string, pemdaId: string, unitIds: string[]): Promise<PemdaSample> {
  return (
    (await apiRequest("PUT", samplePath(periodId, pemdaId), { unitIds })).body as { sample: PemdaSample }
  ).sample;
}

export async function putAssignment(
  periodId: string,
  unitId: string,
  body: { team: string[]; plannedDate: string | null; suggestedProducts?: string[] },
): Promise<PlanAssignment> {
  const r = await apiRequest("PUT", `/planning/periods/${periodId}/units/${unitId}/assignment`, body);
  return (r.body as { assignment: PlanAssignment }).assignment;
}

export async function deleteAssignment(assignmentId: string): Promise<void> {
  await apiRequest("DELETE", `/planning/assignments/${assignmentId}`);
}

export async function removeMember(assignmentId: string, userId: string): Promise<PlanAssignment> {
  const r = await apiRequest("DELETE", `/planning/assignments/${assignmentId}/members/${userId}`);
  return (r.body as { assignment: PlanAssignment }).assignment;
}
