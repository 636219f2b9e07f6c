// Responden: officials up to their quota (4) and service users up to theirs (5), each with a short
// profile. Quotas come from the instrument, not from code.
import { isFormat2, requiredCount } from "../../../domain";
import type { RespondentKind } from "../../../domain/sync/protocol";
import { useChecklist, useSheetState } from "./checklist-context";
import { RespondentCard } from "./respondent-card";
import { RoleRespondents } from "./role-respondents";

function Group({ kind }: { kind: RespondentKind }) {
  const { instrument, editor, t } = useChecklist();
  const state = useSheetState();
  const quota = requiredCount(instrument, kind);
  const list = state.respondents.filter((r) => r.kind === kind);
  const titleKey = kind === "official" ? "officialsTitle" : "usersTitle";
  const labelKey = kind === "official" ? "officialLabel" : "userLabel";
  return (
    <div class="respondent-group" data-testid={`respondents-${kind}`}>
      <h3>{t(titleKey, { count: String(list.length), quota: String(quota) })}</h3>
      <ol class="respondent-list">
        {list.map((r, i) => (
          <RespondentCard key={r.id} respondent={r} title={t(labelKey, { n: String(i + 1) })} />
        ))}
      </ol>
      {list.length < quota && (
        <button
          type="button"
          class="button button--block"
          data-add-respondent={kind}
          onClick={() => void editor.putRespondent({ id: crypto.randomUUID(), kind, profile: {} })}
        >
          {t(kind === "official" ? "officialAdd" : "userAdd")}
        </button>
      )}
    </div>
  );
}

export function RespondentsSection() {
  const { t, instrument } = useChecklist();
  return (
    <section
      class="sheet-section"
      id="section-respondents"
      data-anchor="section-respondents"
      aria-labelledby="respondents-title"
    >
      <h2 id="respondents-title" tabIndex={-1}>
        {t("respondentsTitle")}
      </h2>
      {isFormat2(instrument) ? (
        <RoleRespondents />
      ) : (
        <>
          <Group kind="official" />
          <Group kind="user" />
        </>
      )}
    </section>
  );
}
