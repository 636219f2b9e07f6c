// Runs IN CHROMIUM, inside the real app's origin (bundled by bench/device-field.ts with esbuild and
// evaluated through the DevTools protocol, which the app's CSP does not govern). Seeds a heavy field
// user's device through the app's own Dexie schema (src/client/db/database.ts: same table names,
// same keys, version 1), so the rows are exactly what the app itself would have stored, and makes
// the JPEG photos with OffscreenCanvas (real, decodable JPEG files).

import type { AssessmentSyncRow, EvidenceRow, UserMeta } from "../src/client/db/database";
import { openPatuhDb } from "../src/client/db/database";
import { buildAnswerKey } from "../src/domain/answers/answer-key";
import { orderedIndicators } from "../src/domain/instrument/instrument-index";
import { parseInstrument } from "../src/domain/instrument/parse-instrument";
import type { Instrument, LevelId } from "../src/domain/instrument/types";
import type { AnswerValue, AssessmentState, EvidenceRef } from "../src/domain/sync/protocol";

/** Deterministic PRNG (mulberry32): the same seed draws the same picture. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A photo-like JPEG: a lit gradient "wall", blurred shapes (a notice board, posters, people) and
 * sensor-like noise of `noise` amplitude, all drawn from `seed`, so every seed is a different image.
 */
export async function makeJpeg(
  width: number,
  height: number,
  seed: number,
  quality: number,
  noise: number,
): Promise<Blob> {
  const random = rng(seed);
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext("2d");
  if (!g) throw new Error("no 2d context");
  const hue = Math.floor(random() * 360);
  const bg = g.createLinearGradient(0, 0, width * random(), height);
  bg.addColorStop(0, `hsl(${hue} 30% ${40 + random() * 30}%)`);
  bg.addColorStop(1, `hsl(${(hue + 60) % 360} 25% ${20 + random() * 30}%)`);
  g.fillStyle = bg;
  g.fillRect(0, 0, width, height);
  const scale = width / 1600;
  for (let i = 0; i < 60; i++) {
    g.fillStyle = `hsla(${Math.floor(random() * 360)} ${Math.floor(random() * 70)}% ${Math.floor(random() * 90)}% / ${0.3 + random() * 0.7})`;
    const x = random() * width;
    const y = random() * height;
    if (i % 3 === 0) {
      g.beginPath();
      g.arc(x, y, (10 + random() * 160) * scale, 0, Math.PI * 2);
      g.fill();
    } else {
      g.fillRect(x, y, (20 + random() * 400) * scale, (20 + random() * 300) * scale);
    }
  }
  g.fillStyle = "#111";
  g.font = `${Math.round(40 * scale)}px sans-serif`;
  for (let i = 0; i < 12; i++) {
    g.fillText(`MAKLUMAT PELAYANAN ${seed}-${i}`, random() * width * 0.6, random() * height);
  }
  if (noise > 0) {
    const image = g.getImageData(0, 0, width, height);
    const d = image.data;
    let s = (seed * 2654435761) >>> 0;
    for (let i = 0; i < d.length; i += 4) {
      // xorshift: cheap per-pixel luminance noise, like a phone sensor in indoor light
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const n = ((s & 0xff) / 255 - 0.5) * noise;
      d[i] = (d[i] ?? 0) + n;
      d[i + 1] = (d[i + 1] ?? 0) + n;
      d[i + 2] = (d[i + 2] ?? 0) + n;
    }
    g.putImageData(image, 0, 0);
  }
  return canvas.convertToBlob({ type: "image/jpeg", quality });
}

/**
 * The same picture with a JPEG comment segment (FFFE) right after the start-of-image marker: still a
 * valid JPEG that every decoder shows identically, but other bytes, hence another sha256.
 */
