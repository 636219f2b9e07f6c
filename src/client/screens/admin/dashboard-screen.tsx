import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { AccountSection } from "../home/account-section";
import { AdminPage } from "./admin-kit";
import { ADMIN_LINKS } from "./links";

/** "/" for the admin: what there is to manage, and their account. */
export function AdminDashboardScreen({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <AdminPage title="adminTitle" back={false}>
      <p class="lead">{t("adminIntro")}</p>
      <nav class="card" aria-label={t("adminTitle")}>
        <ul class="link-list">
          {ADMIN_LINKS.map((item) => (
            <li key={item.href}>
              <Link href={item.href}>{t(item.label)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <AccountSection user={user} />
    </AdminPage>
  );
}
