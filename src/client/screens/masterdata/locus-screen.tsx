// One locus in forms: its code, name, kind and status; its service units, each editable (name,
// kind, address, products, status) with its history; and a form to add a unit. Every save is one
// history row on the server (masterdata/edit.ts), shown here under the record it changed.
import { useState } from "preact/hooks";
import { type LocusRecord, masterFormsApi, type UnitRecord } from "../../api/masterdata-forms-api";
import { Link } from "../../components/link";
import { CheckField, FormFrame, LinesField, SelectField, TextField } from "../../form-kit/fields";
import { useForm } from "../../form-kit/use-form";
import { useI18n } from "../../i18n/i18n";
import { unitKindWords } from "../../i18n/unit-kinds";
import type { User } from "../../session/user";
import { AdminPage, LoadState, StatusLine, useLoad } from "../admin/admin-kit";
import { HistoryList } from "./history-list";
import { useLocusKindOptions } from "./locus-kinds";

const cleanLines = (lines: readonly string[]) => lines.map((l) => l.trim()).filter((l) => l !== "");

export function LocusScreen({ user, locusId }: { user: User; locusId: string }) {
  const { t } = useI18n();
  const officeId = user.officeId ?? "";
  const loaded = useLoad(() => masterFormsApi.locus(officeId, locusId));
  const kinds = useLoad(() => masterFormsApi.unitKinds(officeId));
  const [status, setStatus] = useState<string>();
  const [added, setAdded] = useState(0);
  const kindNames = (kinds.data ?? []).map((k) => k.kind);
  const done = (text: string) => {
    setStatus(text);
    loaded.reload();
    kinds.reload();
  };
  return (
    <AdminPage title="mfLociTitle" back={false}>
      <p class="admin__back">
        <Link href="/data-induk/lokus">{t("mfBackToLoci")}</Link>
      </p>
      <StatusLine text={status} />
      <LoadState loaded={loaded} />
      {loaded.data && (
        <>
          <h2>{loaded.data.locus.name}</h2>
          <LocusForm
            key={JSON.stringify(loaded.data.locus)}
            officeId={officeId}
            locus={loaded.data.locus}
            onSaved={() => done(t("mfLocusSaved"))}
          />
          <h3>{t("mfHistory")}</h3>
          <HistoryList rows={loaded.data.history} />
          <h2>{t("mfUnitsTitle")}</h2>
          {loaded.data.units.length === 0 && <p>{t("mfNoUnits")}</p>}
          <ul class="admin-list">
            {loaded.data.units.map((u) => (
              <UnitItem
                key={`${u.id}:${JSON.stringify(u)}`}
                officeId={officeId}
                unit={u}
                kinds={kindNames}
                onSaved={(name) => done(t("mfUnitSaved", { name }))}
              />
            ))}
          </ul>
          <h3>{t("mfAddUnit")}</h3>
          <UnitForm
            key={`new:${added}`}
            formId="new-unit"
            officeId={officeId}
            kinds={kindNames}
            initial={{ name: "", kind: "", address: "", products: [], active: true }}
            save={async (values) => {
              const unit = await masterFormsApi.createUnit(officeId, locusId, {
                ...values,
                products: cleanLines(values.products),
              });
              setAdded((n) => n + 1);
              done(t("mfUnitCreated", { name: unit.name }));
            }}
          />
        </>
      )}
    </AdminPage>
  );
}

function LocusForm({ officeId, locus, onSaved }: { officeId: string; locus: LocusRecord; onSaved(): void }) {
  const { t } = useI18n();
  const kinds = useLocusKindOptions();
  const form = useForm({
    initial: { code: locus.code, name: locus.name, kind: locus.kind, active: locus.active },
    save: async (values) => {
      await masterFormsApi.updateLocus(officeId, locus.id, values);
      onSaved();
    },
  });
  return (
    <FormFrame
      id="locus"
      form={form}
      labels={{ code: t("mfCode"), name: t("mfName"), kind: t("mfKind"), active: t("mfActive") }}
    >
      <TextField formId="locus" form={form} name="code" label={t("mfCode")} hint={t("mfCodeHint")} required />
      <TextField formId="locus" form={form} name="name" label={t("mfName")} required maxLength={200} />
      <SelectField formId="locus" form={form} name="kind" label={t("mfKind")} options={kinds} />
      <CheckField formId="locus" form={form} name="active" label={t("mfLocusActive")} />
    </FormFrame>
  );
}

