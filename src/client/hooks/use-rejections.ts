import type { PatuhDb, RejectionRow } from "../db/database";
import { dismissRejection, listRejections } from "../db/rejections";
import { useDevice } from "./use-device";
import { useLiveQuery } from "./use-live-query";

export interface RejectionView {
  row: RejectionRow;
  /** The unit the rejected edit was about, when the device knows it. */
  unitName: string | null;
}

async function readRejections(db: PatuhDb): Promise<RejectionView[]> {
  const rows = await listRejections(db);
  const assessments = await db.assessments.bulkGet([...new Set(rows.map((r) => r.assessmentId))]);
  const unitIds = new Map(assessments.flatMap((a) => (a ? [[a.id, a.unitId] as const] : [])));
  const units = await db.units.bulkGet([...new Set(unitIds.values())]);
  const unitNames = new Map(units.flatMap((u) => (u ? [[u.id, u.name] as const] : [])));
  return rows.map((row) => {
    const unitId = unitIds.get(row.assessmentId);
    return { row, unitName: (unitId && unitNames.get(unitId)) || null };
  });
}

/** Edits the server refused and the user has not dismissed yet, newest first, with a dismiss action. */
export function useRejections(): { rejections: RejectionView[]; dismiss(mutationId: number): void } {
  const { db } = useDevice();
  const rejections = useLiveQuery(() => readRejections(db), [db]) ?? [];
  return {
    rejections,
    dismiss: (mutationId) => {
      dismissRejection(db, mutationId).catch((error: unknown) => console.warn("patuh: dismiss", error));
    },
  };
}
