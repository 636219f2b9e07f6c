// The widget for one answer slot, chosen by the indicator's scale: options (scale_0_3,
// yes_partial_no, maladmin_experience and any future option scale) or a sub-item checklist.
import type { IndicatorEntry } from "../../../domain";
import type { AnswerValue } from "../../../domain/sync/protocol";
import { ChecklistAnswer } from "../../components/answers/checklist-answer";
import { type Option, OptionAnswer } from "../../components/answers/option-answer";
import { useChecklist, useSheetSlice } from "./checklist-context";

interface AnswerWidgetProps {
  entry: IndicatorEntry;
  answerKey: string;
  legend: string;
  /** Small options in one row (the card shows the scale once above the instances). */
  compact?: boolean;
}

function asText(value: AnswerValue | undefined): string | null {
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? value : null;
}

export function AnswerWidget({ entry, answerKey, legend, compact = false }: AnswerWidgetProps) {
  const { editor, t, local } = useChecklist();
  const value = useSheetSlice((s) => s.answers[answerKey] ?? null);
  const clear = () => editor.answer(answerKey, null);
  const scale = entry.scale;
  if (scale.kind === "checklist") {
    const items = (entry.indicator.subitems ?? []).map((s) => ({ id: s.id, label: local(s.label) }));
    return (
      <ChecklistAnswer
        name={answerKey}
        legend={legend}
        items={items}
        ticked={Array.isArray(value) ? value : null}
        onChange={(ticked) => editor.answer(answerKey, ticked)}
        onClear={clear}
        clearLabel={t("clearAnswer")}
        noneLabel={t("checklistNone")}
      />
    );
  }
  const coded = scale.options.some((o) => o.code !== undefined);
  const options: Option[] = scale.options.flatMap((o) => {
    if (coded) return o.code === undefined ? [] : [{ value: o.code, label: local(o.label) }];
    return o.value === null
      ? []
      : [{ value: String(o.value), label: `${o.value} — ${local(o.label)}`, short: String(o.value) }];
  });
  const select = (raw: string) => editor.answer(answerKey, coded ? raw : Number(raw));
  return (
    <OptionAnswer
      name={answerKey}
      legend={legend}
      options={options}
      selected={asText(value)}
      onSelect={select}
      onClear={clear}
      clearLabel={t("clearAnswer")}
      compact={compact}
    />
  );
}
