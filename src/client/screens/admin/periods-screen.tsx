import { useState } from "preact/hooks";
import { adminApi, type InstrumentSummary, type Office, type Period, type Scheme } from "../../api/admin-api";
import { codeWords, errorWords, problemByField } from "../../form-kit/error-words";
import { ErrorSummary, Field, SaveCancel, type SummaryItem } from "../../form-kit/parts";
import { useI18n } from "../../i18n/i18n";
import { AdminPage, Confirm, LoadState, StatusLine, useLoad } from "./admin-kit";

export function PeriodsScreen() {
  const { t } = useI18n();
  const periods = useLoad(adminApi.periods);
  const refs = useLoad(() => Promise.all([adminApi.offices(), adminApi.instruments(), adminApi.schemes()]));
  const [status, setStatus] = useState<string>();
  const done = (text: string) => {
    setStatus(text);
    periods.reload();
  };
  return (
    <AdminPage title="adminPeriodsTitle">
      <StatusLine text={status} />
      <LoadState loaded={periods} />
      {periods.data && (
        <ul class="admin-list" data-testid="period-list">
          {periods.data.length === 0 && <li>{t("adminEmpty")}</li>}
          {periods.data.map((p) => (
            <PeriodRow
              key={p.id}
              period={p}
              instruments={refs.data?.[1]}
              schemes={refs.data?.[2]}
              onDone={done}
            />
          ))}
        </ul>
      )}
      <LoadState loaded={refs} />
      {refs.data && (
        <CreatePeriod
          offices={refs.data[0]}
          instruments={refs.data[1]}
          schemes={refs.data[2]}
          onCreated={(p) => done(t("adminPeriodCreated", { name: p.name }))}
        />
      )}
    </AdminPage>
  );
}

function PeriodRow({
  period,
  instruments,
  schemes,
  onDone,
}: {
  period: Period;
  instruments: InstrumentSummary[] | undefined;
  schemes: Scheme[] | undefined;
  onDone(text: string): void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const open = period.status === "open";
  return (
    <li class="admin-list__item card" data-testid={`period-${period.name}`}>
      <p class="card__eyebrow">
        {period.officeName} · {period.year}
      </p>
      <p class="card__title">{period.name}</p>
      <p>
        {t("adminPeriodFacts", {
          instrument: `${period.instrumentId} v${period.instrumentVersion}`,
          scheme: period.schemeId,
        })}
      </p>
      <p>
        {t("adminPeriodCounts", {
          assignments: String(period.assignmentCount),
          assessments: String(period.assessmentCount),
        })}
      </p>
      <p>
        <span class={open ? "admin-badge admin-badge--ok" : "admin-badge admin-badge--off"}>
          {open ? t("adminPeriodOpen") : t("adminPeriodClosed")}
        </span>
      </p>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {open &&
        (confirming ? (
          <Confirm
            text={t("adminPeriodCloseConfirm", { name: period.name })}
            yes={t("adminPeriodCloseYes")}
            danger
            busy={busy}
            onNo={() => setConfirming(false)}
            onYes={async () => {
              setBusy(true);
              try {
                await adminApi.updatePeriod(period.id, { status: "closed" });
                onDone(t("adminPeriodClosedDone", { name: period.name }));
              } catch (e) {
                setError(errorWords(t, e));
                setConfirming(false);
              } finally {
                setBusy(false);
              }
            }}
          />
        ) : (
          !editing && (
            <div class="button-row">
              <button type="button" class="button" onClick={() => setEditing(true)}>
                {t("adminEdit")}
              </button>
              <button type="button" class="button" onClick={() => setConfirming(true)}>
                {t("adminPeriodClose")}
              </button>
            </div>
          )
        ))}
      {open && editing && instruments && schemes && (
        <EditPeriod
          period={period}
          instruments={instruments}
          schemes={schemes}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onDone(t("adminSaved"));
          }}
        />
      )}
    </li>
  );
}

