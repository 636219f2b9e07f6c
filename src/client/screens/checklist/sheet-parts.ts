// The checklist parts the admin's instrument preview renders (screens/admin/preview). Re-exported by
// assessment-screen.tsx so the preview loads them through the assessor screen's own chunk: a second
// importer of these modules would make the bundler split them into a shared chunk, and the
// assessor's checklist route would download one more file for the admin's sake.
import { isFormat2, requiredCount } from "../../../domain";
import { createValueStore } from "../../app/value-store";
import { ChecklistContext } from "./checklist-context";
import { IndicatorGroups } from "./indicator-groups";
import { outlineOf } from "./outline";
import { createSheetNav, SheetNavContext } from "./sheet-nav";

/** A plain object (not a module namespace: that would add the bundler's namespace helper chunk). */
export const sheetParts = {
  isFormat2,
  requiredCount,
  createValueStore,
  ChecklistContext,
  IndicatorGroups,
  outlineOf,
  createSheetNav,
  SheetNavContext,
};

export type SheetParts = typeof sheetParts;
