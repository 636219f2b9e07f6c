// Runs IN CHROMIUM (bundled by bench/poor-link.ts): a day's work of one assessor synced over the
// emulated poor link with the real device code (Dexie over real IndexedDB, the real sync engine
// and transport). For each checklist: create, answer taps with a sync every `tapsPerSync`, photos
// with a sync every `photosPerSync`. Returns the wall time of every sync; the Node side counts
// bytes and requests on the wire.
import { openPatuhDb } from "../src/client/db/database";
import { recordMutation, setAnswer } from "../src/client/db/edits";
import { storeEvidence } from "../src/client/db/evidence";
import { setDeviceUser } from "../src/client/db/meta";
import { listAssignments } from "../src/client/db/synced";
import { fakeJpeg, UNIT_SCALE_KEYS } from "../src/client/db/testing/fixtures";
import { createSyncEngine } from "../src/client/sync/engine";

export interface PoorLinkConfig {
  userId: string;
  checklists: number;
  taps: number;
  tapsPerSync: number;
  photos: number;
  photosPerSync: number;
  photoBytes: number;
}

export interface PoorLinkPageResult {
  syncs: { label: string; ms: number; ok: boolean }[];
  errors: string[];
}

async function run(cfg: PoorLinkConfig): Promise<PoorLinkPageResult> {
  const db = await openPatuhDb(`poor-link-${Date.now()}`);
  await setDeviceUser(db, cfg.userId);
  const engine = createSyncEngine({ db });
  const syncs: PoorLinkPageResult["syncs"] = [];
  const errors: string[] = [];
  const sync = async (label: string) => {
    const t0 = performance.now();
    const r = await engine.sync();
    syncs.push({ label, ms: performance.now() - t0, ok: r.ok });
    if (!r.ok) errors.push(`${label}: ${JSON.stringify(r.problem)}`);
  };
  await sync("first pull");
  const assignments = (await listAssignments(db)).slice(0, cfg.checklists);
  const period = await db.periods.toCollection().first();
  if (period === undefined || assignments.length < cfg.checklists) {
    throw new Error(`first pull brought ${assignments.length} assignments`);
  }
  let seed = 1;
  for (const [c, a] of assignments.entries()) {
    const assessmentId = crypto.randomUUID();
    await recordMutation(db, "assessment.create", {
      assessmentId,
      assignmentId: a.id,
      unitId: a.unitId,
      instrumentId: period.instrumentId,
      instrumentVersion: period.instrumentVersion,
      visit: { date: "2026-08-01", mode: "scheduled" },
    });
    await sync(`checklist ${c + 1}: create`);
    for (let t = 0; t < cfg.taps; t++) {
      const key = UNIT_SCALE_KEYS[t % UNIT_SCALE_KEYS.length] ?? "IN.SP.01";
      await setAnswer(db, assessmentId, key, (t + c) % 4);
      if ((t + 1) % cfg.tapsPerSync === 0 || t === cfg.taps - 1) await sync(`checklist ${c + 1}: taps`);
    }
    for (let p = 0; p < cfg.photos; p++) {
      const blob = fakeJpeg(cfg.photoBytes, seed++);
      const stored = await storeEvidence(db, blob, { width: 1600, height: 1200 });
      await recordMutation(db, "assessment.attachEvidence", {
        assessmentId,
        key: UNIT_SCALE_KEYS[p % UNIT_SCALE_KEYS.length] ?? "IN.SP.01",
        evidence: {
          sha256: stored.sha256,
          mime: "image/jpeg",
          bytes: stored.bytes,
          width: 1600,
          height: 1200,
          takenAt: new Date().toISOString(),
        },
      });
      if ((p + 1) % cfg.photosPerSync === 0 || p === cfg.photos - 1) await sync(`checklist ${c + 1}: photos`);
    }
  }
  db.close();
  return { syncs, errors };
}

(globalThis as unknown as { runPoorLink: typeof run }).runPoorLink = run;
