// "Lokus & unit layanan": the office's loci with their active units, and a form to add one. For the
// office's admins and supervisors; each locus opens its own form (locus-screen.tsx).
import { useState } from "preact/hooks";
import { masterFormsApi } from "../../api/masterdata-forms-api";
import { Link } from "../../components/link";
import { FormFrame, SelectField, TextField } from "../../form-kit/fields";
import { useForm } from "../../form-kit/use-form";
import { useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { AdminPage, LoadState, StatusLine, useLoad } from "../admin/admin-kit";
import { useLocusKindOptions } from "./locus-kinds";

export function LociScreen({ user }: { user: User }) {
  const { t } = useI18n();
  const officeId = user.officeId ?? "";
  const loci = useLoad(() => masterFormsApi.loci(officeId));
  const [status, setStatus] = useState<string>();
  // A new key after each creation gives a fresh, empty form.
  const [created, setCreated] = useState(0);
  if (!officeId) {
    return (
      <AdminPage title="mfLociTitle">
        <p>{t("mfNoOffice")}</p>
      </AdminPage>
    );
  }
  return (
    <AdminPage title="mfLociTitle">
      <p>{t("mfLociIntro")}</p>
      <StatusLine text={status} />
      <LoadState loaded={loci} />
      {loci.data && loci.data.length === 0 && <p>{t("mfNoLoci")}</p>}
      {loci.data && loci.data.length > 0 && (
        <div class="md-table-wrap">
          <table class="md-table" data-testid="loci-table">
            <thead>
              <tr>
                <th scope="col">{t("mfColCode")}</th>
                <th scope="col">{t("mfColName")}</th>
                <th scope="col">{t("mfColKind")}</th>
                <th scope="col">{t("mfColUnits")}</th>
                <th scope="col">{t("mfColStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {loci.data.map((l) => (
                <tr key={l.id}>
                  <td class="admin-code">{l.code}</td>
                  <td>
                    <Link href={`/data-induk/lokus/${l.id}`}>{l.name}</Link>
                  </td>
                  <td>{t(`mfLocusKind_${l.kind}` as "mfLocusKind_kota")}</td>
                  <td>
                    {l.activeUnits} / {l.units}
                  </td>
                  <td>{l.active ? t("mfActive") : t("mfRetired")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("mfAddLocus")}</h2>
      <NewLocus
        key={created}
        officeId={officeId}
        onCreated={(name) => {
          setStatus(t("mfLocusCreated", { name }));
          setCreated((n) => n + 1);
          loci.reload();
        }}
      />
    </AdminPage>
  );
}

function NewLocus({ officeId, onCreated }: { officeId: string; onCreated(name: string): void }) {
  const { t } = useI18n();
  const kinds = useLocusKindOptions();
  const form = useForm({
    initial: { code: "", name: "", kind: "kabupaten" },
    save: async (values) => {
      const locus = await masterFormsApi.createLocus(officeId, values);
      onCreated(locus.name);
    },
  });
  return (
    <FormFrame
      id="new-locus"
      form={form}
      labels={{ code: t("mfCode"), name: t("mfName"), kind: t("mfKind") }}
      onCancel={form.reset}
    >
      <TextField
        formId="new-locus"
        form={form}
        name="code"
        label={t("mfCode")}
        hint={t("mfCodeHint")}
        required
        maxLength={50}
      />
      <TextField formId="new-locus" form={form} name="name" label={t("mfName")} required maxLength={200} />
      <SelectField formId="new-locus" form={form} name="kind" label={t("mfKind")} options={kinds} />
    </FormFrame>
  );
}
