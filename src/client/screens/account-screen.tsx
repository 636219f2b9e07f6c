import { useDocumentTitle } from "../app/use-document-title";
import { useI18n } from "../i18n/i18n";
import type { User } from "../session/user";
import { AccountSection } from "./home/account-section";

/** /akun for supervisors and admins: the account card, two-step verification, logout. */
export function AccountScreen({ user }: { user: User }) {
  const { t } = useI18n();
  useDocumentTitle(t("sfNavAccount"));
  return (
    <div class="screen">
      <h1 tabIndex={-1}>{t("sfNavAccount")}</h1>
      <AccountSection user={user} />
    </div>
  );
}
