// The admin's preview of an instrument: the assessor's own checklist parts (screens/checklist:
// sections by the tree, the indicator cards, the answer widgets, inferred-weight badges) rendered
// read-only over an in-memory sheet (preview-model.ts). The editor does nothing and the preview flag
// keeps the parts that read the device database away from it: nothing is stored, nothing syncs.
// Loaded lazily (lazy-preview.tsx) with the admin screens, never on an assessor's first download;
// the checklist parts (and their stylesheets) come through the assessor screen's chunk (`parts`,
// checklist/sheet-parts.ts), so this module imports none of them itself.
import "../../../styles/preview.css";
import type { ComponentType } from "preact";
import { useMemo } from "preact/hooks";
import type { IndicatorEntry, LocalText } from "../../../../domain";
import { useI18n } from "../../../i18n/i18n";
import type { Checklist } from "../../checklist/checklist-context";
import type { SheetParts } from "../../checklist/sheet-parts";
import type { Editor, SaveStatus } from "../../checklist/use-editor";
import { type Preview, type PreviewRole, previewOf } from "./preview-model";

type Parts = SheetParts;

const refuse = async (): Promise<boolean> => false;

/** An editor that changes nothing (the inputs are disabled anyway). */
function inertEditor(parts: Parts): Editor {
  return {
    status: parts.createValueStore<SaveStatus>({ kind: "idle" }),
    answer: refuse,
    note: refuse,
    putProduct: refuse,
    removeProduct: refuse,
    putRespondent: refuse,
    setProfileField: refuse,
    removeRespondent: refuse,
    attachPhoto: refuse,
    detachPhoto: refuse,
    submit: refuse,
  };
}

export interface InstrumentPreviewProps {
  /** The instrument JSON, as checked from a workbook or as stored. */
  json: unknown;
  /** Distinguishes two previews on one page (workbook check and a stored version). */
  idPrefix: string;
}

/** The preview component over the checklist parts loaded with the assessor screen. */
export function previewWith(parts: Parts): ComponentType<InstrumentPreviewProps> {
  return (props) => <InstrumentPreview {...props} parts={parts} />;
}

function InstrumentPreview({ json, idPrefix, parts }: InstrumentPreviewProps & { parts: Parts }) {
  const { t, language } = useI18n();
  // By language, not by t (a new function on every render): the sheet and its open section must
  // survive the admin screen's re-renders.
  const result = useMemo(() => previewOf(json, t("pvSampleProduct")), [json, language]);
  if (!result.ok) {
    const first = result.errors[0];
    return (
      <p class="notice notice--error" role="alert" data-testid="instrument-preview-invalid">
        {t("pvInvalid", {
          count: String(result.errors.length),
          first: first ? `${first.path}: ${first.message}` : "",
        })}
      </p>
    );
  }
  return <PreviewSheet preview={result.preview} idPrefix={idPrefix} parts={parts} />;
}

function PreviewSheet({ preview, idPrefix, parts }: { preview: Preview; idPrefix: string; parts: Parts }) {
  const { ChecklistContext, SheetNavContext, IndicatorGroups, isFormat2, requiredCount } = parts;
  const { t, language } = useI18n();
  const { instrument, sheet: state, roles } = preview;
  const local = (text: LocalText) => (language === "en" && text.en ? text.en : text.id);
  const sections = parts.outlineOf(instrument);
  const indicators = sections.reduce((n, s) => n + s.entries.length, 0);
  const nav = useMemo(
    () => parts.createSheetNav({ view: "question", section: sections[0]?.id ?? null, respondent: null }),
    [instrument],
  );
  const sheet = useMemo(() => parts.createValueStore(state), [state]);
  const editor = useMemo(() => inertEditor(parts), [parts]);
  const context: Checklist = useMemo(() => {
    const itemNote = (entry: IndicatorEntry) => {
      const source = entry.indicator.source;
      if (source?.kind === "secondary") {
        return (
          <p class="preview-mark preview-mark--secondary" data-testid="preview-secondary">
            {t("pvSecondaryItem")}
          </p>
        );
      }
      if (source?.kind !== "interview") return null;
      const role = roles.find((r) => r.id === source.role);
      return role?.phone ? (
        <p class="preview-mark preview-mark--phone" data-testid="preview-phone">
          {t("pvPhoneItem", { role: local(role.label) })}
        </p>
      ) : null;
    };
    return {
      sheet,
      instrument,
      editor,
      readOnly: true,
      comments: new Map(),
      people: new Map(),
      t,
      language,
      local,
      preview: true,
      itemNote,
    };
  }, [sheet, instrument, editor, language, roles]);
  const titleId = `${idPrefix}-preview-title`;
  return (
    <section class="instrument-preview" aria-labelledby={titleId} data-testid="instrument-preview">
      <h3 id={titleId}>
        {t("pvTitle")}: {local(instrument.title)}{" "}
        <span class="admin-code">
          {instrument.id} v{instrument.version}
        </span>
      </h3>
      <p class="notice notice--info">{t("pvIntro")}</p>
      <RolesTable roles={roles} idPrefix={idPrefix} local={local} />
      {!isFormat2(instrument) && (
        <p data-testid="preview-quotas">
          {t("pvFormat1Roles", {
            official: String(requiredCount(instrument, "official")),
            user: String(requiredCount(instrument, "user")),
          })}
        </p>
      )}
      <h3>{t("pvSectionsTitle", { sections: String(sections.length), indicators: String(indicators) })}</h3>
      <p class="hint">{t("pvSectionsHint")}</p>
      <ChecklistContext.Provider value={context}>
        <SheetNavContext.Provider value={nav}>
          <div class="checklist checklist--preview" data-testid="preview-sheet">
            <div class="sheet sheet--items">
              <IndicatorGroups />
            </div>
          </div>
        </SheetNavContext.Provider>
      </ChecklistContext.Provider>
    </section>
  );
}

function RolesTable({
  roles,
  idPrefix,
  local,
}: {
  roles: readonly PreviewRole[];
  idPrefix: string;
  local: (text: LocalText) => string;
}) {
  const { t } = useI18n();
  if (roles.length === 0) return null;
  const captionId = `${idPrefix}-roles`;
  return (
    <div class="md-table-wrap">
      <table class="md-table" aria-labelledby={captionId} data-testid="preview-roles">
        <caption id={captionId}>{t("pvRolesTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("pvRole")}</th>
            <th scope="col">{t("pvKind")}</th>
            <th scope="col">{t("pvQuota")}</th>
            <th scope="col">{t("pvScope")}</th>
            <th scope="col">{t("pvModes")}</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((r) => (
            <tr key={r.id} data-role={r.id}>
              <th scope="row">{local(r.label)}</th>
              <td>{t(r.kind === "official" ? "pvKindOfficial" : "pvKindUser")}</td>
              <td>{r.quota}</td>
              <td>{t(r.scope === "locus" ? "pvScopeLocus" : "pvScopeUnit")}</td>
              <td>{r.modes.map((m) => t(m === "phone" ? "pvModePhone" : "pvModeOnSite")).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
