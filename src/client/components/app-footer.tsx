import { BUILD_ID } from "../app/build-info";
import { useI18n } from "../i18n/i18n";

export function AppFooter() {
  const { t } = useI18n();
  return (
    <footer class="app-footer">
      <p data-testid="build-id">{t("version", { build: BUILD_ID })}</p>
    </footer>
  );
}
