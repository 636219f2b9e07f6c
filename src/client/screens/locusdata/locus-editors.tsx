// One locus's secondary-data values (each with its cited source) and its oversight products with
// their follow-up state, each saved as a whole with PUT (the API replaces the locus's set). Save
// errors list every issue the server named; nothing is changed on the server when a save fails.
import { useState } from "preact/hooks";
import {
  FOLLOW_UP_STATES,
  type LocusEntry,
  locusDataApi,
  PRODUCT_KINDS,
  type ProductInput,
  type SecondaryIndicator,
  type SecondaryInput,
} from "../../api/locusdata-api";
import { errorWords } from "../../form-kit/error-words";
import { Field } from "../../form-kit/parts";
import { type MessageKey, useI18n } from "../../i18n/i18n";

/** The select's value for an option: coded scales are answered by code, the others by number. */
const optionKey = (o: { value: number | null; code?: string | undefined }) =>
  o.code !== undefined ? `c:${o.code}` : `n:${o.value ?? ""}`;
const storedKey = (value: number | string) => (typeof value === "string" ? `c:${value}` : `n:${value}`);

function SaveError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === undefined) return null;
  const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
  return (
    <p class="notice notice--error" role="alert">
      {errorWords(t, error)}
      {detail}
    </p>
  );
}

interface Row {
  key: string;
  source: string;
  note: string;
}

