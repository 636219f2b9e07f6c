// The one table of words for the server's (and the network's) error codes, used by every form and
// every admin screen: form-level lines, messages under a field and a page that failed to load all
// read it, so a code is worded once. Codes the table does not know show as "Terjadi kesalahan
// (code)" rather than nothing.
import { ApiError } from "../api/http";
import type { MessageKey, Translate } from "../i18n/i18n";
import { type FieldMessage, problemMessages, type ServerProblem } from "./problem-fields";

const CODE_KEYS: Partial<Record<string, MessageKey>> = {
  invalid_body: "fkErrInvalid",
  unknown_field: "fkErrInvalid",
  invalid_text: "fkErrInvalid",
  already_exists: "fkErrTaken",
  not_found: "fkErrNotFound",
  forbidden: "fkErrForbidden",
  network: "fkErrNetwork",
  payload_too_large: "fkErrTooLarge",
  invalid_reference: "adminErrInvalidReference",
  instrument_in_use: "adminErrInstrumentInUse",
  scheme_immutable: "adminErrSchemeImmutable",
  self_lockout: "adminErrSelfLockout",
  period_closed: "adminErrPeriodClosed",
  period_has_assessments: "adminErrPeriodHasAssessments",
};

/** The words for an error code. */
export function codeWords(t: Translate, code: string): string {
  const key = CODE_KEYS[code];
  return key ? t(key) : t("fkErrUnexpected", { code });
}

/** The words for an error the server (or the network) gave, e.g. a page that failed to load. */
export function errorWords(t: Translate, error: unknown): string {
  return codeWords(t, error instanceof ApiError ? error.code : "unexpected");
}

/** The words of one message: "Wajib diisi." for a required field, the code's words otherwise. */
export function messageText(t: Translate, m: FieldMessage): string {
  if (m.detail === "required") return t("fkErrRequired");
  const words = codeWords(t, m.code);
  return m.detail && m.code === "invalid_body" ? `${words} (${m.detail})` : words;
}

/** An error as the form kit reads it: the API's code, details.path and details.issues. */
export function asProblem(error: unknown): ServerProblem {
  if (error instanceof ApiError) {
    const e = error as ApiError & { path?: string; issues?: { path: string; message: string }[] };
    return { code: e.code, path: e.path, issues: e.issues };
  }
  return { code: "unexpected" };
}

/**
 * A failed save's error as worded messages: those on one of `fields` (by details.path or each
 * details.issues entry) carry that field's name, the rest are form-level. For screens that keep
 * their own state instead of useForm.
 */
export function problemTexts(
  t: Translate,
  error: unknown,
  fields: readonly string[],
): { field: string | undefined; text: string }[] {
  return problemMessages(asProblem(error), fields).map((m) => ({ field: m.field, text: messageText(t, m) }));
}

/** problemTexts split for a screen's own state: the message per field, and the form-level words. */
export function problemByField<F extends string>(
  t: Translate,
  error: unknown,
  fields: readonly F[],
): { fields: Partial<Record<F, string>>; form: string | undefined } {
  const out: Partial<Record<F, string>> = {};
  const form: string[] = [];
  for (const m of problemTexts(t, error, fields)) {
    if (m.field === undefined) form.push(m.text);
    else out[m.field as F] = m.text;
  }
  return { fields: out, form: form.length > 0 ? form.join(" ") : undefined };
}
