// One respondent's short profile. Officials: name and position; service users: gender, age group and
// the product they used (anonymous by default: only what the analysis needs).
import type { ComponentChildren } from "preact";
import type { Respondent } from "../../../domain/sync/protocol";
import { useDraftText } from "../../components/answers/use-draft-text";
import type { MessageKey } from "../../i18n/i18n";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { RemoveButton } from "./remove-button";

// Stored as codes (not words), so a profile reads the same whatever the UI language was.
const POSITIONS: readonly (readonly [string, MessageKey])[] = [
  ["head", "positionHead"],
  ["service_head", "positionServiceHead"],
  ["complaints", "positionComplaints"],
  ["frontline", "positionFrontline"],
];
const AGES = ["<25", "25–40", "41–60", ">60"];

interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}

function Select({ id, label, value, options, onChange }: SelectProps) {
  const { t } = useChecklist();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t("choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RespondentCard({
  respondent,
  title,
  extra,
}: {
  respondent: Respondent;
  title: string;
  /** Format 2: the interview mode and call time (phone-interview.tsx). */
  extra?: ComponentChildren;
}) {
  const { editor, t } = useChecklist();
  const productNames = useSheetSlice((s) => s.products.map((p) => p.name));
  const profile = respondent.profile;
  const text = (field: string) => {
    const v = profile[field];
    return typeof v === "string" ? v : "";
  };
  const put = (field: string, value: string) => void editor.setProfileField(respondent.id, field, value);
  const name = useDraftText(text("name"), (v) => put("name", v.trim()));
  const id = `resp-${respondent.id}`;
  return (
    <li class="respondent" data-respondent={respondent.kind}>
      <div class="respondent__head">
        <h4>{title}</h4>
        <RemoveButton what={title} onConfirm={() => void editor.removeRespondent(respondent.id)} />
      </div>
      {respondent.kind === "official" ? (
        <>
          <div class="field">
            <label for={`${id}-name`}>{t("profileName")}</label>
            <input
              id={`${id}-name`}
              type="text"
              maxLength={200}
              value={name.text}
              onInput={name.onInput}
              onBlur={name.onBlur}
            />
          </div>
          <Select
            id={`${id}-position`}
            label={t("profilePosition")}
            value={text("position")}
            options={POSITIONS.map(([value, key]) => ({ value, label: t(key) }))}
            onChange={(v) => put("position", v)}
          />
        </>
      ) : (
        <>
          <Select
            id={`${id}-gender`}
            label={t("profileGender")}
            value={text("gender")}
            options={[
              { value: "P", label: t("genderFemale") },
              { value: "L", label: t("genderMale") },
            ]}
            onChange={(v) => put("gender", v)}
          />
          <Select
            id={`${id}-age`}
            label={t("profileAge")}
            value={text("ageGroup")}
            options={AGES.map((a) => ({ value: a, label: a }))}
            onChange={(v) => put("ageGroup", v)}
          />
          <Select
            id={`${id}-product`}
            label={t("profileProduct")}
            value={text("product")}
            options={productNames.map((name) => ({ value: name, label: name }))}
            onChange={(v) => put("product", v)}
          />
        </>
      )}
      {extra}
    </li>
  );
}
