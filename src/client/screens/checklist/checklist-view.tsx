// The lembar penilaian: header, review banner, products, respondents, the indicators by Dimensi →
// Variabel, the general note, what is still missing, and "Ajukan". The live score sits on top.
// Submitted and approved sheets render the same way inside a disabled fieldset (read-only).
import "../../styles/sheet-nav.css";
import { useEffect, useMemo } from "preact/hooks";
import { parseAnswerKey, scoreAssessment } from "../../../domain";
import { createValueStore } from "../../app/value-store";
import type { AssessmentData } from "../../hooks/use-assessment";
import { useI18n } from "../../i18n/i18n";
import { type Checklist, ChecklistContext } from "./checklist-context";
import { GeneralNote } from "./general-note";
import { IndicatorGroups } from "./indicator-groups";
import { setNavigator } from "./jump";
import { MissingList } from "./missing-list";
import { anchorId, keyOfAnchor, latestComments } from "./model";
import { nextUnanswered, outlineOf, sectionOfIndicator, slotsByQuestion } from "./outline";
import { ProductsSection } from "./products-section";
import { RespondentView } from "./respondent-view";
import { RespondentsSection } from "./respondents-section";
import { ReturnedBanner } from "./returned-banner";
import { ScorePanel } from "./score-panel";
import { SheetDock } from "./sheet-dock";
import { SheetHeader, STATUS_KEYS } from "./sheet-header";
import { createSheetNav, type SheetNav, SheetNavContext } from "./sheet-nav";
import { SubmitBar } from "./submit-bar";
import { useEditor } from "./use-editor";
import { useScrollMemory } from "./use-scroll-memory";
import { SheetBody, ViewSwitch } from "./view-switch";

/** Where a key is: its section, opened on the way; anchors of sections open their section. */
function placeOf(
  nav: SheetNav,
  instrument: AssessmentData["instrument"],
  elementId: string,
  focus: boolean,
): void {
  const key = keyOfAnchor(elementId);
  const parsed = key === null ? null : parseAnswerKey(key);
  const section = parsed?.ok
    ? sectionOfIndicator(outlineOf(instrument), parsed.key.indicatorId)?.id
    : elementId.startsWith("dim-")
      ? elementId.slice(4)
      : undefined;
  nav.go(section === undefined ? {} : { view: "question", section }, elementId, focus);
}

export function ChecklistView({ data }: { data: AssessmentData }) {
  const { state, instrument, unit, scheme, people } = data;
  const { language, t } = useI18n();
  const editor = useEditor(state.id);
  const readOnly = state.status === "submitted" || state.status === "approved";
  // Compared by content: every live-query emission brings new arrays and maps.
  const commentsSignature = JSON.stringify(state.reviewComments);
  const peopleSignature = JSON.stringify([...people]);
  const score = useMemo(() => scoreAssessment(instrument, state, scheme), [instrument, state, scheme]);
  // Opens on the first commented item of a returned sheet, else the first section with something
  // unanswered (or the first one).
  const nav = useMemo(() => {
    const sections = outlineOf(instrument);
    const commented =
      state.status === "returned"
        ? [...latestComments(state.reviewComments).keys()]
            .map((key) => parseAnswerKey(key))
            .map((parsed) =>
              parsed.ok ? sectionOfIndicator(sections, parsed.key.indicatorId)?.id : undefined,
            )
            .find((id) => id !== undefined)
        : undefined;
    const first = nextUnanswered(slotsByQuestion(sections, state, instrument), state, null);
    return createSheetNav({
      view: "question",
      section: commented ?? first?.sectionId ?? sections[0]?.id ?? null,
      respondent: null,
    });
  }, [state.id, instrument]);
  useEffect(() => {
    setNavigator((target) =>
      "key" in target
        ? placeOf(nav, instrument, anchorId(target.key), true)
        : nav.go(target.sectionId ? { view: "question", section: target.sectionId } : {}, target.elementId),
    );
    return () => setNavigator(null);
  }, [nav, instrument]);
  // The remembered place comes from storage a moment later: not over a place the assessor chose.
  useScrollMemory(state.id, true, (id) => {
    if (!nav.moved) placeOf(nav, instrument, id, false);
  });

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
      <SheetNavContext.Provider value={nav}>
        <div class="screen checklist" data-testid="checklist" data-assessment={state.id}>
          <ScorePanel score={score} language={language} scheme={scheme} />
          <SheetHeader unitName={unit?.name ?? t("assessmentTitle")} />
          {state.status === "returned" && <ReturnedBanner />}
          {readOnly && (
            <p class="notice notice--info" data-testid="read-only">
              {t("readOnlyNotice", { status: t(STATUS_KEYS[state.status]).toLowerCase() })}
            </p>
          )}
          {/* Products and respondents; the sections carry their own disabled fieldsets, so the
              outline and the view switch still work on a read-only sheet. */}
          <fieldset class="sheet" disabled={readOnly}>
            <legend class="visually-hidden">{t("assessmentTitle")}</legend>
            <ProductsSection suggested={unit?.suggestedProducts ?? []} />
            <RespondentsSection />
          </fieldset>
          <div
            class="sheet sheet--items"
            // "Berikutnya" goes on from the item last answered.
            onChange={(event) => {
              const item = (event.target as HTMLElement | null)?.closest<HTMLElement>(
                ".instance[data-anchor]",
              );
              if (item?.dataset.anchor) nav.last = item.dataset.anchor;
            }}
          >
            <ViewSwitch />
            <SheetBody byQuestion={<IndicatorGroups />} byRespondent={<RespondentView />} />
            <fieldset class="sheet-part" disabled={readOnly}>
              <GeneralNote />
            </fieldset>
          </div>
          {!readOnly && (
            <>
              <MissingList problems={score.problems} />
              <div id="section-submit" tabIndex={-1}>
                <SubmitBar missing={score.problems.length} score={score.total} />
              </div>
              <SheetDock problems={score.problems} />
            </>
          )}
        </div>
      </SheetNavContext.Provider>
    </ChecklistContext.Provider>
  );
}
