// The lembar penilaian: header, review banner, products, respondents, the indicators by Dimensi →
// Variabel, the general note, what is still missing, and "Ajukan". The live score sits on top.
// Submitted and approved sheets render the same way inside a disabled fieldset (read-only).
import { useMemo } from "preact/hooks";
import { scoreAssessment } from "../../../domain";
import { createValueStore } from "../../app/value-store";
import type { AssessmentData } from "../../hooks/use-assessment";
import { useI18n } from "../../i18n/i18n";
import { type Checklist, ChecklistContext } from "./checklist-context";
import { GeneralNote } from "./general-note";
import { IndicatorGroups } from "./indicator-groups";
import { MissingList } from "./missing-list";
import { latestComments } from "./model";
import { ProductsSection } from "./products-section";
import { RespondentsSection } from "./respondents-section";
import { ReturnedBanner } from "./returned-banner";
import { ScorePanel } from "./score-panel";
import { SheetHeader, STATUS_KEYS } from "./sheet-header";
import { SubmitBar } from "./submit-bar";
import { useEditor } from "./use-editor";
import { useScrollMemory } from "./use-scroll-memory";

export function ChecklistView({ data }: { data: AssessmentData }) {
  const { state, instrument, unit, scheme, people } = data;
  const { language, t } = useI18n();
  const editor = useEditor(state.id);
  const readOnly = state.status === "submitted" || state.status === "approved";
  // Compared by content: every live-query emission brings new arrays and maps.
  const commentsSignature = JSON.stringify(state.reviewComments);
  const peopleSignature = JSON.stringify([...people]);
  const score = useMemo(() => scoreAssessment(instrument, state, scheme), [instrument, state, scheme]);
  useScrollMemory(state.id, true);

  // One store per assessment (not per state). It takes each new state during this render, so the
  // parts that follow a slice of it re-render only when their slice changed (checklist-context.ts).
  const sheet = useMemo(() => createValueStore(state), [state.id]);
  sheet.set(state);
  // Stable while the assessor edits: t and people follow the language and the people's content.
  const context: Checklist = useMemo(
    () => ({
      sheet,
      instrument,
      editor,
      readOnly,
      comments: latestComments(JSON.parse(commentsSignature)),
      people,
      t,
      language,
      local: (text) => (language === "en" && text.en ? text.en : text.id),
    }),
    [sheet, instrument, editor, readOnly, commentsSignature, peopleSignature, language],
  );

  return (
    <ChecklistContext.Provider value={context}>
      <div class="screen checklist" data-testid="checklist" data-assessment={state.id}>
        <ScorePanel score={score} language={language} scheme={scheme} />
        <SheetHeader unitName={unit?.name ?? t("assessmentTitle")} />
        {state.status === "returned" && <ReturnedBanner />}
        {readOnly && (
          <p class="notice notice--info" data-testid="read-only">
            {t("readOnlyNotice", { status: t(STATUS_KEYS[state.status]).toLowerCase() })}
          </p>
        )}
        <fieldset class="sheet" disabled={readOnly}>
          <legend class="visually-hidden">{t("assessmentTitle")}</legend>
          <ProductsSection suggested={unit?.suggestedProducts ?? []} />
          <RespondentsSection />
          <IndicatorGroups />
          <GeneralNote />
        </fieldset>
        {!readOnly && (
          <>
            <MissingList problems={score.problems} />
            <SubmitBar missing={score.problems.length} score={score.total} />
          </>
        )}
      </div>
    </ChecklistContext.Provider>
  );
}
