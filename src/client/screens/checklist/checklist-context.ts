// What every part of the sheet needs, passed once instead of through every component's props.
//
// The context value stays the same object while the assessor edits (it changes only with the
// language, a review, the status or the people), and the assessment itself is a store: each part
// of the sheet follows only its own slice of it (useSheetSlice), so a tap re-renders the item it
// changed and what depends on it (progress, score), not the hundreds of items around it.
import { type ComponentChildren, createContext } from "preact";
import { useContext, useEffect, useReducer, useRef } from "preact/hooks";
import type { IndicatorEntry, Instrument, LocalText } from "../../../domain";
import type { AssessmentState } from "../../../domain/sync/protocol";
import type { ValueStore } from "../../app/value-store";
import type { Translate } from "../../i18n/i18n";
import type { Editor } from "./use-editor";

export interface Checklist {
  /** The assessment as the device holds it, updated on every change (see useSheetSlice). */
  sheet: ValueStore<AssessmentState>;
  instrument: Instrument;
  editor: Editor;
  readOnly: boolean;
  /** Supervisor comments of the latest review, by answer key (or "general"). */
  comments: ReadonlyMap<string, readonly string[]>;
  t: Translate;
  language: string;
  /** Names of the people who wrote conflicting values (user id → name), from the device's users. */
  people: ReadonlyMap<string, string>;
  /** Instrument text in the UI language (Indonesian when the instrument has no English). */
  local: (text: LocalText) => string;
  /**
   * The admin's preview (screens/admin/instrument-preview): a made-up sheet that is never stored,
   * so the parts that would read the device's database (other checklists, photos) do not.
   */
  preview?: boolean;
  /** What the preview adds under an item's question (its source, phone interviews); staff words. */
  itemNote?: (entry: IndicatorEntry) => ComponentChildren;
}

export const ChecklistContext = createContext<Checklist | null>(null);

export function useChecklist(): Checklist {
  const value = useContext(ChecklistContext);
  if (!value) throw new Error("useChecklist() outside the checklist");
  return value;
}

/**
 * A part of the assessment, read fresh on every render; the component re-renders when that part
 * changes (compared by content), not on every edit of the assessment.
 */
export function useSheetSlice<T>(select: (state: AssessmentState) => T): T {
  const { sheet } = useChecklist();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = select(sheet.get());
  // What this render showed, and how to take the same slice of the next state.
  const seen = useRef<{ select: (state: AssessmentState) => T; signature: string } | null>(null);
  seen.current = { select, signature: JSON.stringify(value) };
  useEffect(
    () =>
      sheet.subscribe((state) => {
        const shown = seen.current;
        if (shown && JSON.stringify(shown.select(state)) !== shown.signature) rerender(0);
      }),
    [sheet],
  );
  return value;
}

/** The whole assessment (for the few parts that show much of it: header, products, respondents). */
export function useSheetState(): AssessmentState {
  return useSheetSlice((state) => state);
}
