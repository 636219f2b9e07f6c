import { useI18n } from "../i18n/i18n";
import { useSession } from "../session/session";
import { Link } from "./link";
import { OnlineStatus } from "./online-status";

export function AppHeader() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <header class="app-header">
      <div class="app-header__brand">
        <Link href="/" class="app-header__home">
          <span class="app-header__name">{t("appName")}</span>
          <span class="app-header__tagline">{t("appTagline")}</span>
        </Link>
        {user && (
          <p class="app-header__user" data-testid="header-user">
            {user.name}
          </p>
        )}
      </div>
      <OnlineStatus />
    </header>
  );
}
