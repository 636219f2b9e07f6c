import type { NavItem } from "../app/routes/area";
import { NavCard } from "../components/nav-card";
import { useI18n } from "../i18n/i18n";
import type { User } from "../session/user";
import { AccountSection } from "./home/account-section";

/** Landing screen for supervisors and admins when no area claims "/": their links and their account. */
export function StaffHomeScreen({ user, links }: { user: User; links: NavItem[] }) {
  const { t } = useI18n();
  return (
    <div class="screen">
      <h1 tabIndex={-1}>{t("homeTitle")}</h1>
      {links.length > 0 && <NavCard label={t("homeTitle")} links={links} />}
      <AccountSection user={user} />
    </div>
  );
}
