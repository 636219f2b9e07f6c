// The dock at the bottom of the screen, under the assessor's thumb: "Daftar isi" opens the outline
// (setup, each section with its progress, the general note, what is missing, "Ajukan"; a tap jumps
// there), and "Berikutnya" goes to the next unanswered item after the one last answered, opening
// its section (or, in the by-respondent view, staying with the respondent being interviewed).

import { useState } from "preact/hooks";
import { type Problem, progressOfEntries, requiredCount } from "../../../domain";
import { useValueStore } from "../../app/value-store";
import { memo } from "../../components/memo";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { jumpToProblem } from "./jump";
import { sameProblems } from "./missing-list";
import { anchorId, instancesOf } from "./model";
import { nextUnanswered, type OrderedSlot, outlineOf, slotsByQuestion } from "./outline";
import { useSheetNav } from "./sheet-nav";

interface DockProps {
  problems: readonly Problem[];
}

export const SheetDock = memo(
  function SheetDock({ problems }: DockProps) {
    const { instrument, t, local, sheet } = useChecklist();
    const nav = useSheetNav();
    const place = useValueStore(nav.store);
    const [open, setOpen] = useState(false);
    const [allDone, setAllDone] = useState(false);
    const sections = outlineOf(instrument);
    // Role-aware as the sections' own headers are (a 2025 interview item counts its role's
    // respondents only, a secondary-data item none): the dock and the sheet say the same numbers.
    const progress = useSheetSlice((state) =>
      sections.map((s) => progressOfEntries(instrument, state, s.entries)),
    );
    const setup = useSheetSlice((state) => ({
      products: state.products.length,
      respondents: state.respondents.length,
    }));
    const needed = {
      products: requiredCount(instrument, "product"),
      respondents: requiredCount(instrument, "official") + requiredCount(instrument, "user"),
    };
    const count = (done: number, total: number) => (
      <span class={done >= total ? "outline__count outline__count--done" : "outline__count"}>
        {t("navCount", { done: String(done), total: String(total) })}
      </span>
    );
    const current = sections.find((s) => s.id === place.section);

    const next = () => {
      const state = sheet.get();
      const all = slotsByQuestion(sections, state, instrument);
      let slot: OrderedSlot | undefined;
      if (place.view === "respondent") {
        // The respondent being interviewed first, then the next ones in turn.
        const people = [...instancesOf("official", state), ...instancesOf("user", state)].map((i) => i.id);
        const at = Math.max(0, people.indexOf(place.respondent ?? people[0] ?? null));
        const turn = [...people.slice(at), ...people.slice(0, at)];
        const order = turn.flatMap((id) => all.filter((s) => s.instanceId === id));
        slot = nextUnanswered(order, state, nav.last);
        if (slot) {
          nav.last = slot.base;
          nav.go({ respondent: slot.instanceId }, anchorId(slot.key));
          setOpen(false);
          return;
        }
      }
      slot = nextUnanswered(all, state, nav.last);
      setOpen(false);
      if (slot) {
        setAllDone(false);
        nav.last = slot.base;
        nav.go({ view: "question", section: slot.sectionId }, anchorId(slot.key));
        return;
      }
      setAllDone(true);
      const first = problems[0];
      if (first) jumpToProblem(first);
      else nav.go({}, "section-submit");
    };

    const goSection = (id: string) => {
      setOpen(false);
      nav.go({ view: "question", section: id }, `dim-${id}`);
    };
    const goTo = (elementId: string) => {
      setOpen(false);
      nav.go({}, elementId);
    };

    return (
      <div class="sheet-dock" data-testid="sheet-dock">
        {open && (
          <nav class="outline" id="sheet-outline" aria-label={t("navOutline")} data-testid="outline">
            <ol class="outline__list">
              <li>
                <button type="button" class="outline__item" onClick={() => goTo("section-products")}>
                  <span>{t("navProducts")}</span>
                  {count(setup.products, needed.products)}
                </button>
              </li>
              <li>
                <button type="button" class="outline__item" onClick={() => goTo("section-respondents")}>
                  <span>{t("navRespondents")}</span>
                  {count(setup.respondents, needed.respondents)}
                </button>
              </li>
              {sections.map((section, i) => {
                const p = progress[i] ?? { done: 0, total: 0 };
                const here = place.view === "question" && section.id === place.section;
                return (
                  <li key={section.id}>
                    <button
                      type="button"
                      class={here ? "outline__item outline__item--current" : "outline__item"}
                      aria-current={here ? "location" : undefined}
                      data-outline-section={section.id}
                      onClick={() => goSection(section.id)}
                    >
                      <span>{local(section.name)}</span>
                      {p.total > 0 ? count(p.done, p.total) : <span class="outline__count">–</span>}
                    </button>
                  </li>
                );
              })}
              <li>
                <button type="button" class="outline__item" onClick={() => goTo("section-general-note")}>
                  {t("navGeneralNote")}
                </button>
              </li>
              <li>
                <button type="button" class="outline__item" onClick={() => goTo("section-submit")}>
                  <span>{t("navSubmit")}</span>
                  <span class="outline__count">
                    {problems.length > 0 ? t("navMissing", { count: String(problems.length) }) : "✓"}
                  </span>
                </button>
              </li>
            </ol>
          </nav>
        )}
        {allDone && problems.length === 0 && (
          <p class="sheet-dock__done" role="status">
            {t("navAllAnswered")}
          </p>
        )}
        <div class="sheet-dock__bar">
          <button
            type="button"
            class="button sheet-dock__outline"
            aria-expanded={open}
            aria-controls="sheet-outline"
            data-testid="outline-toggle"
            onClick={() => setOpen(!open)}
          >
            <span class="sheet-dock__icon" aria-hidden="true">
              ☰
            </span>{" "}
            <span class="sheet-dock__where">
              {place.view === "respondent"
                ? t("navByRespondent")
                : current
                  ? local(current.name)
                  : t("navOutline")}
            </span>
            <span class="visually-hidden"> · {open ? t("navOutlineClose") : t("navOutline")}</span>
          </button>
          <button
            type="button"
            class="button button--primary sheet-dock__next"
            data-testid="next-unanswered"
            aria-label={t("navNextLabel")}
            onClick={next}
          >
            {t("navNext")} ↓
          </button>
        </div>
      </div>
    );
  },
  (before, after) => sameProblems(before.problems, after.problems),
);
