// /penilaian/:id — the lembar penilaian. Loaded with a dynamic import (app.tsx) so the checklist's
// code never weighs on the login/home route; its stylesheet comes with it.
import "../styles/checklist.css";
import "../styles/method25.css";
import { useDocumentTitle } from "../app/use-document-title";
import { Link } from "../components/link";
import { useAssessment } from "../hooks/use-assessment";
import { useI18n } from "../i18n/i18n";
import { ChecklistView } from "./checklist/checklist-view";

/** For the admin's instrument preview only (checklist/sheet-parts.ts says why it comes from here). */
export { sheetParts } from "./checklist/sheet-parts";

export function AssessmentScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useAssessment(id);
  useDocumentTitle(t("assessmentTitle"));
  if (loaded.status === "loading") {
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  }
  if (loaded.status === "missing") {
    // Keeps the placeholder's test id: the offline e2e opens /penilaian/<unknown id> to prove the
    // lazy chunk loads offline, and this is now what such an id shows.
    return (
      <div class="screen">
        <h1 tabIndex={-1}>{t("assessmentTitle")}</h1>
        <p class="notice notice--warning" data-testid="assessment-placeholder">
          {t("assessmentMissing", { id })}
        </p>
        <Link href="/" class="button button--block">
          {t("backHome")}
        </Link>
      </div>
    );
  }
  return <ChecklistView data={loaded.value} />;
}
