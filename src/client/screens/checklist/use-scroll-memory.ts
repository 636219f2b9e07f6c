// Reopen where the assessor was: the item last scrolled to (or focused) is remembered per assessment
// in its own small idb-keyval store and scrolled back into view when the sheet opens again — after a
// reload, a crash or a browser restart. Best effort: a storage failure only loses the position.
import { createStore, get, set } from "idb-keyval";
import { useEffect, useRef } from "preact/hooks";

const placeStore = createStore("patuh-checklist-place", "place");
const SAVE_EVERY_MS = 400;
/** Below the sticky score bar: an item whose top is above this line is "the one being read". */
const READ_LINE_PX = 96;

function currentAnchor(): string | null {
  let found: string | null = null;
  for (const element of document.querySelectorAll<HTMLElement>("[data-anchor]")) {
    if (element.getBoundingClientRect().top <= READ_LINE_PX) found = element.id;
    else if (found !== null) break;
  }
  return found;
}

/** Brings a remembered anchor back on screen (the sheet opens the section holding it first). */
export type Restore = (anchorId: string) => void;

const scrollTo: Restore = (id) => document.getElementById(id)?.scrollIntoView({ block: "start" });

export function useScrollMemory(assessmentId: string, ready: boolean, restore: Restore = scrollTo): void {
  const restored = useRef(false);

  useEffect(() => {
    if (!ready || restored.current) return;
    restored.current = true;
    void get<string>(assessmentId, placeStore)
      .then((id) => {
        if (id) restore(id);
      })
      .catch(() => undefined);
  }, [assessmentId, ready]);

  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: string | null = null;
    const remember = (id: string | null) => {
      if (id === null || id === last) return;
      last = id;
      void set(assessmentId, id, placeStore).catch(() => undefined);
    };
    const onScroll = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        remember(currentAnchor());
      }, SAVE_EVERY_MS);
    };
    const onFocus = (event: FocusEvent) => {
      const anchor = (event.target as HTMLElement | null)?.closest<HTMLElement>("[data-anchor]");
      if (anchor) remember(anchor.id);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    document.addEventListener("focusin", onFocus);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("scroll", onScroll);
      document.removeEventListener("focusin", onFocus);
    };
  }, [assessmentId, ready]);
}
