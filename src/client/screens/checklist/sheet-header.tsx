// Top of the sheet: unit, status, the visit (date, start time, GPS) and the save status.
import type { AssessmentStatus } from "../../../domain/sync/protocol";
import type { Language, MessageKey } from "../../i18n/i18n";
import { formatDate } from "../home/home-words";
import { useChecklist, useSheetState } from "./checklist-context";
import { SaveStatusLine } from "./save-status";

/** Dates and times as the UI language writes them (id-ID: 18.58), not as the browser's locale does. */
export function localeOf(language: string): string {
  return language === "en" ? "en-GB" : "id-ID";
}

export const STATUS_KEYS: Readonly<Record<AssessmentStatus, MessageKey>> = {
  draft: "statusDraft",
  submitted: "statusSubmitted",
  returned: "statusReturned",
  approved: "statusApproved",
};

export function SheetHeader({ unitName }: { unitName: string }) {
  const { editor, t, language } = useChecklist();
  const state = useSheetState();
  const visit = state.visit;
  const time = visit.startedAt
    ? new Date(visit.startedAt).toLocaleTimeString(localeOf(language), { hour: "2-digit", minute: "2-digit" })
    : "—";
  return (
    <header class="sheet-header">
      <p class="card__eyebrow">{t("assessmentTitle")}</p>
      <h1 tabIndex={-1}>{unitName}</h1>
      <p class="sheet-header__meta">
        <span
          class={`status-badge status-badge--${state.status}`}
          data-testid="assessment-status"
          data-status={state.status}
        >
          {t(STATUS_KEYS[state.status])}
        </span>{" "}
        {t("visitSummary", { date: visit.date ? formatDate(visit.date, language as Language) : "—", time })}
        {visit.location ? ` · GPS ± ${Math.round(visit.location.accuracyM)} m` : ""}
      </p>
      <SaveStatusLine store={editor.status} t={t} />
    </header>
  );
}
