// Open conflicts next to the item they are about: two people (or devices) wrote the same answer or
// note without seeing each other's value. Every competing value is shown with who wrote it and when;
// choosing one records it as a normal edit whose `previous` is the current value (setAnswer/setNote
// read it in the same transaction), which the shared reducer and the server take as "resolved".
import type { IndicatorEntry } from "../../../domain";
import type { AnswerValue, Conflict } from "../../../domain/sync/protocol";
import { type Checklist, useChecklist, useSheetSlice } from "./checklist-context";
import { localeOf } from "./sheet-header";

/** A competing value in words: the option's label, the ticked sub-items, or the note text. */
export function describeValue(
  entry: IndicatorEntry | null,
  value: AnswerValue,
  words: { empty: string; none: string; local: Checklist["local"] },
): string {
  if (value === null || value === "") return words.empty;
  if (Array.isArray(value)) {
    if (value.length === 0) return words.none;
    const labels = new Map((entry?.indicator.subitems ?? []).map((s) => [s.id, words.local(s.label)]));
    return value.map((id) => labels.get(id) ?? id).join(", ");
  }
  const scale = entry?.scale;
  if (scale?.kind === "options") {
    const option = scale.options.find((o) => (o.code !== undefined ? o.code === value : o.value === value));
    if (option)
      return option.code !== undefined
        ? words.local(option.label)
        : `${option.value} — ${words.local(option.label)}`;
  }
  return String(value);
}

interface ConflictNotesProps {
  /** The indicator the keys belong to (null for the general note). */
  entry: IndicatorEntry | null;
  answerKeys: ReadonlySet<string>;
  noteKey: string | null;
}

export function ConflictNotes({ entry, answerKeys, noteKey }: ConflictNotesProps) {
  const { editor, t, language, local, people } = useChecklist();
  const mine = useSheetSlice((s) =>
    s.conflicts.filter((c) => (c.kind === "answer" ? answerKeys.has(c.key) : c.key === noteKey)),
  );
  if (mine.length === 0) return null;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(localeOf(language), { dateStyle: "medium", timeStyle: "short" });
  const choose = (conflict: Conflict, value: AnswerValue) =>
    conflict.kind === "answer"
      ? editor.answer(conflict.key, value)
      : editor.note(conflict.key, typeof value === "string" ? value : "");
  return (
    <>
      {mine.map((conflict) => {
        const current = conflict.values.length - 1;
        return (
          <div
            key={`${conflict.kind}:${conflict.key}`}
            class="review-note conflict-note"
            data-testid="conflict"
            data-key={conflict.key}
            data-kind={conflict.kind}
          >
            <p class="review-note__title">
              {t(conflict.kind === "answer" ? "conflictTitle" : "conflictNoteTitle")}
            </p>
            <p>{t("conflictHelp")}</p>
            <ul class="conflict-note__values">
              {conflict.values.map((v, i) => (
                <li key={i} data-testid="conflict-value" data-current={i === current ? "true" : "false"}>
                  <span>
                    {t("conflictValue", {
                      value: describeValue(entry, v.value, {
                        empty: t("conflictEmpty"),
                        none: t("checklistNone"),
                        local,
                      }),
                      who: people.get(v.by) ?? t("conflictSomeone"),
                      time: when(v.at),
                    })}
                    {i === current ? ` ${t("conflictCurrent")}` : ""}
                  </span>{" "}
                  <button type="button" class="button" onClick={() => void choose(conflict, v.value)}>
                    {t("conflictChoose")}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