interface UnitValues extends Record<string, unknown> {
  name: string;
  kind: string;
  address: string;
  products: string[];
  active: boolean;
}

function UnitForm({
  formId,
  kinds,
  initial,
  save,
  onCancel,
}: {
  formId: string;
  officeId: string;
  kinds: readonly string[];
  initial: UnitValues;
  save(values: UnitValues): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<UnitValues>({ initial, save });
  return (
    <FormFrame
      id={formId}
      form={form}
      labels={{
        name: t("mfUnitName"),
        kind: t("mfUnitKind"),
        address: t("mfAddress"),
        products: t("mfProducts"),
        active: t("mfActive"),
      }}
      {...(onCancel ? { onCancel } : {})}
    >
      <TextField formId={formId} form={form} name="name" label={t("mfUnitName")} required maxLength={200} />
      <TextField
        formId={formId}
        form={form}
        name="kind"
        label={t("mfUnitKind")}
        hint={t("mfUnitKindHint")}
        required
        maxLength={100}
        options={kinds}
      />
      <TextField formId={formId} form={form} name="address" label={t("mfAddress")} maxLength={500} />
      <LinesField
        formId={formId}
        form={form}
        name="products"
        label={t("mfProducts")}
        hint={t("mfProductsHint")}
      />
      <CheckField formId={formId} form={form} name="active" label={t("mfUnitActive")} />
    </FormFrame>
  );
}

function UnitItem({
  officeId,
  unit,
  kinds,
  onSaved,
}: {
  officeId: string;
  unit: UnitRecord;
  kinds: readonly string[];
  onSaved(name: string): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <li class="admin-list__item card" data-testid={`unit-${unit.name}`}>
      <p class="card__title">{unit.name}</p>
      <p>
        {unitKindWords(unit.kind, t)}
        {unit.address ? ` · ${unit.address}` : ""}
      </p>
      {unit.products.length > 0 && <p class="field__hint">{unit.products.join("; ")}</p>}
      <p>
        <span class={unit.active ? "admin-badge admin-badge--ok" : "admin-badge admin-badge--off"}>
          {unit.active ? t("mfActive") : t("mfRetired")}
        </span>
      </p>
      {!open && (
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => setOpen(true)}
            aria-label={`${t("mfEditUnit")} ${unit.name}`}
          >
            {t("mfEditUnit")}
          </button>
        </div>
      )}
      {open && (
        <>
          <UnitForm
            formId={`unit-${unit.id}`}
            officeId={officeId}
            kinds={kinds}
            initial={{
              name: unit.name,
              kind: unit.kind,
              address: unit.address,
              products: unit.products,
              active: unit.active,
            }}
            save={async (values) => {
              const saved = await masterFormsApi.updateUnit(officeId, unit.id, {
                ...values,
                products: cleanLines(values.products),
              });
              onSaved(saved.name);
            }}
            onCancel={() => setOpen(false)}
          />
          <UnitHistory officeId={officeId} unitId={unit.id} />
        </>
      )}
    </li>
  );
}

/** A unit's history, loaded when its form opens. */
function UnitHistory({ officeId, unitId }: { officeId: string; unitId: string }) {
  const { t } = useI18n();
  const history = useLoad(() => masterFormsApi.unit(officeId, unitId));
  return (
    <>
      <h4>{t("mfHistory")}</h4>
      {history.data ? <HistoryList rows={history.data.history} /> : <LoadState loaded={history} />}
    </>
  );
}
