import type { ComponentChildren } from "preact";
import { useStorageInfo } from "../../hooks/use-storage-info";
import { type MessageKey, useI18n } from "../../i18n/i18n";
import { freeBytes, isStorageLow, requestPersistentStorage, toMegabytes } from "../../platform/storage";
import { formatNumber } from "./home-words";

/** Used / available space, whether the data is persistent, and warnings before space runs out. */
export function StoragePanel() {
  const { t, language } = useI18n();
  const info = useStorageInfo();
  const mb = (bytes: number | null) =>
    bytes === null ? "—" : t("storageMb", { mb: formatNumber(toMegabytes(bytes), language) });

  let body: ComponentChildren;
  if (!info) {
    body = (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  } else if (!info.supported) {
    body = <p class="notice notice--warning">{t("storageUnsupported")}</p>;
  } else {
    const free = freeBytes(info);
    const persistedKey: MessageKey =
      info.persisted === null ? "storageUnknown" : info.persisted ? "storageYes" : "storageNo";
    body = (
      <>
        <dl class="facts">
          <div class="facts__row">
            <dt>{t("storageUsed")}</dt>
            <dd data-testid="storage-used">{mb(info.usageBytes)}</dd>
          </div>
          <div class="facts__row">
            <dt>{t("storageFree")}</dt>
            <dd data-testid="storage-free">{mb(free)}</dd>
          </div>
          <div class="facts__row">
            <dt>{t("storagePersistent")}</dt>
            <dd data-testid="storage-persisted" data-persisted={String(info.persisted)}>
              {t(persistedKey)}
            </dd>
          </div>
        </dl>
        {isStorageLow(info) && (
          <p class="notice notice--warning" role="alert" data-testid="storage-low">
            {t("storageLow", { free: formatNumber(toMegabytes(free ?? 0), language) })}
          </p>
        )}
        {info.persisted ? (
          <p class="storage-panel__note">{t("storagePersistentExplain")}</p>
        ) : (
          <>
            <p class="storage-panel__note" data-testid="storage-explain">
              {t("storageNotPersistentExplain")}
            </p>
            <button
              type="button"
              class="button button--block"
              onClick={() => void requestPersistentStorage()}
            >
              {t("storageRequest")}
            </button>
          </>
        )}
      </>
    );
  }
  return (
    <section class="card storage-panel" aria-labelledby="storage-title" data-testid="storage-panel">
      <h2 id="storage-title" class="card__title">
        {t("storageTitle")}
      </h2>
      {body}
    </section>
  );
}
