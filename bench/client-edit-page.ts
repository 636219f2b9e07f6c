// Runs IN CHROMIUM (bundled by bench/client-edit.ts): times one local edit — recordMutation of a
// setAnswer through the real Dexie database over Chromium's real IndexedDB — many times.
import { openPatuhDb } from "../src/client/db/database";
import { recordMutation, setAnswer } from "../src/client/db/edits";
import { createArgs, fixtureIds, seedReference, UNIT_SCALE_KEYS } from "../src/client/db/testing/fixtures";

export interface PageResult {
  samplesMs: number[];
}

async function run(iterations: number, warmup: number): Promise<PageResult> {
  const db = await openPatuhDb(`bench-${Date.now()}`);
  await seedReference(db);
  await recordMutation(db, "assessment.create", createArgs());
  const samplesMs: number[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const key = UNIT_SCALE_KEYS[i % UNIT_SCALE_KEYS.length] ?? "IN.SP.01";
    const t0 = performance.now();
    await setAnswer(db, fixtureIds.assessment, key, i % 4);
    const dt = performance.now() - t0;
    if (i >= warmup) samplesMs.push(dt);
  }
  db.close();
  return { samplesMs };
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
