// Every change on the lembar penilaian goes through here: one db edit (one transaction, one queued
// mutation with `previous` read inside it) per user action, no save button. The status line says
// "Tersimpan di perangkat" after each success; a full disk or a refused edit is said in words, and
// because each edit is one transaction nothing of the failed change is left half-saved.
import { useMemo } from "preact/hooks";
import type { AnswerValue, EvidenceMime, Product, Respondent } from "../../../domain/sync/protocol";
import { whenFirstScreenShown } from "../../app/first-screen";
import { createValueStore, type ValueStore } from "../../app/value-store";
import type { PatuhDb } from "../../db/database";
import { MutationRefusedError, StorageFullError } from "../../db/errors";
import { useDevice } from "../../hooks/use-device";
import { ensurePersistentStorage } from "../../platform/storage";

type EditKit = typeof import("./edit-kit");

let kitLoading: Promise<EditKit> | undefined;

/** The edit code (edit-kit.ts), loaded once; a failed load is retried at the next edit. */
function loadEditKit(): Promise<EditKit> {
  if (!kitLoading) {
    kitLoading = import("./edit-kit");
    kitLoading.catch(() => {
      kitLoading = undefined;
    });
  }
  return kitLoading;
}

/** Longest wait for the sheet's data before the edit code is fetched anyway. */
const KIT_PREFETCH_WAIT_MS = 1_500;

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "full" }
  | { kind: "refused"; message: string }
  | { kind: "photo_failed" };

export interface Editor {
  /** Its own store: a status change re-renders the status line only, not the whole sheet. */
  status: ValueStore<SaveStatus>;
  answer(key: string, value: AnswerValue): Promise<boolean>;
  note(key: string, text: string): Promise<boolean>;
  putProduct(product: Product): Promise<boolean>;
  removeProduct(productId: string): Promise<boolean>;
  putRespondent(respondent: Respondent): Promise<boolean>;
  /** One profile field, merged into the respondent as stored (not as last rendered): two quick
   * edits of different fields (name typed, then position chosen) must not undo each other. */
  setProfileField(respondentId: string, field: string, value: string): Promise<boolean>;
  removeRespondent(respondentId: string): Promise<boolean>;
  attachPhoto(key: string, file: Blob): Promise<boolean>;
  detachPhoto(key: string, sha256: string): Promise<boolean>;
  submit(): Promise<boolean>;
}

/** After this long without a commit the status line says "Menyimpan…". */
const SLOW_SAVE_MS = 300;

const PHOTO_MIMES: readonly EvidenceMime[] = ["image/jpeg", "image/png", "image/webp"];

/** User-timing marks of a photo's way (bench/device-field.ts reads them to split its figure). */
const markPhoto = (phase: "resized" | "stored" | "recorded") => performance.mark(`patuh:photo:${phase}`);

