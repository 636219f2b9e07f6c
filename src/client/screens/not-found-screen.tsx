import { useDocumentTitle } from "../app/use-document-title";
import { Link } from "../components/link";
import { useI18n } from "../i18n/i18n";

export function NotFoundScreen() {
  const { t } = useI18n();
  useDocumentTitle(t("notFoundTitle"));
  return (
    <div class="screen">
      <h1 tabIndex={-1}>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link href="/" class="button button--block">
        {t("backHome")}
      </Link>
    </div>
  );
}