const FIELDS = ["officeId", "year", "name", "instrument", "schemeId"] as const;
type FieldName = (typeof FIELDS)[number];
/** The body fields the server's problems name (details.path); the instrument is one select here. */
const SERVER_FIELDS = ["officeId", "year", "name", "instrumentId", "instrumentVersion", "schemeId"] as const;

function toFormFields(
  found: Partial<Record<(typeof SERVER_FIELDS)[number], string>>,
): Partial<Record<FieldName, string>> {
  const { instrumentId, instrumentVersion, ...rest } = found;
  const instrument = instrumentId ?? instrumentVersion;
  return instrument === undefined ? rest : { ...rest, instrument };
}

function CreatePeriod({
  offices,
  instruments,
  schemes,
  onCreated,
}: {
  offices: Office[];
  instruments: InstrumentSummary[];
  schemes: Scheme[];
  onCreated(p: Period): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<FieldName, string>>({
    officeId: offices[0]?.id ?? "",
    year: String(new Date().getFullYear()),
    name: "",
    instrument: "",
    schemeId: "",
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (field: FieldName) => (e: { currentTarget: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.currentTarget.value }));
  const labels: Record<FieldName, string> = {
    officeId: t("adminPeriodOffice"),
    year: t("adminPeriodYear"),
    name: t("adminPeriodName"),
    instrument: t("adminPeriodInstrument"),
    schemeId: t("adminPeriodScheme"),
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) found.year = codeWords(t, "invalid_body");
    for (const f of ["officeId", "name", "instrument", "schemeId"] as const) {
      if (values[f].trim() === "") found[f] = t("fkErrRequired");
    }
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) {
      setGeneration((n) => n + 1);
      return;
    }
    const chosen = instruments.find((i) => `${i.id}@${i.version}` === values.instrument);
    setBusy(true);
    try {
      const period = await adminApi.createPeriod({
        officeId: values.officeId,
        year,
        name: values.name.trim(),
        instrumentId: chosen?.id ?? "",
        instrumentVersion: chosen?.version ?? 0,
        schemeId: values.schemeId,
      });
      setValues((v) => ({ ...v, name: "" }));
      onCreated(period);
    } catch (e) {
      const problem = problemByField(t, e, SERVER_FIELDS);
      setErrors(toFormFields(problem.fields));
      setFormError(problem.form);
      setGeneration((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items: SummaryItem[] = [
    ...FIELDS.flatMap((f) =>
      errors[f] ? [{ field: `period-${f}`, text: `${labels[f]}: ${errors[f]}` }] : [],
    ),
    ...(formError ? [{ text: formError }] : []),
  ];
  const select = (f: FieldName, options: { value: string; label: string }[]) => (
    <Field id={`period-${f}`} label={labels[f]} error={errors[f]}>
      {(describedBy, invalid) => (
        <select
          id={`period-${f}`}
          value={values[f]}
          onChange={set(f)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        >
          {f !== "officeId" && <option value="">{t("adminPeriodChoose")}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <section class="card" aria-labelledby="period-create-title">
      <h2 id="period-create-title">{t("adminPeriodCreate")}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary items={items} generation={generation} />
        {select(
          "officeId",
          offices.map((o) => ({ value: o.id, label: o.name })),
        )}
        <Field id="period-year" label={labels.year} error={errors.year}>
          {(describedBy, invalid) => (
            <input
              id="period-year"
              type="text"
              inputMode="numeric"
              value={values.year}
              onInput={set("year")}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <Field id="period-name" label={labels.name} error={errors.name}>
          {(describedBy, invalid) => (
            <input
              id="period-name"
              type="text"
              value={values.name}
              onInput={set("name")}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        {select(
          "instrument",
          instruments.map((i) => ({
            value: `${i.id}@${i.version}`,
            label: `${i.title.id} (${i.id} v${i.version})`,
          })),
        )}
        {select(
          "schemeId",
          schemes.map((s) => ({ value: s.id, label: `${s.name.id} (${s.id})` })),
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t("fkSaving") : t("adminPeriodCreate")}
        </button>
      </form>
    </section>
  );
}

/** Rename; instrument and scheme only while the period has no assessment (the server checks too). */
function EditPeriod({
  period,
  instruments,
  schemes,
  onCancel,
  onSaved,
}: {
  period: Period;
  instruments: InstrumentSummary[];
  schemes: Scheme[];
  onCancel(): void;
  onSaved(p: Period): void;
}) {
  const { t } = useI18n();
  const base = `period-${period.id}`;
  const [name, setName] = useState(period.name);
  const [instrument, setInstrument] = useState(`${period.instrumentId}@${period.instrumentVersion}`);
  const [schemeId, setSchemeId] = useState(period.schemeId);
  const [errors, setErrors] = useState<Partial<Record<"name" | "instrument" | "schemeId", string>>>({});
  const [formError, setFormError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const locked = period.assessmentCount > 0;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (name.trim() === "") {
      setErrors({ name: t("fkErrRequired") });
      setFormError(undefined);
      setGeneration((n) => n + 1);
      return;
    }
    const chosen = instruments.find((i) => `${i.id}@${i.version}` === instrument);
    setBusy(true);
    try {
      onSaved(
        await adminApi.updatePeriod(period.id, {
          name: name.trim(),
          ...(locked || !chosen
            ? {}
            : { instrumentId: chosen.id, instrumentVersion: chosen.version, schemeId }),
        }),
      );
    } catch (e) {
      const problem = problemByField(t, e, SERVER_FIELDS);
      const { officeId, year, ...mine } = toFormFields(problem.fields);
      // This form shows neither office nor year: their messages stay form-level.
      setErrors(mine);
      setFormError([problem.form, officeId, year].filter(Boolean).join(" ") || undefined);
      setGeneration((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const items: SummaryItem[] = [
    ...(errors.name ? [{ field: `${base}-name`, text: `${t("adminPeriodName")}: ${errors.name}` }] : []),
    ...(errors.instrument
      ? [{ field: `${base}-instrument`, text: `${t("adminPeriodInstrument")}: ${errors.instrument}` }]
      : []),
    ...(errors.schemeId
      ? [{ field: `${base}-scheme`, text: `${t("adminPeriodScheme")}: ${errors.schemeId}` }]
      : []),
    ...(formError ? [{ text: formError }] : []),
  ];
  return (
    <form class="form" onSubmit={submit} noValidate>
      <ErrorSummary items={items} generation={generation} />
      <Field id={`${base}-name`} label={t("adminPeriodName")} error={errors.name}>
        {(describedBy, invalid) => (
          <input
            id={`${base}-name`}
            type="text"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field
        id={`${base}-instrument`}
        label={t("adminPeriodInstrument")}
        hint={locked ? t("adminErrPeriodHasAssessments") : undefined}
        error={errors.instrument}
      >
        {(describedBy, invalid) => (
          <select
            id={`${base}-instrument`}
            value={instrument}
            disabled={locked}
            onChange={(e) => setInstrument(e.currentTarget.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {instruments.map((i) => (
              <option key={`${i.id}@${i.version}`} value={`${i.id}@${i.version}`}>
                {`${i.title.id} (${i.id} v${i.version})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${base}-scheme`}
        label={t("adminPeriodScheme")}
        hint={locked ? t("adminErrPeriodHasAssessments") : undefined}
        error={errors.schemeId}
      >
        {(describedBy, invalid) => (
          <select
            id={`${base}-scheme`}
            value={schemeId}
            disabled={locked}
            onChange={(e) => setSchemeId(e.currentTarget.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {schemes.map((sc) => (
              <option key={sc.id} value={sc.id}>
                {`${sc.name.id} (${sc.id})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SaveCancel busy={busy} onCancel={onCancel} />
    </form>
  );
}
