// Starting the visit: mint the assessment id on the device, record assessment.create (date, start
// time, mode) and then setVisit (team, and the GPS fix when one arrives). Never blocks on GPS: if the
// fix is not there when the assessor taps "Mulai", it is added by a later setVisit when it comes.
import { useEffect, useState } from "preact/hooks";
import type { Instrument } from "../../../domain";
import type { Assignment, VisitMode } from "../../../domain/sync/protocol";
import { MutationRefusedError, type PatuhDb, recordMutation, recordWith, StorageFullError } from "../../db";
import { useDevice } from "../../hooks/use-device";
import { type Fix, locate } from "../../platform/geolocation";
import { ensurePersistentStorage } from "../../platform/storage";

export type GpsState = { kind: "locating" } | { kind: "found"; fix: Fix } | { kind: "unavailable" };

export type StartError = { kind: "full" } | { kind: "refused"; message: string };

/** Local calendar date (the visit's day where the assessor is, not in UTC). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function recordLocation(db: PatuhDb, assessmentId: string, fix: Fix): Promise<void> {
  await recordWith(db, "assessment.setVisit", assessmentId, (current) => ({
    assessmentId,
    visit: {
      date: current?.visit.date ?? localDate(new Date()),
      startedAt: current?.visit.startedAt ?? null,
      endedAt: current?.visit.endedAt ?? null,
      location: fix,
      team: current?.visit.team ?? [],
    },
  }));
}

export function useStartVisit(assignment: Assignment | undefined, instrument: Instrument | undefined) {
  const { db, engine } = useDevice();
  const [gps, setGps] = useState<GpsState>({ kind: "locating" });
  const [fixPromise] = useState(() => locate());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StartError | null>(null);

  useEffect(() => {
    let live = true;
    void fixPromise.then((fix) => {
      if (live) setGps(fix ? { kind: "found", fix } : { kind: "unavailable" });
    });
    return () => {
      live = false;
    };
  }, [fixPromise]);

  const start = async (mode: VisitMode): Promise<string | null> => {
    if (!assignment || !instrument) return null;
    setBusy(true);
    setError(null);
    const assessmentId = crypto.randomUUID();
    const now = new Date();
    const fix = gps.kind === "found" ? gps.fix : null;
    try {
      await recordMutation(db, "assessment.create", {
        assessmentId,
        assignmentId: assignment.id,
        unitId: assignment.unitId,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        visit: { date: localDate(now), startedAt: now.toISOString(), mode },
      });
      await recordMutation(db, "assessment.setVisit", {
        assessmentId,
        visit: {
          date: localDate(now),
          startedAt: now.toISOString(),
          endedAt: null,
          ...(fix ? { location: fix } : {}),
          team: [...assignment.team],
        },
      });
      if (!fix && gps.kind === "locating") {
        // Late fix: recorded as its own edit after the sheet has opened.
        void fixPromise
          .then((late) => (late ? recordLocation(db, assessmentId, late) : undefined))
          .catch(() => undefined);
      }
      engine.scheduleSync();
      void ensurePersistentStorage();
      return assessmentId;
    } catch (e) {
      if (e instanceof StorageFullError) setError({ kind: "full" });
      else setError({ kind: "refused", message: e instanceof MutationRefusedError ? e.message : String(e) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  return { gps, busy, error, start };
}
