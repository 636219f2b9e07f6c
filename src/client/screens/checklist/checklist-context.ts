// What every part of the sheet needs, passed once instead of through every component's props.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Instrument, LocalText } from "../../../domain";
import type { AssessmentState } from "../../../domain/sync/protocol";
import type { Translate } from "../../i18n/i18n";
import type { Editor } from "./use-editor";

export interface Checklist {
  state: AssessmentState;
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
}

export const ChecklistContext = createContext<Checklist | null>(null);

export function useChecklist(): Checklist {
  const value = useContext(ChecklistContext);
  if (!value) throw new Error("useChecklist() outside the checklist");
  return value;
}
