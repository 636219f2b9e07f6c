import type { NavItem } from "../app/routes/area";
import { Link } from "../components/link";
import { useI18n } from "../i18n/i18n";
import type { User } from "../session/user";
import { AccountSection } from "./home/account-section";

/** Landing screen for supervisors and admins when no area claims "/": their links and their account. */
export function StaffHomeScreen({ user, links }: { user: User; links: NavItem[] }) {
  const { t } = useI18n();
  return (
    <div class="screen">
      <h1 tabIndex={-1}>{t("homeTitle")}</h1>
      {links.length > 0 && (
        <nav class="card" aria-label={t("homeTitle")}>
          <ul class="link-list">
            {links.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <AccountSection user={user} />
    </div>
  );
}
