// The general note of the whole assessment (setNote with key "general").
import { NoteField } from "../../components/answers/note-field";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { ConflictNotes } from "./conflict-notes";
import { GENERAL_NOTE_KEY } from "./model";

const NO_KEYS: ReadonlySet<string> = new Set();

export function GeneralNote() {
  const { editor, t } = useChecklist();
  const note = useSheetSlice((s) => s.notes[GENERAL_NOTE_KEY] ?? "");
  return (
    <section class="sheet-section" id="section-general-note" aria-labelledby="general-note-title">
      <h2 id="general-note-title">{t("generalNote")}</h2>
      <ConflictNotes entry={null} answerKeys={NO_KEYS} noteKey={GENERAL_NOTE_KEY} />
      <NoteField
        id="note-general"
        label={t("generalNote")}
        addLabel={t("noteAdd")}
        value={note}
        alwaysOpen
        onSave={(text) => void editor.note(GENERAL_NOTE_KEY, text)}
      />
    </section>
  );
}
