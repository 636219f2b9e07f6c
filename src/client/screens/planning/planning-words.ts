// Words for the planning screens: server codes → dictionary keys, unit kinds in the UI language.
import { ApiError, NETWORK_ERROR } from "../../api/http";
import type { MessageKey, Translate } from "../../i18n/i18n";
import { unitKindWords } from "../../i18n/unit-kinds";

const ERROR_KEYS: Record<string, MessageKey> = {
  period_closed: "planningErrPeriodClosed",
  invalid_sample: "planningErrInvalidSample",
  invalid_team: "planningErrInvalidTeam",
  assignment_has_assessment: "planningErrHasAssessment",
  sample_not_drawn: "planningErrSampleNotDrawn",
  [NETWORK_ERROR]: "planningErrNetwork",
};

/** Why a planning request failed, in words. */
export function planningErrorWords(error: unknown, t: Translate): string {
  const code = error instanceof ApiError ? error.code : "unexpected";
  const key = Object.hasOwn(ERROR_KEYS, code) ? ERROR_KEYS[code] : undefined;
  return key ? t(key) : t("planningErrOther", { code });
}

/** A unit kind's name ("Puskesmas"), or the office's own kind made readable (i18n/unit-kinds.ts). */
export function kindWords(kind: string, t: Translate): string {
  return unitKindWords(kind, t);
}
