import { useEffect } from "preact/hooks";

/** Each screen names the tab/window, so history entries and screen-reader announcements differ. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Patuh`;
  }, [title]);
}
