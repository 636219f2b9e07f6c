// The admin's letterhead form for one office (issue #20): title lines, address, logo upload with the
// server's checks mirrored before sending (PNG/JPEG, at most 256 KB), and a preview of the heading
// exactly as the rapor prints it (RaporLetterhead).
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/http";
import { letterheadApi } from "../../api/letterhead-api";
import type { Letterhead } from "../../api/review-api";
import { codeWords } from "../../form-kit/error-words";
import { useI18n } from "../../i18n/i18n";
import { RaporLetterhead } from "../review/rapor-parts";
import "../../styles/rapor.css";

const MAX_LOGO = 256 * 1024;

export function LetterheadEditor({ officeId }: { officeId: string }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState<Letterhead>();
  const [lines, setLines] = useState("");
  const [address, setAddress] = useState("");
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const show = (l: Letterhead) => {
    setCurrent(l);
    setLines(l.isDefault ? "" : l.lines.join("\n"));
    setAddress(l.address);
  };
  useEffect(() => {
    letterheadApi.get(officeId).then(show, () => setMessage(codeWords(t, "network")));
  }, [officeId]);
  const run = async (work: () => Promise<Letterhead>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      show(await work());
      setMessage(t("adminSaved"));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : "";
      setMessage(
        code === "payload_too_large"
          ? t("letterheadLogoTooBig")
          : code === "invalid_image" || code === "unsupported_media_type"
            ? t("letterheadLogoInvalid")
            : codeWords(t, "invalid_body"),
      );
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const list = lines
      .split("\n")
      .map((x) => x.trim())
      .filter((x) => x !== "");
    if (list.length > 4) {
      setMessage(t("letterheadTooManyLines"));
      return;
    }
    void run(() => letterheadApi.setText(officeId, { lines: list, address: address.trim() }));
  };
  const upload = (file: File | undefined) => {
    if (!file) return;
    if (file.type !== "image/png" && file.type !== "image/jpeg") return setMessage(t("letterheadLogoType"));
    if (file.size > MAX_LOGO) return setMessage(t("letterheadLogoTooBig"));
    void run(() => letterheadApi.setLogo(officeId, file));
  };
  const id = (x: string) => `letterhead-${officeId}-${x}`;
  return (
    <section class="letterhead-editor" aria-labelledby={id("title")}>
      <h3 id={id("title")}>{t("letterheadTitle")}</h3>
      <p class="review-muted">{t("letterheadIntro")}</p>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for={id("lines")}>{t("letterheadLines")}</label>
          <p class="review-muted" id={id("lines-hint")}>
            {t("letterheadLinesHint")}
          </p>
          <textarea
            id={id("lines")}
            rows={4}
            value={lines}
            aria-describedby={id("lines-hint")}
            onInput={(e) => setLines(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={id("address")}>{t("letterheadAddress")}</label>
          <textarea
            id={id("address")}
            rows={2}
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t("fkSaving") : t("letterheadEdit")}
        </button>
      </form>
      <div class="field">
        <label for={id("logo")}>{t("letterheadLogoUpload")}</label>
        <input
          id={id("logo")}
          type="file"
          accept="image/png,image/jpeg"
          disabled={busy}
          onChange={(e) => upload(e.currentTarget.files?.[0])}
        />
      </div>
      {current?.logoUrl ? (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => run(() => letterheadApi.removeLogo(officeId))}
        >
          {t("letterheadLogoRemove")}
        </button>
      ) : (
        <p class="review-muted">{t("letterheadLogoNone")}</p>
      )}
      {message && (
        <p role="status" data-testid="letterhead-status">
          {message}
        </p>
      )}
      {current && (
        <>
          <h4>{t("letterheadPreview")}</h4>
          <RaporLetterhead letterhead={current} periodName="—" printedAt={null} />
        </>
      )}
    </section>
  );
}
