// The state of one spreadsheet upload on a staff screen: the chosen file, the request in flight
// (with its upload fraction where the screen shows one), the last answer and the error in words.
// One flow for every upload screen: Periksa sends the file for a check (nothing is written), the
// screen decides from the answer whether its confirm button may send the SAME file for real, and
// choosing another file (or calling reset) drops the answer, so a changed file is checked again.
// Focus stays where the user put it: the answer is announced by its role (status/alert), as before.
import { useRef, useState } from "preact/hooks";
import { errorWords } from "../../form-kit/error-words";
import { type MessageKey, useI18n } from "../../i18n/i18n";

/** While a request runs: the fraction of the file sent (undefined once the server is checking). */
export type UploadBusy = { fraction: number | undefined } | undefined;

/** What one upload screen names for itself: its element and test ids, file types and words. */
export interface UploadSpec {
  ids: {
    /** The id of the card's heading (the card is labelled by it). */
    title: string;
    /** The id of the file input (its label points at it). */
    file: string;
    /** The confirm button's data-testid. */
    confirm: string;
    /** The card's data-testid, where the screen has one. */
    panel?: string;
  };
  /** The file input's accept list (CSV_OR_XLSX or XLSX_ONLY). */
  accept: string;
  words: {
    title: MessageKey;
    file: MessageKey;
    /** Periksa: send the file for a check. */
    check: MessageKey;
    /** Impor / Simpan: send the same file for real. */
    confirm: MessageKey;
    /** Said when Periksa is pressed before a file is chosen. */
    noFile: MessageKey;
  };
  /** Show the upload progress bar while a request runs (the request reports its progress). */
  progress?: boolean;
  /** Keep the last answer on screen while the next request runs (the workbook keeps its preview). */
  keepWhileBusy?: boolean;
}

/** Sends the file: a check (commit = false, nothing written) or the real import (commit = true). */
export type UploadSend<R> = (file: File, commit: boolean, progress: (fraction: number) => void) => Promise<R>;

export interface UploadCheck<R> {
  readonly file: File | undefined;
  readonly answer: R | undefined;
  readonly error: string | undefined;
  readonly busy: UploadBusy;
  /** A new file (or none): the previous answer and error no longer apply. */
  choose(file: File | undefined): void;
  /** Drops the answer and the error (e.g. when the screen's own choice, such as the entity, changes). */
  reset(): void;
  /** Sends the chosen file for a check. */
  check(): void;
  /** Sends the chosen file for real (the screen enables this only after a clean check). */
  confirm(): void;
}

/**
 * The upload state of one screen. `send` and `onAnswer` (called with every answer once it is shown,
 * e.g. to reload what an import changed) are read on each render, so they may close over the
 * screen's current choices (office, entity, period).
 */
export function useUploadCheck<R>(
  spec: UploadSpec,
  send: UploadSend<R>,
  onAnswer?: (answer: R) => void,
): UploadCheck<R> {
  const { t } = useI18n();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [answer, setAnswer] = useState<R | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<UploadBusy>(undefined);
  // Bumped whenever the answer stops applying (another file, the screen's reset): an answer still
  // in flight for the old choice is then dropped, so a report never stands beside a file it was
  // not made for (and never enables the confirm button for an unchecked file).
  const choice = useRef(0);

  const reset = () => {
    choice.current += 1;
    setAnswer(undefined);
    setError(undefined);
  };
  const request = async (commit: boolean) => {
    if (!file) {
      setError(t(spec.words.noFile));
      return;
    }
    setError(undefined);
    if (!spec.keepWhileBusy) setAnswer(undefined);
    setBusy({ fraction: 0 });
    const asked = choice.current;
    try {
      const result = await send(file, commit, (fraction) => {
        // Once every byte is sent the server is still checking: an indeterminate state.
        setBusy({ fraction: fraction >= 1 ? undefined : fraction });
      });
      // An applied import still tells the screen (what the server holds changed), even if stale.
      if (asked === choice.current) setAnswer(result);
      onAnswer?.(result);
    } catch (e) {
      if (asked === choice.current) setError(errorWords(t, e));
    } finally {
      setBusy(undefined);
    }
  };
  return {
    file,
    answer,
    error,
    busy,
    choose: (next) => {
      setFile(next);
      reset();
    },
    reset,
    check: () => void request(false),
    confirm: () => void request(true),
  };
}