export function useEditor(assessmentId: string): Editor {
  const { db, engine } = useDevice();
  return useMemo(() => {
    // Fetched as soon as the sheet shows its data, so the first tap normally finds it loaded.
    void whenFirstScreenShown(KIT_PREFETCH_WAIT_MS)
      .then(loadEditKit)
      .catch(() => undefined);
    const status = createValueStore<SaveStatus>({ kind: "idle" });
    const setStatus = (next: SaveStatus) => status.set(next);
    const run = async (write: (db: PatuhDb, kit: EditKit) => Promise<unknown>): Promise<boolean> => {
      // "Menyimpan…" only when a save is slow: an edit usually commits within a frame or two, and
      // changing the status line at the tap would cost that tap a layout of the sheet on a phone.
      const slow = setTimeout(() => setStatus({ kind: "saving" }), SLOW_SAVE_MS);
      try {
        await write(db, await loadEditKit());
        clearTimeout(slow);
        setStatus({ kind: "saved" });
        // Edits leave the device soon when online; persistence is asked right after the first save.
        engine.scheduleSync();
        void ensurePersistentStorage();
        return true;
      } catch (error) {
        clearTimeout(slow);
        if (error instanceof StorageFullError) setStatus({ kind: "full" });
        else if (error instanceof MutationRefusedError)
          setStatus({ kind: "refused", message: error.message });
        else setStatus({ kind: "refused", message: String(error) });
        return false;
      }
    };
    const id = assessmentId;
    return {
      status,
      answer: (key: string, value: AnswerValue) => run((d, kit) => kit.setAnswer(d, id, key, value)),
      note: (key: string, text: string) => run((d, kit) => kit.setNote(d, id, key, text)),
      putProduct: (product: Product) =>
        run((d, kit) => kit.recordMutation(d, "assessment.putProduct", { assessmentId: id, product })),
      removeProduct: (productId: string) =>
        run((d, kit) => kit.recordMutation(d, "assessment.removeProduct", { assessmentId: id, productId })),
      putRespondent: (respondent: Respondent) =>
        run((d, kit) => kit.recordMutation(d, "assessment.putRespondent", { assessmentId: id, respondent })),
      setProfileField: (respondentId: string, field: string, value: string) =>
        run((d, kit) =>
          kit.recordWith(d, "assessment.putRespondent", id, (current) => {
            const respondent = current?.respondents.find((r) => r.id === respondentId);
            if (!respondent)
              throw new MutationRefusedError("unknown_respondent", "Responden tidak ditemukan.");
            const profile = { ...respondent.profile };
            if (value === "") delete profile[field];
            else profile[field] = value;
            return { assessmentId: id, respondent: { ...respondent, profile } };
          }),
        ),
      removeRespondent: (respondentId: string) =>
        run((d, kit) =>
          kit.recordMutation(d, "assessment.removeRespondent", { assessmentId: id, respondentId }),
        ),
      detachPhoto: (key: string, sha256: string) =>
        run((d, kit) =>
          kit.recordMutation(d, "assessment.detachEvidence", { assessmentId: id, sha256, key }),
        ),
      async attachPhoto(key: string, file: Blob): Promise<boolean> {
        setStatus({ kind: "saving" });
        let photo: Awaited<ReturnType<EditKit["preparePhoto"]>>;
        try {
          photo = await (await loadEditKit()).preparePhoto(file);
          markPhoto("resized");
        } catch {
          setStatus({ kind: "photo_failed" });
          return false;
        }
        const mime = PHOTO_MIMES.find((m) => m === photo.blob.type) ?? "image/jpeg";
        return run(async (d, kit) => {
          // Blob first, then the reference: a reference never points at bytes the device lacks.
          // (A stored blob without a reference is harmless: content-addressed, reused if re-attached.)
          const stored = await kit.storeEvidence(d, photo.blob, {
            mime,
            width: photo.width,
            height: photo.height,
          });
          markPhoto("stored");
          await kit.recordMutation(d, "assessment.attachEvidence", {
            assessmentId: id,
            key,
            evidence: {
              sha256: stored.sha256,
              mime,
              bytes: stored.bytes,
              width: photo.width,
              height: photo.height,
              takenAt: new Date().toISOString(),
            },
          });
          markPhoto("recorded");
        });
      },
      submit: () =>
        run(async (d, kit) => {
          // The visit ends when the checklist is handed in (kept if already set, e.g. a re-submit).
          await kit.recordWith(d, "assessment.setVisit", id, (current) => {
            const visit = current?.visit;
            return {
              assessmentId: id,
              visit: {
                date: visit?.date ?? new Date().toISOString().slice(0, 10),
                startedAt: visit?.startedAt ?? null,
                endedAt: visit?.endedAt ?? new Date().toISOString(),
                ...(visit?.location ? { location: visit.location } : {}),
                team: visit?.team ?? [],
              },
            };
          });
          await kit.recordMutation(d, "assessment.submit", { assessmentId: id });
        }),
    };
  }, [db, engine, assessmentId]);
}
