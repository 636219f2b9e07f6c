import { useI18n } from "../i18n/i18n";
import { useOnline } from "../platform/online";

/** "Daring" / "Luring" with a shape as well as a colour, so it reads without colour vision. */
export function OnlineStatus() {
  const online = useOnline();
  const { t } = useI18n();
  return (
    <p
      class={`status-pill ${online ? "status-pill--online" : "status-pill--offline"}`}
      data-testid="online-status"
    >
      <span class="visually-hidden">{t("connectionStatus")}: </span>
      <span class="status-pill__dot" aria-hidden="true" />
      {online ? t("online") : t("offline")}
    </p>
  );
}
