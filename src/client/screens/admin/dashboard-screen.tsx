import { NavCard } from "../../components/nav-card";
import { useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { AccountSection } from "../home/account-section";
import { AdminPage } from "./admin-kit";
import { ADMIN_LINKS } from "./links";
import { SetupChecklist } from "./setup-checklist";

/** "/" for the admin: what there is to manage, and their account. */
export function AdminDashboardScreen({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <AdminPage title="adminTitle" back={false}>
      <p class="lead">{t("adminIntro")}</p>
      <SetupChecklist user={user} />
      <NavCard label={t("adminTitle")} links={ADMIN_LINKS} />
      <AccountSection user={user} />
    </AdminPage>
  );
}
