// English texts of the 2025 method on the assessor's checklist; typed against the Indonesian ones.
import type { method25DeviceMessagesId } from "./method25-device-id";

export const method25DeviceMessagesEn: Record<keyof typeof method25DeviceMessagesId, string> = {
  m25RoleTitle: "{role}: {count} of {needed}",
  m25RoleAdd: "Add {role}",
  m25RoleLabel: "{role} {n}",
  m25RolePerUnit: "Quota {quota} per unit.",
  m25RolePerLocus:
    "Quota {quota} per locus, shared by its units; this unit needs at least {min}. The team has interviewed {have} (over {units} checklists on this device) and still needs {still}.",
  m25RolePerLocusDone: "Locus quota of {quota} reached ({have}, over {units} checklists on this device).",
  m25Mode: "Interview mode",
  m25ModeOnSite: "In person, on site",
  m25ModePhone: "By phone",
  m25CallAt: "Time of the phone call",
  m25CallMinutes: "Call duration (minutes)",
  m25CallHint: "A phone interview records the call time instead of a photo.",
  m25Secondary: "Secondary data ({providers}): valued by the office for this locus, not asked at the unit.",
  m25Inferred: "weight inferred",
  m25Composite: "Composite",
  m25CompositeRow: "{points} of {weight}",
  m25SecondaryPending: "Secondary data not valued by the office yet: it counts 0 until then.",
  m25QualifierPending:
    "The \u201c{qualifier}\u201d qualifier is decided from oversight follow-ups (by the office).",
};
