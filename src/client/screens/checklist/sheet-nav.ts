// Where the assessor is on the sheet: which view (by question or by respondent), which section of
// the instrument is open (only that one is rendered: a tap then re-renders and lays out one
// section, not a 55,000-px page), and which respondent is being interviewed. A small store in its
// own context, so the sheet's parts follow it without the big checklist context changing.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { createValueStore, type ValueStore } from "../../app/value-store";

export type SheetView = "question" | "respondent";

export interface NavState {
  readonly view: SheetView;
  /** The open section (a top-level group id), or null when every section is closed. */
  readonly section: string | null;
  /** The respondent shown in the by-respondent view; null: the first one. */
  readonly respondent: string | null;
}

export interface SheetNav {
  readonly store: ValueStore<NavState>;
  /** Changes the place, then (once the new part is rendered) scrolls to and focuses `elementId`. */
  go(place: Partial<NavState>, elementId?: string, focus?: boolean): void;
  /** The instance key the assessor last answered or jumped to ("next unanswered" goes on from it). */
  last: string | null;
  /** True once the assessor went somewhere (a remembered place restored late must not undo it). */
  moved: boolean;
}

/** Scrolls an element into view and moves focus into it (its first unanswered control). */
export function reveal(element: HTMLElement, focus = true): void {
  element.scrollIntoView({ block: "start" });
  if (!focus) return;
  const control =
    element.querySelector<HTMLElement>("input:not(:checked), textarea, select, button") ?? element;
  control.focus({ preventScroll: true });
}

export function createSheetNav(initial: NavState): SheetNav {
  const store = createValueStore(initial);
  return {
    store,
    last: null,
    moved: false,
    go(place, elementId, focus = true) {
      if (focus) this.moved = true;
      const before = store.get();
      const next = { ...before, ...place };
      const changed =
        next.view !== before.view || next.section !== before.section || next.respondent !== before.respondent;
      if (changed) store.set(next);
      if (elementId === undefined) return;
      // Already on screen: at once (focus follows the tap, as screen readers expect).
      const present = changed ? null : document.getElementById(elementId);
      if (present) {
        reveal(present, focus);
        return;
      }
      // Preact renders the change in a microtask; a few frames at most for a slow phone.
      let tries = 0;
      const find = () => {
        const element = document.getElementById(elementId);
        if (element) reveal(element, focus);
        else if (tries++ < 20) requestAnimationFrame(find);
      };
      requestAnimationFrame(find);
    },
  };
}

export const SheetNavContext = createContext<SheetNav | null>(null);

export function useSheetNav(): SheetNav {
  const nav = useContext(SheetNavContext);
  if (!nav) throw new Error("useSheetNav() outside the checklist");
  return nav;
}
