// Every answer of a checklist by dimension and variable (issue #6 §2): per indicator its instances
// (unit, each product, official or user), values (each media part), notes, evidence photos,
// conflicts highlighted, earlier review comments and — while the checklist is submitted — a comment
// field per instance. Read-only: a supervisor never edits answers.
import { baseKeyOf, instanceIdsFor, instancesOf, partKeyOf } from "../../../domain/assessment/instances";
import type { Indicator, Instrument } from "../../../domain/instrument/types";
import type { AssessmentDetail } from "../../api/review-api";
import { evidenceUrl, thumbnailUrl } from "../../api/review-api";
import { useI18n } from "../../i18n/i18n";
import { answerScoreValue, formatNumber, valueWords } from "./desk-words";
import { answerText, formatScore, localText } from "./words";

interface Props {
  instrument: Instrument;
  detail: AssessmentDetail;
  comments: Record<string, string>;
  onComment: ((key: string, text: string) => void) | null;
  /** Opens the viewer on this photo (the screen knows the whole list for previous / next). */
  onPhoto: (key: string, sha256: string) => void;
}

const startsWithKey = (key: string, base: string) => key === base || key.startsWith(`${base}#`);

export function ReviewAnswers({ instrument, detail, comments, onComment, onPhoto }: Props) {
  const { t, language } = useI18n();
  const points = new Map(detail.score?.dimensions.map((d) => [d.id, d.points]));
  return (
    <div class="review-answers">
      {instrument.dimensions.map((dimension) => (
        <section key={dimension.id} class="card review-dimension" aria-labelledby={`dim-${dimension.id}`}>
          <h2 id={`dim-${dimension.id}`} class="card__title">
            {/* The instrument's names already say "Dimensi …". */}
            {localText(dimension.name, language)}
            {points.has(dimension.id) && (
              <span class="review-muted">
                {" "}
                · {formatScore(points.get(dimension.id) ?? null, language)} {t("reviewPoints").toLowerCase()}
              </span>
            )}
          </h2>
          {dimension.variables.map((variable) => (
            <section key={variable.id} class="review-variable">
              <h3>{localText(variable.name, language)}</h3>
              {variable.indicators.map((indicator) => (
                <IndicatorBlock
                  key={indicator.id}
                  instrument={instrument}
                  indicator={indicator}
                  detail={detail}
                  comments={comments}
                  onComment={onComment}
                  onPhoto={onPhoto}
                />
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

function IndicatorBlock({
  instrument,
  indicator,
  detail,
  comments,
  onComment,
  onPhoto,
}: Props & { indicator: Indicator }) {
  const { t, language } = useI18n();
  const sets = instancesOf(detail);
  const question = localText(indicator.question, language);
  return (
    <article class="review-item" data-testid="review-item" data-indicator={indicator.id}>
      <h4 class="review-item__question">
        <span class="review-item__id">{indicator.id}</span> {question}
      </h4>
      {instanceIdsFor(indicator, sets).map((id) => {
        const base = baseKeyOf(indicator, id);
        return (
          <Instance
            key={base}
            base={base}
            subject={id === null ? null : subjectLabel(detail, indicator, id, t)}
            instrument={instrument}
            indicator={indicator}
            detail={detail}
            comment={comments[base] ?? ""}
            onComment={onComment}
            onPhoto={onPhoto}
            label={`${indicator.id}${id === null ? "" : ` (${subjectLabel(detail, indicator, id, t)})`}`}
          />
        );
      })}
    </article>
  );
}

function subjectLabel(
  detail: AssessmentDetail,
  indicator: Indicator,
  id: string,
  t: ReturnType<typeof useI18n>["t"],
): string {
  if (indicator.level === "product") return detail.products.find((p) => p.id === id)?.name ?? id.slice(0, 8);
  const list = detail.respondents.filter((r) => r.kind === indicator.level);
  const index = list.findIndex((r) => r.id === id);
  const name = list[index]?.profile.name;
  const kind = t(indicator.level === "official" ? "reviewOfficial" : "reviewUser");
  return typeof name === "string" && name.trim() !== ""
    ? `${kind} ${index + 1}: ${name}`
    : `${kind} ${index + 1}`;
}

function Instance({
  base,
  subject,
  instrument,
  indicator,
  detail,
  comment,
  onComment,
  onPhoto,
  label,
}: {
  base: string;
  subject: string | null;
  instrument: Instrument;
  indicator: Indicator;
  detail: AssessmentDetail;
  comment: string;
  onComment: Props["onComment"];
  onPhoto: Props["onPhoto"];
  label: string;
}) {
  const { t, language } = useI18n();
  const parts = indicator.media ?? [];
  const values =
    parts.length === 0
      ? [{ key: base, part: null as string | null }]
      : parts.map((p) => ({ key: partKeyOf(base, p), part: p as string }));
  const notes = Object.entries(detail.notes).filter(
    ([k, text]) => startsWithKey(k, base) && text.trim() !== "",
  );
  const evidence = detail.evidence.filter((e) => startsWithKey(e.key, base));
  const changes = (detail.sinceReturn?.changes ?? []).filter(
    (c) => c.itemKey !== "" && startsWithKey(c.itemKey, base),
  );
  const newPhotos = new Set(
    changes
      .filter((c) => c.kind === "evidence" && c.added)
      .map((c) => c.key.slice(c.key.lastIndexOf(":") + 1)),
  );
  const conflict = detail.conflicts.some((c) => startsWithKey(c.key, base));
  const earlier = detail.reviewComments.filter((c) => c.key === base && c.text.trim() !== "");
  const commentId = `comment-${base.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return (
    <div
      class={`review-instance${conflict ? " review-instance--conflict" : ""}${changes.length > 0 ? " review-changed" : ""}`}
      data-testid="review-instance"
      data-key={base}
      data-changed={changes.length > 0 ? "true" : undefined}
      id={`item-${base.replace(/[^A-Za-z0-9_-]/g, "_")}`}
    >
      {subject !== null && <p class="review-instance__subject">{subject}</p>}
      {conflict && <p class="review-conflict-flag">{t("reviewConflict")}</p>}
      {changes.length > 0 && (
        <div data-testid="changed-since-return">
          <span class="review-changed-flag">{t("deskChangedFlag")}</span>
          <ul class="review-change-list">
            {changes
              .filter((c) => c.kind !== "evidence")
              .map((c) => (
                <li key={c.key}>
                  <span class="review-old">{valueWords(instrument, c.key, c.old, language, t)}</span> →{" "}
                  <strong>{valueWords(instrument, c.key, c.new, language, t)}</strong>
                </li>
              ))}
          </ul>
        </div>
      )}
      <ul class="review-values">
        {values.map(({ key, part }) => {
          const value = detail.answers[key];
          const score = answerScoreValue(instrument, indicator, value);
          // The tapped value beside its words: the score value the option carries.
          const text =
            answerText(instrument, indicator, value, language, t) +
            (score === null ? "" : ` · ${t("deskValueScore", { value: formatNumber(score, language) })}`);
          const partName = part === "physical" ? t("reviewMediaPhysical") : t("reviewMediaElectronic");
          return (
            <li key={key} data-testid="review-value" data-key={key}>
              {part === null ? text : t("reviewPart", { part: partName, value: text })}
            </li>
          );
        })}
      </ul>
      {notes.map(([k, text]) => (
        <p key={k} class="review-note">
          <strong>{t("reviewNote")}:</strong> {text}
        </p>
      ))}
      {evidence.length > 0 && (
        <ul class="review-photos" aria-label={t("reviewEvidence")}>
          {evidence.map((e, i) => {
            const n = String(i + 1);
            const src = evidenceUrl(e.sha256);
            // JPEG (every device photo) comes as the server's small thumbnail; others full size.
            const thumb = e.mime === "image/jpeg" ? thumbnailUrl(e.sha256) : src;
            const isNew = newPhotos.has(e.sha256);
            return (
              <li key={`${e.key}-${e.sha256}`}>
                {e.mime.startsWith("image/") ? (
                  <button
                    type="button"
                    class="review-photo"
                    aria-label={`${t("reviewPhotoOpen", { n, item: label })}${isNew ? ` (${t("deskNewPhoto")})` : ""}`}
                    data-new={isNew ? "true" : undefined}
                    onClick={() => onPhoto(e.key, e.sha256)}
                  >
                    <img src={thumb} alt="" loading="lazy" width={96} height={96} />
                    {isNew && (
                      <span class="review-new-photo" aria-hidden="true">
                        {t("deskNewPhoto")}
                      </span>
                    )}
                  </button>
                ) : (
                  <a href={src} target="_blank" rel="noopener">
                    {t("reviewDocument", { n })}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {earlier.map((c) => (
        <p key={`${c.at}-${c.key}`} class="review-earlier">
          <strong>{t("reviewEarlierComment")}:</strong> {c.text}
        </p>
      ))}
      {onComment && (
        <div class="field review-comment">
          <label for={commentId}>{t("reviewItemComment", { item: label })}</label>
          <textarea
            id={commentId}
            rows={2}
            value={comment}
            data-testid="item-comment"
            data-key={base}
            onInput={(e) => onComment(base, e.currentTarget.value)}
          />
        </div>
      )}
    </div>
  );
}
