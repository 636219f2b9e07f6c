import type { ComponentChildren } from "preact";
import { useI18n } from "../../i18n/i18n";
import type { Remote } from "./use-remote";
import { errorKey } from "./words";

/** Loading and error states of a Remote, with a reload button; children render the data. */
export function RemoteView<T>({
  remote,
  reload,
  children,
}: {
  remote: Remote<T>;
  reload: () => void;
  children: (data: T) => ComponentChildren;
}) {
  const { t } = useI18n();
  if (remote.state === "loading")
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  if (remote.state === "error")
    return (
      <div class="notice notice--error" role="alert">
        <p>{t(errorKey(remote.code), { code: remote.code })}</p>
        <button type="button" class="button" onClick={reload}>
          {t("reviewReload")}
        </button>
      </div>
    );
  return <>{children(remote.data)}</>;
}
