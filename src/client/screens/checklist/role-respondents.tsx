// Respondents of a format-2 instrument (the 2025 method), one group per respondent role with its own
// quota: per unit (officials 4, complaint officials 2) or per locus (30 users shared by the locus's
// units). For a per-locus role the group says how many the team still needs, counted over the
// checklists of the same locus and period that this device holds (after sync: the team's work;
// docs/api.md says why no server count is used). Each respondent records its role, and for roles
// that allow it, an interview by phone with the call time instead of a photo.
import {
  type AssessmentContent,
  type RespondentRole,
  type RoleTally,
  respondentRole,
  roleTallies,
} from "../../../domain";
import { listAssessments } from "../../db/assessments";
import { useDevice } from "../../hooks/use-device";
import { useLiveQuery } from "../../hooks/use-live-query";
import { useChecklist, useSheetState } from "./checklist-context";
import { PhoneInterview } from "./phone-interview";
import { RespondentCard } from "./respondent-card";

/** The locus's other checklists of this period on the device (with this device's pending edits). */
function useLocusOthers(id: string, pemdaId: string, periodId: string): AssessmentContent[] {
  const { db } = useDevice();
  return (
    useLiveQuery(
      async () =>
        (await listAssessments(db)).filter(
          (a) => a.id !== id && a.pemdaId === pemdaId && a.periodId === periodId,
        ),
      [db, id, pemdaId, periodId],
    ) ?? []
  );
}

function RoleGroup({ role, tally }: { role: RespondentRole; tally: RoleTally | undefined }) {
  const { instrument, editor, t, local } = useChecklist();
  const state = useSheetState();
  const roles = instrument.roles ?? [];
  const list = state.respondents.filter((r) => respondentRole(roles, r)?.id === role.id);
  const name = local(role.label);
  const needed = tally?.neededHere ?? role.quota;
  // A per-locus role may take more than the unit's minimum, up to the whole locus quota.
  const cap = role.quota;
  const locus = tally?.locus;
  return (
    <div class="respondent-group" data-testid={`respondents-role-${role.id}`} data-role={role.id}>
      <h3>{t("m25RoleTitle", { role: name, count: String(list.length), needed: String(needed) })}</h3>
      <p class="hint" data-testid={`role-quota-${role.id}`} data-still={String(locus?.stillNeeded ?? "")}>
        {locus === undefined
          ? t("m25RolePerUnit", { quota: String(role.quota) })
          : locus.stillNeeded > 0
            ? t("m25RolePerLocus", {
                quota: String(role.quota),
                min: String(needed),
                have: String(locus.have),
                units: String(locus.assessments),
                still: String(locus.stillNeeded),
              })
            : t("m25RolePerLocusDone", {
                quota: String(role.quota),
                have: String(locus.have),
                units: String(locus.assessments),
              })}
      </p>
      <ol class="respondent-list">
        {list.map((r, i) => (
          <RespondentCard
            key={r.id}
            respondent={r}
            title={t("m25RoleLabel", { role: name, n: String(i + 1) })}
            extra={role.modes.includes("phone") ? <PhoneInterview respondent={r} role={role} /> : null}
          />
        ))}
      </ol>
      {list.length < cap && (
        <button
          type="button"
          class="button button--block"
          data-add-role={role.id}
          onClick={() =>
            void editor.putRespondent({
              id: crypto.randomUUID(),
              kind: role.kind,
              profile: { role: role.id },
            })
          }
        >
          {t("m25RoleAdd", { role: name })}
        </button>
      )}
    </div>
  );
}

/** Replaces the official/user groups when the instrument has respondent roles (format 2). */
export function RoleRespondents() {
  const { instrument } = useChecklist();
  const state = useSheetState();
  const others = useLocusOthers(state.id, state.pemdaId, state.periodId);
  const tallies = roleTallies(instrument, state, others);
  return (
    <>
      {(instrument.roles ?? []).map((role) => (
        <RoleGroup key={role.id} role={role} tally={tallies.find((x) => x.role.id === role.id)} />
      ))}
    </>
  );
}
