// The quiet "Tersimpan di perangkat" line, and the loud one when a change could not be saved.
import { useValueStore, type ValueStore } from "../../app/value-store";
import type { Translate } from "../../i18n/i18n";
import type { SaveStatus } from "./use-editor";

export function SaveStatusLine({ store, t }: { store: ValueStore<SaveStatus>; t: Translate }) {
  const status = useValueStore(store);
  if (status.kind === "full" || status.kind === "refused" || status.kind === "photo_failed") {
    const text =
      status.kind === "full"
        ? t("saveStorageFull")
        : status.kind === "photo_failed"
          ? t("photoFailed")
          : t("saveRefused", { message: status.message });
    return (
      <p
        class="notice notice--error save-status"
        role="alert"
        data-testid="save-status"
        data-state={status.kind}
      >
        {text}
      </p>
    );
  }
  return (
    <p
      class="save-status save-status--quiet"
      role="status"
      data-testid="save-status"
      data-state={status.kind}
    >
      {status.kind === "saving" ? t("saving") : status.kind === "saved" ? t("savedOnDevice") : ""}
    </p>
  );
}
