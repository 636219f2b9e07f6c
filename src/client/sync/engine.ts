// The sync engine: one run = (a) upload evidence, (b) push the outbox, (c) pull and rebuild the
// local view. UI-free: the PWA's hooks call it and subscribe to its status.
//
// Invariants kept here:
// - single-flight: one run at a time per tab (a call during a run gets one shared follow-up run),
//   and one tab at a time where the browser has Web Locks;
// - a run never discards local data: every failure leaves outbox, evidence and local view as they
//   were, reports a problem in words and, when waiting can help, schedules a retry with capped
//   exponential backoff (1 s doubling to 5 min, jitter), reset by a success;
// - transport, clock, timers and event sources are injected, so tests drive every edge.
import { liveQuery } from "dexie";
import type { PatuhDb } from "../db/database";
import { ensureClientId, readClientId, readSyncMeta, updateSyncMeta } from "../db/meta";
import { countPending } from "../db/outbox";
import type { PullApplied } from "../db/pull-apply";
import { countOpenConflicts } from "../db/summaries";
import { Backoff } from "./backoff";
import { classifyFailure } from "./classify";
import { problem, SYNC_MESSAGES, type SyncMessageKey, type SyncProblem } from "./messages";
import { pullChanges } from "./pull";
import { type PushOutcome, pushOutbox } from "./push";
import { SingleFlight } from "./single-flight";
import { type StatusListener, StatusStore, type SyncStatus } from "./status";
import { createTransport, type FetchLike, type TimerApi } from "./transport";
import { browserEnvironment, type IntervalApi, type SyncEnvironment, wireTriggers } from "./triggers";
import { type UploadOutcome, uploadPendingEvidence } from "./upload";

export const SYNC_PERIODIC_MS = 60_000;
export const SYNC_LOCK_NAME = "patuh-sync";

export interface SyncEngineOptions {
  db: PatuhDb;
  /** Defaults to the global fetch. Tests inject cookie-carrying and fault-injecting ones. */
  fetch?: FetchLike;
  /** Server origin; "" (same origin) in the app. */
  baseUrl?: string;
  now?: () => Date;
  timers?: TimerApi & IntervalApi;
  random?: () => number;
  env?: SyncEnvironment;
  periodicMs?: number;
  batchSize?: number;
  /** Called with every failure's original error (for logging); never with UI concerns. */
  onError?: (error: unknown) => void;
}

export interface SyncRunResult {
  ok: boolean;
  /** Set when the run did not talk to the server at all. */
  skipped?: "offline" | "other-tab";
  uploaded: UploadOutcome | null;
  pushed: PushOutcome | null;
  pulled: PullApplied | null;
  problem: SyncProblem | null;
}

export interface SyncEngine {
  /** Wires app start (an immediate run), online, visibility, the periodic timer and SW messages. */
  start(): void;
  /** Unwires every trigger and cancels a scheduled retry; an in-flight run finishes. */
  stop(): void;
  /** One run, single-flight. Never rejects: the outcome is in the result and the status. */
  sync(): Promise<SyncRunResult>;
  /** The user asked: cancel any backoff wait and run now. */
  syncNow(): Promise<SyncRunResult>;
  /** After a local edit: run soon (debounced) so edits leave the device quickly when online. */
  scheduleSync(delayMs?: number): void;
  getStatus(): SyncStatus;
  subscribe(listener: StatusListener): () => void;
  /** Re-reads counts and persisted state from the database into the status. */
  refreshStatus(): Promise<void>;
}

const defaultTimers: TimerApi & IntervalApi = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
};

/** The counts the sync bar shows; a liveQuery-safe read (Dexie promises only). */
async function readCounts(db: PatuhDb) {
  // Counts and indexed reads only: this re-runs on every edit, and must not read whole states
  // (a long read transaction over `assessments` would hold up the next tap's write).
  // One read transaction, not four: each costs Dexie and IndexedDB set-up on a phone, after every tap.
  return db.transaction("r", [db.outbox, db.evidence, db.rejections, db.assessmentSummaries], async () => {
    const [pendingCount, failedUploads, openRejections, openConflicts] = await Promise.all([
      countPending(db),
      db.evidence.where("uploadState").equals("failed").count(),
      db.rejections.where("dismissed").equals(0).count(),
      countOpenConflicts(db),
    ]);
    return { pendingCount, failedUploads, openRejections, openConflicts };
  });
}

