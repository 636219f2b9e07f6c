// Work kept after a supervisor took this assessor off a team (src/client/db/removed-work.ts): says
// plainly that it stays on this device, read-only, and that the server no longer accepts changes;
// shows what it holds and lets the assessor copy or download it to hand over.
import { useState } from "preact/hooks";
import { listRemovedWork, type RemovedWorkRow } from "../../db/removed-work";
import { useDevice } from "../../hooks/use-device";
import { useLiveQuery } from "../../hooks/use-live-query";
import { useI18n } from "../../i18n/i18n";
import "../../styles/planning.css";

function asText(row: RemovedWorkRow): string {
  return JSON.stringify(
    { unit: row.unitName, pemda: row.pemdaName, removedAt: row.removedAt, assessment: row.state },
    null,
    2,
  );
}

function download(row: RemovedWorkRow): void {
  const url = URL.createObjectURL(new Blob([asText(row)], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `patuh-${row.assessmentId}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function KeptItem({ row }: { row: RemovedWorkRow }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const s = row.state;
  const answers = Object.values(s.answers).filter((v) => v !== null).length;
  const copy = () => {
    navigator.clipboard.writeText(asText(row)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <li class="removed-work__item" data-testid="removed-work" data-assessment={row.assessmentId}>
      <p class="removed-work__name">
        {t("planningRemovedItem", {
          unit: row.unitName || t("planningUnknownUnit"),
          pemda: row.pemdaName,
        })}
      </p>
      <p>
        {t("planningRemovedSummary", {
          answers: String(answers),
          products: String(s.products.length),
          photos: String(s.evidence.length),
          notes: String(Object.values(s.notes).filter((n) => n.trim() !== "").length),
          pending: String(row.pendingEdits),
        })}
      </p>
      <details>
        <summary>{t("planningRemovedShow")}</summary>
        <pre class="removed-work__content">{asText(row)}</pre>
      </details>
      <div class="button-row">
        <button type="button" class="button" onClick={copy}>
          {t("planningRemovedCopy")}
        </button>
        <button type="button" class="button" onClick={() => download(row)}>
          {t("planningRemovedDownload")}
        </button>
      </div>
      {copied && <p role="status">{t("planningRemovedCopied")}</p>}
    </li>
  );
}

export function RemovedAssignments() {
  const { t } = useI18n();
  const { db } = useDevice();
  const rows = useLiveQuery(() => listRemovedWork(db), [db]) ?? [];
  if (rows.length === 0) return null;
  return (
    <section
      class="card notice notice--warning removed-work"
      aria-labelledby="removed-work-title"
      data-testid="removed-assignments"
    >
      <h2 id="removed-work-title" class="card__title">
        {t("planningRemovedTitle")}
      </h2>
      <p>{t("planningRemovedIntro")}</p>
      <ul class="removed-work__list">
        {rows.map((row) => (
          <KeptItem key={row.key} row={row} />
        ))}
      </ul>
    </section>
  );
}
