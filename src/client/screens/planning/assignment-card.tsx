// One sampled unit's assignment: team (the office's active assessors), visit date, suggested
// products (one per line); the current team with "remove" per member; delete the assignment while
// no assessment exists. A removed member's device drops it on its next pull, keeping unsynced work.
import { useState } from "preact/hooks";
import {
  deleteAssignment,
  type PlanAssessor,
  type PlanAssignment,
  type PlanUnit,
  putAssignment,
  removeMember,
} from "../../api/planning-api";
import { useI18n } from "../../i18n/i18n";
import { kindWords } from "./planning-words";
import { ActionMessage, useAction } from "./use-action";

const DEFAULT_PRODUCTS = 3;

interface Props {
  periodId: string;
  unit: PlanUnit;
  assessors: PlanAssessor[];
  assignment: PlanAssignment | undefined;
  disabled: boolean;
  onChanged(): void;
}

export function AssignmentCard({ periodId, unit, assessors, assignment, disabled, onChanged }: Props) {
  const { t } = useI18n();
  const [team, setTeam] = useState<string[]>(assignment?.team ?? []);
  const [date, setDate] = useState(assignment?.plannedDate ?? "");
  const [products, setProducts] = useState(
    (assignment?.suggestedProducts ?? unit.suggestedProducts.slice(0, DEFAULT_PRODUCTS)).join("\n"),
  );
  const action = useAction(onChanged);
  const nameOf = (id: string) => assessors.find((a) => a.id === id)?.name ?? id;
  const current = assignment?.team ?? [];
  const titleId = `planning-unit-${unit.id}`;

  return (
    <li
      class="card planning__card"
      data-testid="assignment-card"
      data-unit={unit.id}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} class="card__title">
        {unit.name}
      </h3>
      <p class="card__eyebrow">{kindWords(unit.kind, t)}</p>
      <p data-testid="assignment-status">
        {assignment
          ? t("planningAssigned", {
              team: current.length > 0 ? current.map(nameOf).join(", ") : t("planningNobody"),
            })
          : t("planningNotAssigned")}
      </p>
      {assignment && current.length > 0 && (
        <div class="button-row">
          {current.map((id) => (
            <button
              key={id}
              type="button"
              class="button"
              disabled={disabled || action.busy}
              onClick={() => action.run(() => removeMember(assignment.id, id))}
            >
              {t("planningRemoveMember", { name: nameOf(id) })}
            </button>
          ))}
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const list = products
            .split("\n")
            .map((p) => p.trim())
            .filter((p) => p !== "");
          action.run(() =>
            putAssignment(periodId, unit.id, {
              team,
              plannedDate: date === "" ? null : date,
              suggestedProducts: list,
            }),
          );
        }}
      >
        <fieldset disabled={disabled || action.busy}>
          <legend>{t("planningTeamLegend")}</legend>
          {assessors.length === 0 && <p>{t("planningNoAssessors")}</p>}
          {assessors.map((a) => (
            <label key={a.id} class="check">
              <input
                type="checkbox"
                data-assessor={a.username}
                checked={team.includes(a.id)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setTeam(on ? [...team, a.id] : team.filter((x) => x !== a.id));
                }}
              />
              <span>{a.name}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="planning__details" disabled={disabled || action.busy}>
          <legend class="visually-hidden">{unit.name}</legend>
          <label class="field">
            <span class="field__label">{t("planningPlannedDate")}</span>
            <input
              class="input"
              type="date"
              data-testid="planned-date"
              value={date}
              onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            <span class="field__label">{t("planningProductsLabel")}</span>
            <textarea
              class="input"
              rows={3}
              data-testid="suggested-products"
              value={products}
              onInput={(e) => setProducts((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </label>
          <div class="button-row">
            <button type="submit" class="button button--primary">
              {t("planningSaveAssignment")}
            </button>
            {assignment && (
              <button
                type="button"
                class="button"
                disabled={assignment.assessmentCount > 0}
                onClick={() => action.run(() => deleteAssignment(assignment.id))}
              >
                {t("planningRemoveAssignment")}
              </button>
            )}
          </div>
          {assignment && assignment.assessmentCount > 0 && (
            <p class="field__hint">{t("planningHasAssessment")}</p>
          )}
        </fieldset>
      </form>
      <ActionMessage action={action} />
    </li>
  );
}
