// /penugasan/:assignmentId — start the visit at a unit: date and time are set automatically, GPS is
// recorded when allowed, the assessor picks scheduled/unannounced; the team comes from the
// assignment. If this device already started the unit's assessment, go straight to it.
import "../../styles/checklist.css";
import { useEffect, useState } from "preact/hooks";
import type { VisitMode } from "../../../domain/sync/protocol";
import { navigate } from "../../app/router";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useAssignment } from "../../hooks/use-assessment";
import { useI18n } from "../../i18n/i18n";
import { localDate, useStartVisit } from "./use-start-visit";

export function StartVisitScreen({ assignmentId }: { assignmentId: string }) {
  const { t, language } = useI18n();
  const loaded = useAssignment(assignmentId);
  const data = loaded.status === "ready" ? loaded.value : undefined;
  const visit = useStartVisit(data?.assignment, data?.instrument);
  const [mode, setMode] = useState<VisitMode>("scheduled");
  const [now] = useState(() => new Date());
  useDocumentTitle(t("startVisitTitle"));
  const existing = data?.existingId ?? null;

  useEffect(() => {
    if (existing) navigate(`/penilaian/${existing}`, { replace: true });
  }, [existing]);

  if (loaded.status === "loading" || existing) {
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  }
  if (loaded.status === "missing" || !data?.instrument) {
    return (
      <div class="screen">
        <h1 tabIndex={-1}>{t("startVisitTitle")}</h1>
        <p class="notice notice--warning">{t("assignmentMissing")}</p>
        <Link href="/" class="button button--block">
          {t("backHome")}
        </Link>
      </div>
    );
  }
  const gpsText =
    visit.gps.kind === "locating"
      ? t("gpsLocating")
      : visit.gps.kind === "found"
        ? t("gpsFound", { meters: String(Math.round(visit.gps.fix.accuracyM)) })
        : t("gpsUnavailable");

  return (
    <form
      class="screen start-visit"
      onSubmit={async (event) => {
        event.preventDefault();
        const id = await visit.start(mode);
        if (id) navigate(`/penilaian/${id}`, { replace: true });
      }}
    >
      <h1 tabIndex={-1}>{t("startVisitTitle")}</h1>
      <p class="lead">{t("startVisitIntro")}</p>
      <dl class="facts card">
        <div class="facts__row">
          <dt>{t("startVisitUnit")}</dt>
          <dd data-testid="visit-unit">{data.unit?.name ?? "—"}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("startVisitDate")}</dt>
          <dd>{localDate(now)}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("startVisitTime")}</dt>
          <dd>
            {now.toLocaleTimeString(language === "en" ? "en-GB" : "id-ID", {
              hour: "2-digit",
              minute: "2-digit",
            })}
          </dd>
        </div>
        <div class="facts__row">
          <dt>{t("startVisitTeam")}</dt>
          <dd>{data.team.map((u) => u.name).join(", ") || "—"}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("startVisitLocation")}</dt>
          <dd>
            <span role="status" data-testid="visit-gps">
              {gpsText}
            </span>
          </dd>
        </div>
      </dl>
      <fieldset class="answer">
        <legend class="answer__legend">{t("startVisitMode")}</legend>
        <div class="answer__options">
          {(["scheduled", "unannounced"] as const).map((m) => (
            <label key={m} class="answer__option">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              <span>{t(m === "scheduled" ? "visitModeScheduled" : "visitModeUnannounced")}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {visit.error && (
        <p class="notice notice--error" role="alert">
          {visit.error.kind === "full"
            ? t("saveStorageFull")
            : t("saveRefused", { message: visit.error.message })}
        </p>
      )}
      <button
        type="submit"
        class="button button--primary button--block"
        data-testid="start-visit"
        disabled={visit.busy}
      >
        {visit.busy ? t("startVisitBusy") : t("startVisitSubmit")}
      </button>
    </form>
  );
}
