// Full-size evidence viewer: one native <dialog> per screen (Escape and the close button close it;
// focus returns to the thumbnail that opened it, as showModal() does).
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../i18n/i18n";

export interface ViewedPhoto {
  src: string;
  alt: string;
}

export function PhotoViewer({ photo, onClose }: { photo: ViewedPhoto | null; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (photo && !dialog.open) dialog.showModal();
    if (!photo && dialog.open) dialog.close();
  }, [photo]);
  return (
    <dialog
      ref={ref}
      class="review-viewer"
      onClose={onClose}
      aria-label={photo?.alt}
      data-testid="photo-viewer"
    >
      {photo && (
        <>
          <img src={photo.src} alt={photo.alt} class="review-viewer__img" />
          <form method="dialog" class="review-viewer__bar">
            <button type="submit" class="button button--primary" autofocus>
              {t("reviewPhotoClose")}
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
