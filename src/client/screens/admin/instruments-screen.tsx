import { useState } from "preact/hooks";
import { adminApi, type InstrumentSummary } from "../../api/admin-api";
import { instrumentSheetsApi } from "../../api/locusdata-api";
import { errorWords } from "../../form-kit/error-words";
import { useI18n } from "../../i18n/i18n";
import { AdminPage, Confirm, LoadState, StatusLine, useLoad } from "./admin-kit";
import { InstrumentWorkbook } from "./instrument-workbook";
import { JsonUpload } from "./json-upload";
import { LazyInstrumentPreview } from "./preview/lazy-preview";

export function InstrumentsScreen() {
  const { t, language } = useI18n();
  const instruments = useLoad(adminApi.instruments);
  const [status, setStatus] = useState<string>();
  // One stored preview open at a time: the checklist parts give their sections page-wide ids.
  const [previewing, setPreviewing] = useState<string | null>(null);
  return (
    <AdminPage title="adminInstrumentsTitle">
      <StatusLine text={status} />
      <JsonUpload
        id="instrument-file"
        title={t("adminInstrumentUpload")}
        label={t("adminInstrumentFile")}
        hint={t("adminInstrumentFileHint")}
        submit={t("adminInstrumentSubmit")}
        upload={async (text) => {
          const r = await adminApi.uploadInstrument(text);
          instruments.reload();
          const vars = { id: r.instrument.id, version: String(r.instrument.version) };
          return r.created ? t("adminInstrumentCreated", vars) : t("adminInstrumentSame", vars);
        }}
      />
      <InstrumentWorkbook onSaved={instruments.reload} />
      <LoadState loaded={instruments} />
      {instruments.data && (
        <ul class="admin-list" data-testid="instrument-list">
          {instruments.data.length === 0 && <li>{t("adminEmpty")}</li>}
          {instruments.data.map((i) => (
            <InstrumentRow
              key={`${i.id}@${i.version}`}
              instrument={i}
              language={language}
              previewOpen={previewing === `${i.id}@${i.version}`}
              onPreview={(open) => setPreviewing(open ? `${i.id}@${i.version}` : null)}
              onDeleted={() => {
                setStatus(t("adminSaved"));
                instruments.reload();
              }}
            />
          ))}
        </ul>
      )}
    </AdminPage>
  );
}

function InstrumentRow({
  instrument,
  language,
  previewOpen,
  onPreview,
  onDeleted,
}: {
  instrument: InstrumentSummary;
  language: string;
  previewOpen: boolean;
  onPreview(open: boolean): void;
  onDeleted(): void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The stored JSON, fetched when the admin asks for the preview (null: closed).
  const [definition, setDefinition] = useState<{ json: unknown } | null>(null);
  const [loadingPreview, setLoadingPreview] = useState(false);
  const togglePreview = async () => {
    if (previewOpen) {
      onPreview(false);
      return;
    }
    setLoadingPreview(true);
    setError(undefined);
    try {
      const stored = await adminApi.instrument(instrument.id, instrument.version);
      setDefinition({ json: stored.definition });
      onPreview(true);
    } catch (e) {
      setError(errorWords(t, e));
    } finally {
      setLoadingPreview(false);
    }
  };
  const title = (language === "en" ? instrument.title.en : undefined) ?? instrument.title.id;
  const vars = { id: instrument.id, version: String(instrument.version) };
  return (
    <li class="admin-list__item card">
      <p class="card__title">{title}</p>
      <p>
        <span class="admin-code">{instrument.id}</span> · {t("adminInstrumentVersion", vars)} ·{" "}
        <span class={instrument.inUse ? "admin-badge admin-badge--ok" : "admin-badge"}>
          {instrument.inUse ? t("adminInUse") : t("adminNotInUse")}
        </span>
      </p>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <p class="button-row">
        <a class="button" href={instrumentSheetsApi.xlsxUrl(instrument.id, instrument.version)} download>
          {t("ldWbDownload")}
        </a>
        <button
          type="button"
          class="button"
          aria-expanded={previewOpen}
          aria-label={previewOpen ? t("pvClose") : t("pvOpenLabel", vars)}
          disabled={loadingPreview}
          onClick={() => void togglePreview()}
          data-testid="instrument-preview-open"
        >
          {loadingPreview ? t("pvLoading") : previewOpen ? t("pvClose") : t("pvOpen")}
        </button>
      </p>
      {previewOpen && definition && (
        <LazyInstrumentPreview
          json={definition.json}
          idPrefix={`stored-${instrument.id}-${instrument.version}`}
        />
      )}
      {!instrument.inUse &&
        (confirming ? (
          <Confirm
            text={t("adminDeleteInstrumentConfirm", vars)}
            yes={t("adminDelete")}
            danger
            busy={busy}
            onNo={() => setConfirming(false)}
            onYes={async () => {
              setBusy(true);
              try {
                await adminApi.deleteInstrument(instrument.id, instrument.version);
                onDeleted();
              } catch (e) {
                setError(errorWords(t, e));
                setConfirming(false);
              } finally {
                setBusy(false);
              }
            }}
          />
        ) : (
          <div class="button-row">
            <button type="button" class="button" onClick={() => setConfirming(true)}>
              {t("adminDelete")}
            </button>
          </div>
        ))}
    </li>
  );
}
