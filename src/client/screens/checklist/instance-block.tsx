// One indicator for one instance (the unit, a product, an official or a user): its answer slot(s) —
// Fisik and Elektronik where the item is observed twice — one note and the evidence photos for the
// instance (the domain accepts both on the instance key, for every part), and supervisor comments.
import { useState } from "preact/hooks";
import type { IndicatorEntry } from "../../../domain";
import { NoteField } from "../../components/answers/note-field";
import { PhotoField } from "../../components/answers/photo-field";
import { AnswerWidget } from "./answer-widget";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { ConflictNotes } from "./conflict-notes";
import { anchorId, baseKeyOf, type InstanceRef, slotsOf } from "./model";
import { ReviewNotes } from "./review-notes";
import { useEvidenceUrls } from "./use-evidence-urls";

interface InstanceBlockProps {
  entry: IndicatorEntry;
  instance: InstanceRef;
  /** "KTP-el", "Pejabat/Petugas 2 (Budi)"; "" for unit items. */
  label: string;
  /** Options in one small row: the card shows the scale once above its instances. */
  compact?: boolean;
}

export function InstanceBlock({ entry, instance, label, compact = false }: InstanceBlockProps) {
  const { editor, t, comments } = useChecklist();
  const [adding, setAdding] = useState(0);
  const base = baseKeyOf(entry, instance.id);
  const slots = slotsOf(entry, instance.id);
  const slotKeys = new Set(slots.map((s) => s.key));
  const rule = entry.indicator.noteRequiredWhen ?? [];
  // Only this instance's part of the assessment: an edit elsewhere does not re-render it.
  const { noteRequired, note, photos } = useSheetSlice((s) => ({
    noteRequired: slots.some((slot) => {
      const v = s.answers[slot.key];
      return (typeof v === "string" || typeof v === "number") && rule.includes(v);
    }),
    note: s.notes[base] ?? "",
    photos: s.evidence.filter((e) => e.key === base || slotKeys.has(e.key)),
  }));
  const urls = useEvidenceUrls(photos.map((p) => p.sha256));
  const itemComments = [...new Set([base, ...slotKeys])].flatMap((k) => comments.get(k) ?? []);
  const evidence = entry.indicator.evidence;
  const prefix = `${entry.indicator.id}${label ? ` · ${label}` : ""}`;

  const addPhoto = async (file: File) => {
    setAdding((n) => n + 1);
    await editor.attachPhoto(base, file);
    setAdding((n) => n - 1);
  };

  return (
    <div
      class={compact ? "instance instance--compact" : "instance"}
      id={anchorId(base)}
      data-anchor={base}
      data-evidence={evidence}
      tabIndex={-1}
    >
      {label && <p class="instance__label">{label}</p>}
      <ReviewNotes texts={itemComments} />
      <ConflictNotes entry={entry} answerKeys={slotKeys} noteKey={base} />
      {slots.map((slot) => (
        <div key={slot.key} id={slot.part ? anchorId(slot.key) : undefined} class="instance__slot">
          <AnswerWidget
            entry={entry}
            compact={compact}
            answerKey={slot.key}
            legend={
              slot.part
                ? `${prefix} · ${t(slot.part === "physical" ? "partPhysical" : "partElectronic")}`
                : prefix
            }
          />
        </div>
      ))}
      <NoteField
        id={`note-${anchorId(base)}`}
        label={noteRequired ? t("noteRequired") : t("note")}
        addLabel={t("noteAdd")}
        value={note}
        required={noteRequired}
        onSave={(text) => void editor.note(base, text)}
      />
      {evidence !== "none" && (
        <PhotoField
          name={base}
          label={evidence === "photo_required" ? t("photoRequired") : t("photos")}
          photos={photos.map((p) => ({ sha256: p.sha256, url: urls.get(p.sha256) ?? null }))}
          busy={adding > 0}
          labels={{
            camera: t("photoCamera"),
            gallery: t("photoGallery"),
            remove: t("photoRemove"),
            busy: t("photoProcessing"),
            alt: (n) => t("photoAlt", { n: String(n) }),
          }}
          onAdd={(file) => void addPhoto(file)}
          onRemove={(sha) => {
            const ref = photos.find((p) => p.sha256 === sha);
            if (ref) void editor.detachPhoto(ref.key, sha);
          }}
        />
      )}
    </div>
  );
}