export function SecondaryEditor({
  periodId,
  locus,
  indicators,
  readOnly,
  onSaved,
}: {
  periodId: string;
  locus: LocusEntry;
  indicators: readonly SecondaryIndicator[];
  readOnly: boolean;
  onSaved(): void;
}) {
  const { t, language } = useI18n();
  const initial = (): Record<string, Row> => {
    const rows: Record<string, Row> = {};
    for (const i of indicators) {
      const stored = locus.secondary.find((s) => s.indicatorId === i.id);
      rows[i.id] = stored
        ? { key: storedKey(stored.value), source: stored.source, note: stored.note ?? "" }
        : { key: "", source: "", note: "" };
    }
    return rows;
  };
  const [rows, setRows] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const set = (id: string, patch: Partial<Row>) =>
    setRows((r) => ({ ...r, [id]: { ...(r[id] ?? { key: "", source: "", note: "" }), ...patch } }));
  const filled = indicators.filter((i) => (rows[i.id]?.key ?? "") !== "").length;

  const save = async (e: Event) => {
    e.preventDefault();
    const values: SecondaryInput[] = [];
    for (const i of indicators) {
      const row = rows[i.id];
      if (!row || row.key === "") continue;
      const value = row.key.startsWith("c:") ? row.key.slice(2) : Number(row.key.slice(2));
      values.push({ indicatorId: i.id, value, source: row.source.trim(), note: row.note.trim() });
    }
    setBusy(true);
    setError(undefined);
    try {
      await locusDataApi.saveSecondary(periodId, locus.pemdaId, values);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const base = `ld-${locus.pemdaId}`;
  return (
    <form class="form-kit" noValidate onSubmit={(e) => void save(e)} data-testid="ld-secondary">
      <h3>{t("ldSecondaryTitle")}</h3>
      <p>{t("ldSecondaryCount", { filled: String(filled), total: String(indicators.length) })}</p>
      {indicators.map((i) => {
        const row = rows[i.id] ?? { key: "", source: "", note: "" };
        const question = (language === "en" ? i.question.en : undefined) ?? i.question.id;
        return (
          <fieldset key={i.id} class="ld-indicator">
            <legend>
              <span class="admin-code">{i.id}</span> {question}
            </legend>
            <Field id={`${base}-${i.id}-value`} label={t("ldValue")}>
              {(describedBy) => (
                <select
                  id={`${base}-${i.id}-value`}
                  aria-describedby={describedBy}
                  disabled={readOnly}
                  value={row.key}
                  onChange={(e) => set(i.id, { key: e.currentTarget.value })}
                >
                  <option value="">{t("ldValueNone")}</option>
                  {i.options.map((o) => (
                    <option key={optionKey(o)} value={optionKey(o)}>
                      {(language === "en" ? o.label.en : undefined) ?? o.label.id}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${base}-${i.id}-source`} label={t("ldSource")} required={row.key !== ""}>
              {(describedBy) => (
                <input
                  id={`${base}-${i.id}-source`}
                  aria-describedby={describedBy}
                  aria-required={row.key !== ""}
                  readOnly={readOnly}
                  value={row.source}
                  onInput={(e) => set(i.id, { source: e.currentTarget.value })}
                />
              )}
            </Field>
            <Field id={`${base}-${i.id}-note`} label={t("ldNote")}>
              {(describedBy) => (
                <input
                  id={`${base}-${i.id}-note`}
                  aria-describedby={describedBy}
                  readOnly={readOnly}
                  value={row.note}
                  onInput={(e) => set(i.id, { note: e.currentTarget.value })}
                />
              )}
            </Field>
          </fieldset>
        );
      })}
      <SaveError error={error} />
      {!readOnly && (
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t("fkSaving") : t("ldSaveSecondary")}
          </button>
        </div>
      )}
    </form>
  );
}

interface ProductRow {
  kind: ProductInput["kind"];
  number: string;
  date: string;
  state: ProductInput["state"];
  evidence: string;
  note: string;
}
const emptyProduct = (): ProductRow => ({
  kind: "tindakan_korektif",
  number: "",
  date: "",
  state: "none",
  evidence: "",
  note: "",
});

export function OversightEditor({
  periodId,
  locus,
  readOnly,
  onSaved,
}: {
  periodId: string;
  locus: LocusEntry;
  readOnly: boolean;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<ProductRow[]>(() =>
    locus.oversight.products.map((p) => ({
      kind: p.kind,
      number: p.number,
      date: p.date.slice(0, 10),
      state: p.state,
      evidence: p.evidence ?? "",
      note: p.note ?? "",
    })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const patch = (n: number, p: Partial<ProductRow>) =>
    setRows((r) => r.map((row, i) => (i === n ? { ...row, ...p } : row)));
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    const products: ProductInput[] = rows.map((r) => ({
      kind: r.kind,
      number: r.number.trim(),
      date: r.date,
      state: r.state,
      ...(r.evidence.trim() ? { evidence: r.evidence.trim() } : {}),
      ...(r.note.trim() ? { note: r.note.trim() } : {}),
    }));
    void run(() => locusDataApi.saveOversight(periodId, locus.pemdaId, products));
  };
  const base = `ld-${locus.pemdaId}-p`;
  const recorded = locus.oversight.recorded;

  return (
    <form class="form-kit" noValidate onSubmit={save} data-testid="ld-oversight">
      <h3>{t("ldOversightTitle")}</h3>
      <p class={recorded ? "admin-badge admin-badge--ok" : "admin-badge"} data-testid="ld-recorded">
        {recorded ? t("ldRecorded") : t("ldNotRecorded")}
      </p>
      {recorded && rows.length === 0 && <p>{t("ldNoProducts")}</p>}
      {rows.map((r, n) => (
        <fieldset key={n} class="ld-product">
          <legend>{t("ldProductN", { n: String(n + 1) })}</legend>
          <Field id={`${base}${n}-kind`} label={t("ldKind")}>
            {(d) => (
              <select
                id={`${base}${n}-kind`}
                aria-describedby={d}
                disabled={readOnly}
                value={r.kind}
                onChange={(e) => patch(n, { kind: e.currentTarget.value as ProductRow["kind"] })}
              >
                {PRODUCT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`ldKind_${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${base}${n}-number`} label={t("ldNumber")} required>
            {(d) => (
              <input
                id={`${base}${n}-number`}
                aria-describedby={d}
                aria-required
                readOnly={readOnly}
                value={r.number}
                onInput={(e) => patch(n, { number: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id={`${base}${n}-date`} label={t("ldDate")} required>
            {(d) => (
              <input
                id={`${base}${n}-date`}
                type="date"
                aria-describedby={d}
                required
                readOnly={readOnly}
                value={r.date}
                onInput={(e) => patch(n, { date: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id={`${base}${n}-state`} label={t("ldState")}>
            {(d) => (
              <select
                id={`${base}${n}-state`}
                aria-describedby={d}
                disabled={readOnly}
                value={r.state}
                onChange={(e) => patch(n, { state: e.currentTarget.value as ProductRow["state"] })}
              >
                {FOLLOW_UP_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`ldState_${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${base}${n}-evidence`} label={t("ldEvidence")}>
            {(d) => (
              <input
                id={`${base}${n}-evidence`}
                aria-describedby={d}
                readOnly={readOnly}
                value={r.evidence}
                onInput={(e) => patch(n, { evidence: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id={`${base}${n}-note`} label={t("ldNote")}>
            {(d) => (
              <input
                id={`${base}${n}-note`}
                aria-describedby={d}
                readOnly={readOnly}
                value={r.note}
                onInput={(e) => patch(n, { note: e.currentTarget.value })}
              />
            )}
          </Field>
          {!readOnly && (
            <button
              type="button"
              class="button"
              onClick={() => setRows((all) => all.filter((_, i) => i !== n))}
            >
              {t("ldRemoveProduct", { n: String(n + 1) })}
            </button>
          )}
        </fieldset>
      ))}
      <SaveError error={error} />
      {!readOnly && (
        <div class="button-row">
          <button type="button" class="button" onClick={() => setRows((r) => [...r, emptyProduct()])}>
            {t("ldAddProduct")}
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t("fkSaving") : t("ldSaveOversight")}
          </button>
          {recorded && (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => void run(() => locusDataApi.clearOversight(periodId, locus.pemdaId))}
            >
              {t("ldClearOversight")}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
