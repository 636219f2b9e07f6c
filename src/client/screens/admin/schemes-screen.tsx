import { adminApi, type Scheme } from "../../api/admin-api";
import { useI18n } from "../../i18n/i18n";
import { AdminPage, LoadState, useLoad } from "./admin-kit";
import { JsonUpload } from "./json-upload";

const NAMED: Record<string, string> = { hijau: "#1a7f37", kuning: "#d4a106", merah: "#c62828" };

export function SchemesScreen() {
  const { t } = useI18n();
  const schemes = useLoad(adminApi.schemes);
  return (
    <AdminPage title="adminSchemesTitle">
      <LoadState loaded={schemes} />
      {schemes.data && (
        <ul class="admin-list">
          {schemes.data.map((s) => (
            <SchemeCard key={s.id} scheme={s} />
          ))}
        </ul>
      )}
      <JsonUpload
        id="scheme-file"
        title={t("adminSchemeUpload")}
        label={t("adminSchemeFile")}
        hint={t("adminSchemeFileHint")}
        submit={t("adminSchemeSubmit")}
        upload={async (text) => {
          const r = await adminApi.saveScheme(text);
          schemes.reload();
          return t("adminSchemeSaved", { id: r.scheme.id });
        }}
      />
    </AdminPage>
  );
}

function SchemeCard({ scheme }: { scheme: Scheme }) {
  const { t, language } = useI18n();
  const text = (x: { id: string; en?: string | undefined }) => (language === "en" ? (x.en ?? x.id) : x.id);
  return (
    <li class="admin-list__item card">
      <p class="card__title">{text(scheme.name)}</p>
      <p>
        <span class="admin-code">{scheme.id}</span>
        {scheme.builtin && <span class="admin-badge">{t("adminBuiltin")}</span>}
        {scheme.inUse && <span class="admin-badge admin-badge--ok">{t("adminInUse")}</span>}
      </p>
      <ol class="admin-bands">
        {scheme.bands.map((b) => (
          <li key={b.category} class="admin-band">
            <span
              class="admin-band__swatch"
              aria-hidden="true"
              style={b.zone ? { background: NAMED[b.zone.colour] ?? b.zone.colour } : undefined}
            />
            <span class="admin-band__category">{b.category}</span>
            <span>{text(b.label)}</span>
            <span class="admin-band__zone">{b.zone ? text(b.zone.label) : t("adminBandNoZone")}</span>
            <span class="admin-band__min">{t("adminBandMin", { min: String(b.min) })}</span>
          </li>
        ))}
      </ol>
    </li>
  );
}
