import { LanguageSwitch } from "../../components/language-switch";
import { type MessageKey, useI18n } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { type UnsentWork, useLogout } from "../../session/use-logout";
import type { Role, User } from "../../session/user";

/** Staff only (assessors have no second factor): loaded when drawn, off the assessor's first download. */
const SecondFactorCard = lazyScreen(() =>
  import("./second-factor-card").then((module) => module.SecondFactorCard),
);

import { lazyScreen } from "../../app/lazy-screen";

const ROLE_KEYS: Record<Role, MessageKey> = {
  assessor: "roleAssessor",
  supervisor: "roleSupervisor",
  admin: "roleAdmin",
};

/**
 * Who is logged in, the language, and logging out (which keeps this user's data on the device).
 * `unsent` is the assessor's device: logging out with edits not yet on the server offers a sync first.
 */
export function AccountSection({ user, unsent }: { user: User; unsent?: UnsentWork }) {
  const { t } = useI18n();
  const { unlockedOffline } = useSession();
  const logout = useLogout(user.username, unsent);
  return (
    <>
      <section class="card" aria-labelledby="profile-name">
        <p class="card__eyebrow">{t("welcome")}</p>
        <h2 id="profile-name" class="card__title" data-testid="user-name">
          {user.name}
        </h2>
        <dl class="facts">
          <div class="facts__row">
            <dt>{t("role")}</dt>
            <dd data-testid="user-role">{t(ROLE_KEYS[user.role])}</dd>
          </div>
          <div class="facts__row">
            <dt>{t("office")}</dt>
            <dd data-testid="user-office">{user.officeName ?? user.officeId ?? "—"}</dd>
          </div>
          <div class="facts__row">
            <dt>{t("username")}</dt>
            <dd>{user.username}</dd>
          </div>
        </dl>
      </section>

      {unlockedOffline && (
        <p class="notice notice--info" role="status" data-testid="unlocked-offline">
          {t("unlockedOfflineNotice")}
        </p>
      )}

      {user.role !== "assessor" && !unlockedOffline && <SecondFactorCard user={user} />}

      <LanguageSwitch />

      {logout.warning === "unsent" ? (
        <div class="notice notice--warning" role="alert" data-testid="logout-unsent">
          <p>
            {logout.pending > 0
              ? t("logoutUnsentWarning", { count: String(logout.pending) })
              : t("logoutNothingUnsent")}
          </p>
          <div class="button-row">
            {logout.pending > 0 && (
              <button
                type="button"
                class="button button--primary"
                onClick={logout.syncFirst}
                disabled={logout.syncing}
                data-testid="logout-sync-first"
              >
                {logout.syncing ? t("logoutSyncing") : t("logoutSyncFirst")}
              </button>
            )}
            <button
              type="button"
              class="button button--danger"
              onClick={logout.confirm}
              data-testid="logout-confirm"
            >
              {t("logoutConfirm")}
            </button>
            <button type="button" class="button" onClick={logout.cancel}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : logout.warning === "offline" ? (
        <div class="notice notice--warning" role="alert">
          <p>{t("logoutOfflineWarning")}</p>
          <div class="button-row">
            <button type="button" class="button button--danger" onClick={logout.confirm}>
              {t("logoutConfirm")}
            </button>
            <button type="button" class="button" onClick={logout.cancel}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="button button--block"
          onClick={logout.request}
          disabled={logout.busy}
          data-testid="logout"
        >
          {logout.busy ? t("logoutBusy") : t("logout")}
        </button>
      )}
    </>
  );
}
