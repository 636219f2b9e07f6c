// Words for the home's states, kinds and refused edits (codes → dictionary keys), and times in the
// user's language ("10.42" in Indonesian, "10:42" in English).
import type { Language, MessageKey } from "../../i18n/i18n";
import type { SyncProblem, SyncState } from "../../sync";
import type { MissingPart, UnitState } from "./home-model";

export const UNIT_STATE_KEYS: Record<UnitState, MessageKey> = {
  "not-started": "unitStateNotStarted",
  draft: "unitStateDraft",
  unsynced: "unitStateUnsynced",
  synced: "unitStateSynced",
  submitted: "unitStateSubmitted",
  returned: "unitStateReturned",
  approved: "unitStateApproved",
};

// Unit kinds are the office's data: their words live in i18n/unit-kinds.ts (known spellings in
// both languages, any other kind readable as the office wrote it).
export { unitKindKey, unitKindWords } from "../../i18n/unit-kinds";

export const SYNC_STATE_KEYS: Record<SyncState, MessageKey> = {
  idle: "syncStateIdle",
  syncing: "syncStateSyncing",
  offline: "syncStateOffline",
  error: "syncStateError",
  "needs-login": "syncStateNeedsLogin",
};

export const MISSING_KEYS: Record<MissingPart, MessageKey> = {
  "never-synced": "notReadyNeverSynced",
  period: "notReadyPeriod",
  instrument: "notReadyInstrument",
  units: "notReadyUnits",
  pemda: "notReadyPemda",
  "service-worker": "notReadyServiceWorker",
};

/** What a refused mutation was trying to do, from its name (protocol.md § Push). */
export function mutationWhatKey(name: string): MessageKey {
  switch (name) {
    case "assessment.create":
      return "rejectionWhatCreate";
    case "assessment.setAnswer":
      return "rejectionWhatAnswer";
    case "assessment.setNote":
      return "rejectionWhatNote";
    case "assessment.putProduct":
    case "assessment.removeProduct":
      return "rejectionWhatProduct";
    case "assessment.putRespondent":
    case "assessment.removeRespondent":
      return "rejectionWhatRespondent";
    case "assessment.attachEvidence":
    case "assessment.detachEvidence":
      return "rejectionWhatEvidence";
    case "assessment.setVisit":
      return "rejectionWhatVisit";
    case "assessment.submit":
      return "rejectionWhatSubmit";
    default:
      return "rejectionWhatOther";
  }
}

/** Why the server refused it, from the rejection code (src/domain/sync/apply.ts). */
export function rejectionReasonKey(code: string): MessageKey {
  switch (code) {
    case "not_editable":
      return "rejectNotEditable";
    case "incomplete":
      return "rejectIncomplete";
    case "invalid_answer":
      return "rejectInvalidAnswer";
    case "assessment_not_found":
    case "unknown_assignment":
    case "unknown_product":
    case "unknown_respondent":
    case "evidence_not_attached":
      return "rejectNotFound";
    case "assignment_mismatch":
    case "instrument_mismatch":
      return "rejectMismatch";
    case "assessment_exists":
      return "rejectExists";
    case "assignment_removed":
      return "planningRejectAssignmentRemoved";
    default:
      return "rejectOther";
  }
}

/** The sync engine's problem in the UI language (the engine carries both). */
export function problemWords(problem: SyncProblem, language: Language): string {
  return problem.words[language];
}

const LOCALES: Record<Language, string> = { id: "id-ID", en: "en-GB" };

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "10.42" today, "22 Nov 10.42" on another day (local time of the device). */
export function formatWhen(iso: string, language: Language, now: Date = new Date()): string {
  const at = new Date(iso);
  const locale = LOCALES[language];
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(at);
  if (sameDay(at, now)) return time;
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short" }).format(at);
  return `${day} ${time}`;
}

/** A plain date (YYYY-MM-DD, no time zone) as "3 Agustus 2026". */
export function formatDate(isoDate: string, language: Language): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(y, m - 1, d));
}

/** A number in the UI language ("0,3" in Indonesian, "0.3" in English). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(value);
}