function storedProblem(stored: { key: string; code: string; detail?: string } | null): SyncProblem | null {
  if (!stored || !Object.hasOwn(SYNC_MESSAGES, stored.key)) return null;
  return problem(stored.key as SyncMessageKey, stored.code, stored.detail);
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const iso = () => now().toISOString();
  const timers = options.timers ?? defaultTimers;
  const env = options.env ?? browserEnvironment();
  const transport = createTransport({
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    baseUrl: options.baseUrl ?? "",
    timers,
  });
  const status = new StatusStore(options.onError);
  const backoff = new Backoff(options.random);
  let started = false;
  let unwire: (() => void) | null = null;
  let retryHandle: unknown = null;
  let soonHandle: unknown = null;
  let unwatch: (() => void) | null = null;

  const clearRetry = () => {
    if (retryHandle !== null) timers.clearTimeout(retryHandle);
    retryHandle = null;
  };

  async function refreshStatus(): Promise<void> {
    const [meta, counts, clientId] = await Promise.all([
      readSyncMeta(db),
      readCounts(db),
      // Read-only when the id exists (always, after the device opened): a read-write transaction on
      // `meta` would hold up the next tap's edit.
      readClientId(db).then((id) => id ?? ensureClientId(db, iso())),
    ]);
    status.set({
      ...counts,
      clientId,
      lastSuccessAt: meta.lastSuccessAt,
      ...(status.get().lastError === null ? { lastError: storedProblem(meta.lastError) } : {}),
    });
  }

  /**
   * After a local edit only the counts can have changed: the clientId never changes once minted and
   * the sync row is written by sync runs, which set the status themselves. One read transaction
   * per tap instead of three (the full refresh until the status holds a clientId).
   */
  async function refreshAfterEdit(): Promise<void> {
    if (status.get().clientId === null) return refreshStatus();
    status.set(await readCounts(db));
  }

  async function runOnce(): Promise<SyncRunResult> {
    clearRetry();
    const empty = { uploaded: null, pushed: null, pulled: null };
    if (env.navigator?.onLine === false) {
      status.set({ state: "offline", lastError: problem("offline", "navigator_offline") });
      return { ok: false, skipped: "offline", ...empty, problem: problem("offline", "navigator_offline") };
    }
    const warnings: SyncProblem[] = [];
    const warn = (p: SyncProblem) => warnings.push(p);
    status.set({ state: "syncing", lastAttemptAt: iso(), warnings: [] });
    const result: SyncRunResult = { ok: false, ...empty, problem: null };
    try {
      const clientId = await ensureClientId(db, iso());
      try {
        result.uploaded = await uploadPendingEvidence(db, transport, warn, (upload) =>
          status.set({ upload }),
        );
      } finally {
        status.set({ upload: null });
      }
      result.pushed = await pushOutbox(db, transport, clientId, {
        nowIso: iso,
        warn,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      });
      result.pulled = await pullChanges(db, transport, clientId, iso);
      backoff.reset();
      const at = iso();
      await updateSyncMeta(db, { lastSuccessAt: at, lastError: null });
      status.set({ state: "idle", lastSuccessAt: at, lastError: null, warnings, nextRetryAt: null });
      result.ok = true;
    } catch (e) {
      options.onError?.(e);
      const c = classifyFailure(e);
      result.problem = c.problem;
      let nextRetryAt: string | null = null;
      if (c.retry && started) {
        const delay = backoff.fail();
        nextRetryAt = new Date(now().getTime() + delay).toISOString();
        retryHandle = timers.setTimeout(() => {
          retryHandle = null;
          void flight.run();
        }, delay);
      }
      const { key, code, detail } = c.problem;
      await updateSyncMeta(db, {
        lastErrorAt: iso(),
        lastError: detail === undefined ? { key, code } : { key, code, detail },
      }).catch(() => undefined);
      status.set({ state: c.state, lastError: c.problem, warnings, nextRetryAt });
    }
    await refreshStatus().catch((e: unknown) => options.onError?.(e));
    return result;
  }

  function runLocked(): Promise<SyncRunResult> {
    if (!env.locks) return runOnce();
    return env.locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (lock) return runOnce();
      return { ok: false, skipped: "other-tab", uploaded: null, pushed: null, pulled: null, problem: null };
    });
  }

  const flight = new SingleFlight(runLocked);

  const engine: SyncEngine = {
    start() {
      if (started) return;
      started = true;
      unwire = wireTriggers(env, timers, options.periodicMs ?? SYNC_PERIODIC_MS, {
        poke: (reason) => {
          // The timer must not cut a backoff wait short; the other triggers are news worth a try.
          if (reason === "timer" && retryHandle !== null) return;
          void engine.syncNow();
        },
        offline: () => {
          if (!flight.running)
            status.set({ state: "offline", lastError: problem("offline", "navigator_offline") });
        },
      });
      // Live counts: edits made by the UI (or another tab) show in the status at once.
      const watch = liveQuery(() => readCounts(db)).subscribe({
        next: (counts) => status.set(counts),
        error: (e: unknown) => options.onError?.(e),
      });
      unwatch = () => watch.unsubscribe();
      void refreshStatus()
        .catch((e: unknown) => options.onError?.(e))
        .then(() => flight.run());
    },
    stop() {
      started = false;
      unwire?.();
      unwire = null;
      unwatch?.();
      unwatch = null;
      clearRetry();
      if (soonHandle !== null) timers.clearTimeout(soonHandle);
      soonHandle = null;
    },
    sync: () => flight.run(),
    syncNow() {
      clearRetry();
      return flight.run();
    },
    scheduleSync(delayMs = 2_000) {
      void refreshAfterEdit().catch((e: unknown) => options.onError?.(e));
      if (soonHandle !== null || retryHandle !== null) return;
      soonHandle = timers.setTimeout(() => {
        soonHandle = null;
        void flight.run();
      }, delayMs);
    },
    getStatus: () => status.get(),
    subscribe: (listener) => status.subscribe(listener),
    refreshStatus,
  };
  return engine;
}
