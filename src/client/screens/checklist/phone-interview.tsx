// How one respondent was interviewed (format-2 roles that allow it): on site, or by phone with the
// call's local date-time and, optionally, its length in minutes. A phone interview records the call
// instead of a photo; completeness (domain) requires the call time. Stored as profile fields `mode`,
// `callAt`, `callMinutes` (docs/instrument-v2.md), so no sync protocol change.
import { interviewMode, type RespondentRole } from "../../../domain";
import type { Respondent } from "../../../domain/sync/protocol";
import { useChecklist } from "./checklist-context";

export function PhoneInterview({ respondent, role }: { respondent: Respondent; role: RespondentRole }) {
  const { editor, t } = useChecklist();
  const mode = interviewMode(role, respondent);
  const id = `resp-${respondent.id}`;
  const text = (field: string) => {
    const v = respondent.profile[field];
    return typeof v === "string" ? v : "";
  };
  const put = (field: string, value: string) => void editor.setProfileField(respondent.id, field, value);
  return (
    <div class="phone-interview" data-mode={mode}>
      <fieldset class="field">
        <legend>{t("m25Mode")}</legend>
        {role.modes.map((m) => (
          <label key={m} class="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value={m}
              checked={mode === m}
              onChange={() => put("mode", m)}
            />
            {t(m === "phone" ? "m25ModePhone" : "m25ModeOnSite")}
          </label>
        ))}
      </fieldset>
      {mode === "phone" && (
        <>
          <p class="hint">{t("m25CallHint")}</p>
          <div class="field">
            <label for={`${id}-call-at`}>{t("m25CallAt")}</label>
            <input
              id={`${id}-call-at`}
              type="datetime-local"
              required
              value={text("callAt").slice(0, 16)}
              onChange={(e) => put("callAt", e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`${id}-call-minutes`}>{t("m25CallMinutes")}</label>
            <input
              id={`${id}-call-minutes`}
              type="number"
              inputMode="numeric"
              min={1}
              max={600}
              value={text("callMinutes")}
              onChange={(e) => put("callMinutes", e.currentTarget.value.trim())}
            />
          </div>
        </>
      )}
    </div>
  );
}
