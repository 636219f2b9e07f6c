// A note on one answer (or the general note). Hidden behind a small button until used, so the sheet
// stays short on a phone; shown at once when it holds text or is required.
import { useState } from "preact/hooks";
import { useDraftText } from "./use-draft-text";

interface NoteFieldProps {
  id: string;
  label: string;
  addLabel: string;
  value: string;
  required?: boolean;
  alwaysOpen?: boolean;
  onSave: (text: string) => void;
}

export function NoteField({
  id,
  label,
  addLabel,
  value,
  required = false,
  alwaysOpen = false,
  onSave,
}: NoteFieldProps) {
  const [open, setOpen] = useState(false);
  const draft = useDraftText(value, onSave);
  if (!open && !alwaysOpen && !required && draft.text === "") {
    return (
      <button type="button" class="answer__more" data-note-add={id} onClick={() => setOpen(true)}>
        {addLabel}
      </button>
    );
  }
  return (
    <div class="field note-field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        value={draft.text}
        onInput={draft.onInput}
        onBlur={draft.onBlur}
        aria-required={required}
        // biome-ignore lint/a11y/noAutofocus: opened by the user's own tap on "Tambah catatan"
        autoFocus={open}
      />
    </div>
  );
}
