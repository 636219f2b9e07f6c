// Text typed into a note or a profile field: kept locally while typing and saved after a short pause
// and on blur (one edit per pause, not per keystroke, so the queue stays short). While the user is
// typing, a value arriving from another tab or a pull does not overwrite their text.
import { useEffect, useRef, useState } from "preact/hooks";

export const DRAFT_SAVE_DELAY_MS = 500;

export interface DraftText {
  text: string;
  onInput: (event: Event) => void;
  onBlur: () => void;
}

export function useDraftText(value: string, save: (text: string) => void): DraftText {
  const [text, setText] = useState(value);
  const dirty = useRef(false);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const stored = useRef(value);
  stored.current = value;

  useEffect(() => {
    if (!dirty.current) {
      setText(value);
      latest.current = value;
    }
  }, [value]);

  const flush = () => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    if (latest.current !== stored.current) saveRef.current(latest.current);
  };

  // Leaving the screen mid-pause still saves what was typed.
  useEffect(() => flush, []);

  return {
    text,
    onInput: (event) => {
      const next = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      setText(next);
      latest.current = next;
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    onBlur: flush,
  };
}
