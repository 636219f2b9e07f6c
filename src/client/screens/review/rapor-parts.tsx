// The parts that make the rapor fit to send (issue #20): the office letterhead with its logo and
// the print date, what was observed for each failed item (whose answer, the answer in words, the
// notes, photo count and thumbnails), the compact list of units not yet assessed, and the approval
// block read from the approval records (approver, role, date) with a place to sign.
import type { Letterhead, Rapor, RaporObservation } from "../../api/review-api";
import { thumbnailUrl } from "../../api/review-api";
import { type MessageKey, useI18n } from "../../i18n/i18n";
import { formatDate, formatDateTime, localText, STATUS_KEYS } from "./words";

type RaporUnit = Rapor["units"][number];
type Shortfall = RaporUnit["shortfalls"][number];

export function RaporLetterhead({
  letterhead,
  periodName,
  printedAt,
}: {
  letterhead: Letterhead;
  periodName: string;
  printedAt: string | null;
}) {
  const { t, language } = useI18n();
  const [first, ...rest] = letterhead.lines;
  return (
    <header class="rapor-letterhead" data-testid="rapor-letterhead">
      {letterhead.logoUrl && (
        <img
          class="rapor-letterhead__logo"
          src={letterhead.logoUrl}
          alt={t("raporLogoAlt", { office: letterhead.officeName })}
          data-testid="rapor-logo"
        />
      )}
      <div class="rapor-letterhead__text">
        {first && <p class="rapor-letterhead__first">{first}</p>}
        {rest.map((line) => (
          <p class="rapor-letterhead__line" key={line}>
            {line}
          </p>
        ))}
        {letterhead.address && <p class="rapor-letterhead__address">{letterhead.address}</p>}
      </div>
      <p class="rapor-letterhead__meta">
        <span>
          {t("raporPeriod")}: {periodName}
        </span>
        {printedAt && (
          <span data-testid="rapor-printed-at">
            {t("raporPrintedAt", { date: formatDate(printedAt, language) })}
          </span>
        )}
      </p>
    </header>
  );
}

const PART_KEYS: Record<string, MessageKey> = {
  physical: "raporPartPhysical",
  electronic: "raporPartElectronic",
};

function Observation({ observation, item }: { observation: RaporObservation; item: string }) {
  const { t, language } = useI18n();
  const answers = observation.answers
    .map((a) => {
      const text = localText(a.text, language);
      const partKey = a.part === null ? undefined : PART_KEYS[a.part];
      return partKey ? `${t(partKey)}: ${text}` : text;
    })
    .join(" · ");
  return (
    <li class="rapor-observation" data-testid="rapor-observation" data-key={observation.key}>
      <p>
        <span class="rapor-observation__subject">{observation.subject?.label ?? t("raporUnitItem")}</span>
        {" — "}
        {t("raporAnswer")}: <strong>{answers}</strong>
        {" · "}
        <span class="review-muted">
          {observation.photoCount > 0
            ? t("raporPhotos", { count: String(observation.photoCount) })
            : t("raporNoPhotos")}
        </span>
      </p>
      {observation.notes.map((note) => (
        <p class="review-note rapor-observation__note" key={note}>
          {t("reviewNote")}: {note}
        </p>
      ))}
      {observation.photos.some((p) => p.mime === "image/jpeg") && (
        <p class="rapor-observation__photos">
          {observation.photos
            .filter((p) => p.mime === "image/jpeg")
            .map((p) => (
              <img
                key={p.sha256}
                class="rapor-thumb"
                src={thumbnailUrl(p.sha256)}
                alt={t("raporPhotoAlt", { item })}
                width={96}
                height={72}
                loading="eager"
              />
            ))}
        </p>
      )}
    </li>
  );
}

/** The failed item's observations, then any note on its other instances (not lost, listed after). */
export function RaporObservations({ shortfall }: { shortfall: Shortfall }) {
  const { t } = useI18n();
  const observed = new Set(shortfall.observations.map((o) => o.key));
  const belongs = (key: string) => [...observed].some((base) => key === base || key.startsWith(`${base}#`));
  const otherNotes = shortfall.notes.filter((n) => !belongs(n.key));
  return (
    <>
      {shortfall.observations.length > 0 && (
        <>
          <p class="rapor-observed__title">{t("raporObserved")}:</p>
          <ul class="rapor-observations">
            {shortfall.observations.map((o) => (
              <Observation key={o.key} observation={o} item={shortfall.indicatorId} />
            ))}
          </ul>
        </>
      )}
      {otherNotes.length > 0 && (
        <>
          <p class="rapor-observed__title">{t("raporOtherNotes")}:</p>
          <ul class="review-notes">
            {otherNotes.map((n) => (
              <li key={n.key}>{n.text}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Units without an assessment: one compact list, not a page each. */
export function RaporPending({ units }: { units: readonly RaporUnit[] }) {
  const { t } = useI18n();
  if (units.length === 0) return null;
  return (
    <section class="card rapor-pending" data-testid="rapor-pending" aria-labelledby="rapor-pending-title">
      <h2 id="rapor-pending-title" class="card__title">
        {t("raporPendingTitle")} ({units.length})
      </h2>
      <p class="review-muted">{t("raporPendingIntro")}</p>
      <ul class="rapor-pending__list">
        {units.map((u) => (
          <li key={u.unitId} data-testid="rapor-pending-unit">
            {u.name} <span class="review-muted">({t(STATUS_KEYS[u.status])})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const ROLE_KEYS: Record<string, MessageKey> = {
  supervisor: "raporRoleSupervisor",
  admin: "raporRoleAdmin",
};

/** Who approved what, from the approval records; one signature place per approver. */
export function RaporApprovals({ approvals }: { approvals: Rapor["approvals"] }) {
  const { t, language } = useI18n();
  const role = (r: string) => (ROLE_KEYS[r] ? t(ROLE_KEYS[r]) : r);
  const signers = new Map<string, Rapor["approvals"][number]>();
  for (const a of approvals) {
    const seen = signers.get(a.approverId);
    if (seen === undefined || seen.approvedAt < a.approvedAt) signers.set(a.approverId, a);
  }
  return (
    <section class="card rapor-approval" data-testid="rapor-approval" aria-labelledby="rapor-approval-title">
      <h2 id="rapor-approval-title" class="card__title">
        {t("raporApprovalTitle")}
      </h2>
      {approvals.length === 0 ? (
        <p>{t("raporApprovalNone")}</p>
      ) : (
        <>
          <table class="review-table rapor-approval__table">
            <thead>
              <tr>
                <th scope="col">{t("raporApprovalUnit")}</th>
                <th scope="col">{t("raporApprovalBy")}</th>
                <th scope="col">{t("raporApprovalRole")}</th>
                <th scope="col">{t("raporApprovalDate")}</th>
              </tr>
            </thead>
            <tbody>
              {approvals.map((a) => (
                <tr key={a.unitId} data-testid="rapor-approval-row">
                  <th scope="row">{a.unitName}</th>
                  <td>{a.approverName}</td>
                  <td>{role(a.approverRole)}</td>
                  <td>{formatDateTime(a.approvedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="rapor-signatures">
            {[...signers.values()].map((s) => (
              <div class="rapor-signature" key={s.approverId} data-testid="rapor-signature">
                <p>{t("raporSignedBy")}</p>
                <p class="rapor-signature__space" aria-hidden="true" />
                <p class="rapor-signature__name">{s.approverName}</p>
                <p>{role(s.approverRole)}</p>
                <p>{formatDate(s.approvedAt, language)}</p>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
