// The review's photo list for the viewer (issues #6, #20): every photo of the checklist in the
// screen's order, with its caption, including the file's own capture time and the warning when it is
// more than a day from the attach time (issue #16 item 7). The rule itself (CAPTURE_TOLERANCE_MS) is the
// server's: this only shows its `evidenceChecks` verdict, never a threshold of its own.
//
// Invariant: a check belongs to one attachment, (answer key, sha256), never to a hash alone. The
// same file can be attached to several items at different times (one photo of a notice board for
// two items, or re-attached days later), and each attachment has its own attach time, so its own
// gap. Looking checks up by hash alone let the last attachment's verdict stand for every item the
// file is on: a false "taken days before" on the item attached the same day, or a real one hidden.
import type { Instrument } from "../../../domain/instrument/types";
import { type AssessmentDetail, evidenceUrl } from "../../api/review-api";
import type { Language, Translate } from "../../i18n/i18n";
import { itemLabel, subjectOfKey } from "./desk-words";
import type { ViewedPhoto } from "./photo-viewer";
import { formatDateTime } from "./words";

export type EvidenceCheck = AssessmentDetail["evidenceChecks"][number];

const attachment = (key: string, sha256: string) => `${key}\u0000${sha256}`;

/** The check of each attachment, looked up by its answer key and hash together. */
export function checksByAttachment(
  checks: readonly EvidenceCheck[],
): (key: string, sha256: string) => EvidenceCheck | undefined {
  const byAttachment = new Map(checks.map((c) => [attachment(c.key, c.sha256), c]));
  return (key, sha256) => byAttachment.get(attachment(key, sha256));
}

/** The file's own capture time for the caption, and a warning when the server marked a mismatch. */
export function capturedOf(
  check: EvidenceCheck | undefined,
  language: Language,
  t: Translate,
): Pick<ViewedPhoto, "captured" | "capturedWarning"> {
  if (!check || check.capturedAt === null) return { captured: null, capturedWarning: null };
  const days = String(Math.max(1, Math.round(Math.abs(check.gapHours ?? 0) / 24)));
  const earlier = (check.gapHours ?? 0) > 0;
  const warning = check.mismatch ? t(earlier ? "deskCapturedEarlier" : "deskCapturedLater", { days }) : null;
  return { captured: formatDateTime(check.capturedAt, language), capturedWarning: warning };
}

/** Every photo of the checklist in instrument order (the order the screen shows them). */
export function photoList(
  detail: AssessmentDetail,
  instrument: Instrument,
  language: Language,
  nameOf: (id: string) => string,
  t: Translate,
): ViewedPhoto[] {
  const order = new Map<string, number>();
  let n = 0;
  for (const d of instrument.dimensions)
    for (const v of d.variables) for (const i of v.indicators) order.set(i.id, n++);
  const checkOf = checksByAttachment(detail.evidenceChecks);
  const authors = new Map<string, string>();
  for (const h of detail.history)
    if (h.key.startsWith("evidence:") && h.new !== null && !authors.has(h.key)) authors.set(h.key, h.userId);
  return detail.evidence
    .filter((e) => e.mime.startsWith("image/"))
    .map((e, index) => ({ e, index }))
    .sort((a, b) => {
      const oa = order.get(a.e.key.split(/[@#]/, 1)[0] ?? "") ?? 1e9;
      const ob = order.get(b.e.key.split(/[@#]/, 1)[0] ?? "") ?? 1e9;
      return oa - ob || a.e.key.localeCompare(b.e.key) || a.index - b.index;
    })
    .map(({ e }, i, all) => {
      const item = itemLabel(detail, e.key, language);
      const n = all.slice(0, i + 1).filter((x) => x.e.key === e.key).length;
      const author = authors.get(`evidence:${e.key}:${e.sha256}`);
      return {
        src: evidenceUrl(e.sha256),
        alt: t("reviewPhotoAlt", { n: String(n), item }),
        item,
        subject: subjectOfKey(detail, e.key, language),
        time: formatDateTime(e.takenAt, language),
        ...capturedOf(checkOf(e.key, e.sha256), language, t),
        gps: e.location
          ? t("reviewVisitPlaceValue", {
              lat: e.location.lat.toFixed(5),
              lon: e.location.lon.toFixed(5),
              accuracy: String(Math.round(e.location.accuracyM)),
            })
          : null,
        author: author === undefined ? "—" : nameOf(author),
        sha256: e.sha256,
        key: e.key,
      };
    });
}