function withComment(jpeg: Uint8Array<ArrayBuffer>, text: string): Blob {
  const payload = new TextEncoder().encode(text);
  const segment = new Uint8Array(4 + payload.length);
  segment.set([0xff, 0xfe, ((payload.length + 2) >> 8) & 0xff, (payload.length + 2) & 0xff]);
  segment.set(payload, 4);
  return new Blob([jpeg.subarray(0, 2), segment, jpeg.subarray(2)], { type: "image/jpeg" });
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function jpegBase64(
  width: number,
  height: number,
  seed: number,
  quality: number,
  noise: number,
): Promise<string> {
  const bytes = new Uint8Array(await (await makeJpeg(width, height, seed, quality, noise)).arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export interface SeedOptions {
  dbName: string;
  assessments: number;
  photos: number;
  /** Differently drawn pictures; the other photos are comment-segment variants of these. */
  distinctPictures: number;
  /** Assignments left without a seeded assessment (the bench starts a new visit on one). */
  keepFree: number;
}

export interface SeedResult {
  assessments: number;
  photos: number;
  photoBytes: number;
  minPhotoBytes: number;
  maxPhotoBytes: number;
  distinctPictures: number;
  answersPerAssessment: number;
  freeAssignmentIds: string[];
  ms: number;
}

interface Slot {
  key: string;
  evidence: string;
  options: AnswerValue[];
  checklist: string[] | null;
}

function slotsOf(instrument: Instrument, instances: Record<Exclude<LevelId, "unit">, string[]>): Slot[] {
  const slots: Slot[] = [];
  for (const entry of orderedIndicators(instrument)) {
    const { indicator, scale } = entry;
    const ids = indicator.level === "unit" ? [null] : instances[indicator.level];
    const options =
      scale.kind === "options"
        ? scale.options.filter((o) => o.value !== null).map((o) => o.code ?? o.value)
        : [];
    const checklist = scale.kind === "checklist" ? (indicator.subitems ?? []).map((s) => s.id) : null;
    for (const instanceId of ids) {
      const base =
        instanceId === null
          ? buildAnswerKey({ indicatorId: indicator.id })
          : buildAnswerKey({ indicatorId: indicator.id, level: indicator.level, instanceId });
      const parts = indicator.media && indicator.media.length > 0 ? indicator.media : [null];
      for (const part of parts) {
        slots.push({
          key: part === null ? base : `${base}#${part}`,
          evidence: indicator.evidence,
          options: options as AnswerValue[],
          checklist,
        });
      }
    }
  }
  return slots;
}

export async function seedDevice(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const db = await openPatuhDb(options.dbName);
  try {
    const [instruments, assignments, periods, userRow] = await Promise.all([
      db.instruments.toArray(),
      db.assignments.toArray(),
      db.periods.toArray(),
      db.meta.get("user"),
    ]);
    const userId = (userRow as UserMeta | undefined)?.userId ?? "";
    const period = periods[0];
    if (!period) throw new Error("no period on the device: sync first");
    const record = instruments.find(
      (i) => i.id === period.instrumentId && i.version === period.instrumentVersion,
    );
    if (!record) throw new Error("the period's instrument is not on the device");
    const parsed = parseInstrument(record.definition);
    if (!parsed.ok) throw new Error("the instrument does not parse");
    const instrument = parsed.instrument;
    const mine = assignments.filter((a) => a.team.includes(userId));
    if (mine.length <= options.keepFree) throw new Error(`only ${mine.length} assignments for ${userId}`);
    const free = mine.slice(0, options.keepFree);
    const used = mine.slice(options.keepFree);
    const device = await db.meta.get("device");
    const clientId = device && "clientId" in device ? device.clientId : crypto.randomUUID();

    // Photos first: the assessments reference them by hash.
    const random = rng(20261123);
    const pictures: Uint8Array<ArrayBuffer>[] = [];
    for (let i = 0; i < options.distinctPictures; i++) {
      const blob = await makeJpeg(1600, 1200, 1000 + i, 0.8, 18);
      pictures.push(new Uint8Array(await blob.arrayBuffer()));
    }
    const evidenceRefs: EvidenceRef[][] = Array.from({ length: options.assessments }, () => []);
    let photoBytes = 0;
    let minPhotoBytes = Number.POSITIVE_INFINITY;
    let maxPhotoBytes = 0;
    const photoMeta: { sha256: string; bytes: number; assessment: number }[] = [];
    const CHUNK = 50;
    for (let start = 0; start < options.photos; start += CHUNK) {
      const rows: EvidenceRow[] = [];
      for (let i = start; i < Math.min(options.photos, start + CHUNK); i++) {
        const picture = pictures[i % pictures.length] as Uint8Array<ArrayBuffer>;
        const blob =
          i < pictures.length
            ? new Blob([picture], { type: "image/jpeg" })
            : withComment(picture, `patuh-bench photo ${i}`);
        const sha256 = await sha256Hex(blob);
        photoBytes += blob.size;
        minPhotoBytes = Math.min(minPhotoBytes, blob.size);
        maxPhotoBytes = Math.max(maxPhotoBytes, blob.size);
        rows.push({
          sha256,
          blob,
          mime: "image/jpeg",
          bytes: blob.size,
          width: 1600,
          height: 1200,
          // A heavy user who synced most of it: one in ten still waits for upload.
          uploadState: i % 10 === 0 ? "pending" : "uploaded",
          addedAt: new Date(Date.UTC(2026, 7, 1) + i * 60_000).toISOString(),
        });
        photoMeta.push({ sha256, bytes: blob.size, assessment: i % options.assessments });
      }
      await db.evidence.bulkPut(rows);
    }

    let answersPerAssessment = 0;
    const states: AssessmentState[] = [];
    const syncRows: AssessmentSyncRow[] = [];
    for (let n = 0; n < options.assessments; n++) {
      const assignment = used[n % used.length];
      if (!assignment) throw new Error("no assignment");
      const products = [0, 1, 2].slice(0, 2 + (n % 2)).map((i) => ({
        id: crypto.randomUUID(),
        name: `Produk layanan ${i + 1}`,
      }));
      const officials = [0, 1, 2, 3].map(() => crypto.randomUUID());
      const users = [0, 1, 2, 3, 4].map(() => crypto.randomUUID());
      const respondents = [
        ...officials.map((id, i) => ({
          id,
          kind: "official" as const,
          profile: { name: `Petugas ${i + 1}`, position: i === 0 ? "head" : "staff" },
        })),
        ...users.map((id, i) => ({
          id,
          kind: "user" as const,
          profile: { name: `Pengguna ${i + 1}`, gender: i % 2 === 0 ? "f" : "m", age: 20 + i * 7 },
        })),
      ];
      const slots = slotsOf(instrument, {
        product: products.map((p) => p.id),
        official: officials,
        user: users,
      });
      const status = n % 10 === 0 ? "draft" : n % 3 === 0 ? "approved" : "submitted";
      const at = new Date(Date.UTC(2026, 7, 1) + n * 3_600_000).toISOString();
      const answers: Record<string, AnswerValue> = {};
      const answerAuthors: Record<string, { by: string; clientId: string; at: string }> = {};
      for (const slot of slots) {
        // Drafts are half done; the rest complete.
        if (status === "draft" && random() < 0.5) continue;
        const value: AnswerValue = slot.checklist
          ? slot.checklist.filter(() => random() < 0.7)
          : (slot.options[Math.floor(random() * slot.options.length)] ?? null);
        answers[slot.key] = value;
        answerAuthors[slot.key] = { by: userId, clientId, at };
      }
      answersPerAssessment = Math.max(answersPerAssessment, Object.keys(answers).length);
      const photoSlots = slots.filter((s) => s.evidence === "photo_required");
      const evidence = evidenceRefs[n] as EvidenceRef[];
      for (const photo of photoMeta.filter((p) => p.assessment === n)) {
        const slot = photoSlots[evidence.length % Math.max(1, photoSlots.length)];
        evidence.push({
          key: (slot?.key ?? "IN.SP.05").replace(/#.*$/, ""),
          sha256: photo.sha256,
          mime: "image/jpeg",
          bytes: photo.bytes,
          width: 1600,
          height: 1200,
          takenAt: at,
        });
      }
      states.push({
        id: crypto.randomUUID(),
        assignmentId: assignment.id,
        unitId: assignment.unitId,
        pemdaId: assignment.pemdaId,
        periodId: assignment.periodId,
        instrumentId: record.id,
        instrumentVersion: record.version,
        status,
        visit: {
          date: at.slice(0, 10),
          startedAt: at,
          endedAt: status === "draft" ? null : at,
          mode: n % 4 === 0 ? "unannounced" : "scheduled",
          location: { lat: -0.0263 + random() * 0.1, lon: 109.3425 + random() * 0.1, accuracyM: 12 },
          team: assignment.team,
        },
        answers,
        notes: n % 5 === 0 ? { general: "Kunjungan berjalan lancar; papan informasi diperbarui." } : {},
        products,
        respondents,
        evidence,
        conflicts: [],
        reviewComments: [],
        authors: { answers: answerAuthors, notes: {} },
        createdBy: userId,
        createdAt: at,
        submittedAt: status === "draft" ? null : at,
        revision: Object.keys(answers).length + products.length + respondents.length + evidence.length + 1,
        updatedAt: at,
      });
      syncRows.push({ id: states[n]?.id ?? "", lastSyncedAt: at });
    }
    // Everything synced: server view == local view, nothing in the outbox (invariant 2 holds).
    await db.transaction("rw", [db.assessments, db.serverAssessments, db.assessmentSync], async () => {
      await db.serverAssessments.bulkPut(states);
      await db.assessments.bulkPut(states);
      await db.assessmentSync.bulkPut(syncRows);
    });
    return {
      assessments: states.length,
      photos: photoMeta.length,
      photoBytes,
      minPhotoBytes,
      maxPhotoBytes,
      distinctPictures: pictures.length,
      answersPerAssessment,
      freeAssignmentIds: free.map((a) => a.id),
      ms: Math.round(performance.now() - started),
    };
  } finally {
    db.close();
  }
}

let benchDb: IDBDatabase | undefined;

/** A raw IndexedDB connection (no Dexie: a read here is what the device holds, nothing cached). */
async function rawDb(dbName: string): Promise<IDBDatabase> {
  if (benchDb) return benchDb;
  benchDb = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return benchDb;
}

function rawGet<T>(db: IDBDatabase, store: string, key: string): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Clicks one radio option (element.click(): what a tap dispatches) and waits for the app's edit
 * transaction holding the value to commit, then confirms with one read that the device holds it.
 * Returns the milliseconds from just before the click to the commit.
 */
export interface TapTiming {
  /** Click → the app's transaction writing the new value committed (then confirmed by a read). */
  ms: number;
  /** Click → the app's put() of the local view issued (what runs before the write starts). */
  putIssuedMs: number;
  /**
   * Click → the stored value shown: the answer's fieldset says the device holds the new value
   * (data-stored, rendered from the live query after the write) and the next frame is painted.
   */
  shownMs: number;
  /** With `traced`: the app's IndexedDB transactions and requests around the tap. */
  trace?: TraceEvent[];
}

interface PutHook {
  /** When the app issued its put() of the local view for the watched tap. */
  at: number;
  /** When that put's transaction committed (its `complete` event). */
  committedAt: number;
  watch?: { assessmentId: string; key: string; value: string };
}

let putHook: PutHook | undefined;

/**
 * Notes when the app issues the put() of the local view (`assessments`) holding the watched answer,
 * and when that put's transaction commits: the tap is stored at that transaction's `complete` event,
 * timed by a listener the bench adds as each read-write transaction is created, so it runs before
 * any of the app's own handlers (which go on to refresh the screen: not part of storing). Polling the
 * store from the page instead would queue a read transaction ahead of the app's write and hold it up
 * for as long as the main thread is busy: the bench would slow down what it measures.
 */
function hookPuts(): PutHook {
  if (putHook) return putHook;
  const hook: PutHook = { at: Number.NaN, committedAt: Number.NaN };
  putHook = hook;
  const committedAt = new WeakMap<IDBTransaction, number>();
  let watched: IDBTransaction | undefined;
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase["transaction"]>
  ) {
    const tx = transaction.apply(this, args);
    if (tx.mode === "readwrite") {
      // Named, so a CPU profile (PATUH_BENCH_PROFILE) shows where each tap ends.
      tx.addEventListener("complete", function benchCommitted() {
        const at = performance.now();
        committedAt.set(tx, at);
        if (tx === watched) {
          hook.committedAt = at;
          performance.mark("bench:committed");
        }
      });
    }
    return tx;
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
    const w = hook.watch;
    const value = args[0] as Partial<AssessmentState> | undefined;
    if (
      w &&
      this.name === "assessments" &&
      Number.isNaN(hook.at) &&
      value?.id === w.assessmentId &&
      String(value.answers?.[w.key]) === w.value
    ) {
      hook.at = performance.now();
      watched = this.transaction;
    }
    return put.apply(this, args);
  };
  return hook;
}

/** One IndexedDB event during a traced tap: ms after the click, and what happened. */
export type TraceEvent = [number, string];

let trace: { t0: number; events: TraceEvent[] } | undefined;

/**
 * Notes every transaction the app opens (mode, stores, when it completes) and every request it
 * issues, while a traced tap runs (PATUH_BENCH_TRACE=1): what the tap's time is made of.
 */
function hookTrace(): void {
  if ((globalThis as { __patuhTraceHooked?: boolean }).__patuhTraceHooked) return;
  (globalThis as { __patuhTraceHooked?: boolean }).__patuhTraceHooked = true;
  const note = (what: string) => {
    if (trace) trace.events.push([Math.round((performance.now() - trace.t0) * 10) / 10, what]);
  };
  const transaction = IDBDatabase.prototype.transaction;
  let n = 0;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase["transaction"]>
  ) {
    const tx = transaction.apply(this, args);
    if (this.name !== dbName_) return tx;
    const id = ++n;
    const stores = [...tx.objectStoreNames].join(",");
    note(`tx${id} ${tx.mode} [${stores}] opened`);
    tx.addEventListener("complete", () => note(`tx${id} complete`));
    tx.addEventListener("abort", () => note(`tx${id} abort`));
    txIds.set(tx, id);
    return tx;
  };
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as const) {
    for (const op of [
      "get",
      "getAll",
      "getAllKeys",
      "getKey",
      "count",
      "openCursor",
      "openKeyCursor",
      "put",
      "add",
      "delete",
      "clear",
    ]) {
      const original = (proto as unknown as Record<string, unknown>)[op];
      if (typeof original !== "function") continue;
      (proto as unknown as Record<string, unknown>)[op] = function (
        this: IDBObjectStore | IDBIndex,
        ...a: unknown[]
      ) {
        const store = this instanceof IDBIndex ? `${this.objectStore.name}.${this.name}` : this.name;
        const tx = this instanceof IDBIndex ? this.objectStore.transaction : this.transaction;
        note(`  tx${txIds.get(tx) ?? "?"} ${op} ${store}`);
        return (original as (...x: unknown[]) => unknown).apply(this, a);
      };
    }
  }
}

const txIds = new WeakMap<IDBTransaction, number>();
let dbName_ = "";

export async function tapAndWait(
  dbName: string,
  assessmentId: string,
  key: string,
  value: string,
  traced = false,
): Promise<TapTiming> {
  const db = await rawDb(dbName);
  const hook = hookPuts();
  dbName_ = dbName;
  if (traced) hookTrace();
  const input = [...document.querySelectorAll<HTMLFieldSetElement>("fieldset.answer[data-key]")]
    .find((f) => f.dataset.key === key)
    ?.querySelector<HTMLInputElement>(`input[type=radio][value="${value}"]`);
  if (!input) throw new Error(`no option ${value} for ${key}`);
  // The assessor taps what is on the screen: bring the item there first (not timed), and let the
  // throttled page render it.
  input.closest("fieldset")?.scrollIntoView({ block: "center" });
  await new Promise((r) => setTimeout(r, 300));
  hook.at = Number.NaN;
  hook.committedAt = Number.NaN;
  hook.watch = { assessmentId, key, value };
  // The stored state shown: the fieldset re-rendered from the device's copy, then a frame painted.
  const fieldset = input.closest<HTMLElement>("fieldset.answer");
  let shownAt = Number.NaN;
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen || fieldset?.dataset.stored !== value) return;
    seen = true;
    requestAnimationFrame(() => {
      shownAt = performance.now();
    });
  });
  if (fieldset) observer.observe(fieldset, { attributes: true, attributeFilter: ["data-stored"] });
  const t0 = performance.now();
  trace = traced ? { t0, events: [] } : undefined;
  performance.mark("bench:tap");
  input.click();
  for (;;) {
    // No IndexedDB request until the app's write committed (see hookPuts); then one read confirms.
    await new Promise((r) => setTimeout(r, 1));
    if (Number.isNaN(hook.committedAt) || Number.isNaN(shownAt)) {
      if (performance.now() - t0 > 10_000) {
        observer.disconnect();
        throw new Error(`${key}=${value} not committed and shown after 10 s`);
      }
      continue;
    }
    observer.disconnect();
    const stored = (await rawGet<AssessmentState>(db, "assessments", assessmentId))?.answers[key];
    if (stored === undefined || stored === null || String(stored) !== value) {
      throw new Error(
        `${key}=${value}: the app's transaction committed but the device holds ${String(stored)}`,
      );
    }
    const ms = hook.committedAt - t0;
    hook.watch = undefined;
    if (trace) {
      // Keep noting what the write wakes up (live queries, re-render) for a while after it.
      const events = trace.events;
      events.push([Math.round(ms * 10) / 10, "COMMITTED (the app's edit transaction)"]);
      await new Promise((r) => setTimeout(r, 200));
      trace = undefined;
      return { ms, putIssuedMs: hook.at - t0, shownMs: shownAt - t0, trace: events };
    }
    return { ms, putIssuedMs: hook.at - t0, shownMs: shownAt - t0 };
  }
}

