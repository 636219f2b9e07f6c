// Full-size evidence viewer (issues #6, #20): one native <dialog> per screen (Escape and "Tutup"
// close it; focus returns to the thumbnail that opened it, as showModal() does), with zoom,
// previous / next across every photo of the checklist (also the arrow keys), and a caption: the
// item, respondent or product, time, GPS, who uploaded it and the file's hash.
import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../../i18n/i18n";

export interface ViewedPhoto {
  src: string;
  alt: string;
  item: string;
  subject: string | null;
  time: string;
  /** When the file says it was taken (its EXIF), written out, or null when it carries no time. */
  captured: string | null;
  /** The file was taken more than a day away from when it was attached: a warning for the reviewer. */
  capturedWarning: string | null;
  gps: string | null;
  author: string;
  sha256: string;
  /** The answer key the photo is attached to. */
  key: string;
}

interface Props {
  photos: ViewedPhoto[];
  index: number | null;
  onIndex: (index: number | null) => void;
}

const ZOOMS = [1, 2, 3];

export function PhotoViewer({ photos, index, onIndex }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [zoom, setZoom] = useState(1);
  const photo = index === null ? undefined : photos[index];
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (photo && !dialog.open) dialog.showModal();
    if (!photo && dialog.open) dialog.close();
  }, [photo]);
  useEffect(() => setZoom(1), [index]);
  const go = (step: number) => {
    if (index === null || photos.length === 0) return;
    onIndex((index + step + photos.length) % photos.length);
  };
  return (
    <dialog
      ref={ref}
      class="review-viewer"
      onClose={() => onIndex(null)}
      onKeyDown={(e) => {
        if (e.key === "ArrowRight") go(1);
        if (e.key === "ArrowLeft") go(-1);
      }}
      aria-label={photo?.alt}
      data-testid="photo-viewer"
    >
      {photo && index !== null && (
        <>
          <div
            class={`review-viewer__stage${zoom > 1 ? " review-viewer__stage--zoomed" : ""}`}
            style={{ "--zoom": String(zoom) }}
          >
            <img src={photo.src} alt={photo.alt} class="review-viewer__img" />
          </div>
          <div class="review-viewer__caption" data-testid="photo-caption">
            <p>
              <strong>{t("deskViewerCount", { n: String(index + 1), total: String(photos.length) })}</strong>
            </p>
            <dl>
              <dt>{t("deskCaptionItem")}</dt>
              <dd>{photo.item}</dd>
              {photo.subject && (
                <>
                  <dt>{t("deskCaptionSubject")}</dt>
                  <dd>{photo.subject}</dd>
                </>
              )}
              <dt>{t("deskCaptionTime")}</dt>
              <dd>{photo.time}</dd>
              <dt>{t("deskCaptionCaptured")}</dt>
              <dd data-testid="photo-captured">
                {photo.captured ?? t("deskCaptionCapturedUnknown")}
                {photo.capturedWarning && (
                  <strong class="review-conflict-flag" role="note" data-testid="photo-time-warning">
                    {" "}
                    ⚠ {photo.capturedWarning}
                  </strong>
                )}
              </dd>
              <dt>{t("deskCaptionGps")}</dt>
              <dd>{photo.gps ?? "—"}</dd>
              <dt>{t("deskCaptionAuthor")}</dt>
              <dd>{photo.author}</dd>
              <dt>{t("deskCaptionHash")}</dt>
              <dd>
                <code>{photo.sha256}</code>
              </dd>
            </dl>
          </div>
          <form method="dialog" class="review-viewer__bar">
            <button type="button" class="button" disabled={photos.length < 2} onClick={() => go(-1)}>
              {t("deskViewerPrev")}
            </button>
            <button type="button" class="button" disabled={photos.length < 2} onClick={() => go(1)}>
              {t("deskViewerNext")}
            </button>
            <button
              type="button"
              class="button"
              disabled={zoom === ZOOMS[ZOOMS.length - 1]}
              onClick={() => setZoom((z) => ZOOMS[ZOOMS.indexOf(z) + 1] ?? z)}
            >
              {t("deskViewerZoomIn")}
            </button>
            <button
              type="button"
              class="button"
              disabled={zoom === 1}
              onClick={() => setZoom((z) => ZOOMS[ZOOMS.indexOf(z) - 1] ?? 1)}
            >
              {t("deskViewerZoomOut")}
            </button>
            <button type="submit" class="button button--primary" autofocus>
              {t("reviewPhotoClose")}
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
