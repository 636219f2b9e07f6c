import { useDocumentTitle } from "../app/use-document-title";
import { Link } from "../components/link";
import { useI18n } from "../i18n/i18n";

// Placeholder for the lembar penilaian. Loaded with a dynamic import (app/routes) so the checklist's
// code never weighs on the login/home route.
export function AssessmentScreen({ id }: { id: string }) {
  const { t } = useI18n();
  useDocumentTitle(t("assessmentTitle"));
  return (
    <div class="screen">
      <h1 tabIndex={-1}>{t("assessmentTitle")}</h1>
      <p data-testid="assessment-placeholder">{t("assessmentPlaceholder", { id })}</p>
      <Link href="/" class="button button--block">
        {t("backHome")}
      </Link>
    </div>
  );
}