export interface PhotoDone {
  /** From the input's change event to stored + thumbnail decoded. */
  inPageMs: number;
  bytes: number;
  width: number;
  /** The app's user-timing marks (use-editor.ts), ms after the change event: resized in the
   * worker, blob stored, attachEvidence recorded. NaN when a mark is missing. */
  phases: { resized: number; stored: number; recorded: number };
}

function phaseAt(name: string, after: number): number {
  const mark = performance
    .getEntriesByName(`patuh:photo:${name}`, "mark")
    .find((entry) => entry.startTime >= after);
  return mark ? mark.startTime - after : Number.NaN;
}

let photoWatch: Promise<PhotoDone> | undefined;

/**
 * Starts watching one instance block for a new thumbnail: done when its <img> is decoded and the
 * evidence row with its sha256 is in IndexedDB. Await it with photoDone().
 */
export function watchPhoto(dbName: string, anchor: string): void {
  const block = [...document.querySelectorAll<HTMLElement>(".instance[data-anchor]")].find(
    (el) => el.dataset.anchor === anchor,
  );
  if (!block) throw new Error(`no block ${anchor}`);
  const before = new Set(
    [...block.querySelectorAll<HTMLElement>(".photos__item")].map((li) => li.dataset.sha),
  );
  let changedAt = Number.NaN;
  document.addEventListener(
    "change",
    () => {
      changedAt = performance.now();
    },
    { capture: true, once: true },
  );
  const started = performance.now();
  photoWatch = new Promise<PhotoDone>((resolve, reject) => {
    const tick = async () => {
      const item = [...block.querySelectorAll<HTMLElement>(".photos__item")].find(
        (li) => !before.has(li.dataset.sha),
      );
      const img = item?.querySelector("img");
      const sha = item?.dataset.sha;
      if (sha && img?.complete && img.naturalWidth > 0) {
        const row = await rawGet<EvidenceRow>(await rawDb(dbName), "evidence", sha);
        if (row) {
          resolve({
            inPageMs: performance.now() - changedAt,
            bytes: row.bytes,
            width: row.width ?? 0,
            phases: {
              resized: phaseAt("resized", changedAt),
              stored: phaseAt("stored", changedAt),
              recorded: phaseAt("recorded", changedAt),
            },
          });
          return;
        }
      }
      if (performance.now() - started > 60_000) reject(new Error(`photo on ${anchor} not shown in 60 s`));
      else setTimeout(tick, 4);
    };
    void tick();
  });
}

export function photoDone(): Promise<PhotoDone> {
  if (!photoWatch) return Promise.reject(new Error("watchPhoto first"));
  return photoWatch;
}

export const patuhBench = { seedDevice, jpegBase64, tapAndWait, watchPhoto, photoDone };
export type PatuhBench = typeof patuhBench;
(globalThis as unknown as { patuhBench: PatuhBench }).patuhBench = patuhBench;
