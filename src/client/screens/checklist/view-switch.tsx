// "Per pertanyaan | Per responden": the sheet by the instrument's order, or every question for one
// respondent together (interviews happen one person at a time).
import { useValueStore } from "../../app/value-store";
import { useChecklist } from "./checklist-context";
import { type SheetView, useSheetNav } from "./sheet-nav";

export function ViewSwitch() {
  const { t } = useChecklist();
  const nav = useSheetNav();
  const { view } = useValueStore(nav.store);
  const choice = (value: SheetView, label: string) => (
    <button
      type="button"
      class={view === value ? "segment segment--current" : "segment"}
      aria-pressed={view === value}
      data-view={value}
      onClick={() => nav.go({ view: value })}
    >
      {label}
    </button>
  );
  return (
    <fieldset class="segments" data-testid="view-switch">
      <legend class="visually-hidden">{t("navViewLabel")}</legend>
      {choice("question", t("navByQuestion"))}
      {choice("respondent", t("navByRespondent"))}
    </fieldset>
  );
}

/** The by-question sections or the by-respondent interview, as chosen. */
export function SheetBody({
  byQuestion,
  byRespondent,
}: {
  byQuestion: preact.ComponentChildren;
  byRespondent: preact.ComponentChildren;
}) {
  const nav = useSheetNav();
  const { view } = useValueStore(nav.store);
  return <>{view === "respondent" ? byRespondent : byQuestion}</>;
}
