import type { ComponentChildren } from "preact";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import type { PemdaGroup, UnitRow } from "./home-model";
import { formatDate, UNIT_STATE_KEYS, unitKindWords } from "./home-words";

function UnitItem({ unit, preview }: { unit: UnitRow; preview: boolean }) {
  const { t, language } = useI18n();
  return (
    <li
      class="unit-item"
      data-testid={preview ? undefined : "unit-item"}
      data-state={unit.state}
      data-unit={unit.unitName}
    >
      <Link href={unit.href} class="unit-item__link">
        <span class="unit-item__name">{unit.unitName}</span>
        {unit.unitKind && <span class="unit-item__kind">{unitKindWords(unit.unitKind, t)}</span>}
        {unit.plannedDate && (
          <span class="unit-item__meta">
            {t("homePlannedDate", { date: formatDate(unit.plannedDate, language) })}
          </span>
        )}
        <span class="unit-item__badges">
          <span
            class={`state-badge state-badge--${unit.state}`}
            data-testid={preview ? undefined : "unit-state"}
          >
            <span class="visually-hidden">{t("homeUnitState")}: </span>
            {t(UNIT_STATE_KEYS[unit.state])}
          </span>
          {unit.pendingCount > 0 && (
            <span class="unit-item__pending">
              {t("homeUnitPending", { count: String(unit.pendingCount) })}
            </span>
          )}
          {unit.needsAttention && (
            <span class="state-badge state-badge--attention">{t("homeUnitNeedsAttention")}</span>
          )}
        </span>
      </Link>
    </li>
  );
}

function PemdaSection({ group, preview }: { group: PemdaGroup; preview: boolean }) {
  const { t } = useI18n();
  const headingId = `pemda-${group.pemdaId}`;
  return (
    <section
      class="pemda-group"
      aria-labelledby={headingId}
      data-testid={preview ? undefined : "pemda-group"}
      data-pemda={group.name}
    >
      <h3 id={headingId} class="pemda-group__name">
        {group.name}
      </h3>
      <p class="pemda-group__count">{t("homeUnitCount", { count: String(group.units.length) })}</p>
      <ul class="unit-list">
        {group.units.map((unit) => (
          <UnitItem key={unit.assignmentId} unit={unit} preview={preview} />
        ))}
      </ul>
    </section>
  );
}

/**
 * The user's assignments: pemda → units, each a link to its lembar penilaian (or to start it).
 * `preview`: the cold-start picture (home-preview.tsx), drawn without test ids, so tests and tools
 * that read the list wait for the live one.
 */
export function AssignmentList({
  groups,
  pulled,
  preview = false,
}: {
  groups: PemdaGroup[] | undefined;
  pulled: boolean;
  preview?: boolean;
}) {
  const { t } = useI18n();
  let body: ComponentChildren;
  if (!groups) {
    body = (
      <p class="loading" role="status">
        {t("homeAssignmentsLoading")}
      </p>
    );
  } else if (groups.length === 0) {
    body = (
      <p data-testid={preview ? undefined : "assignments-empty"}>
        {pulled ? t("homeAssignmentsNone") : t("assignmentsEmpty")}
      </p>
    );
  } else {
    body = groups.map((group) => <PemdaSection key={group.pemdaId} group={group} preview={preview} />);
  }
  return (
    <section
      class="card assignments"
      aria-labelledby="assignments-title"
      data-testid={preview ? undefined : "assignments"}
    >
      <h2 id="assignments-title" class="card__title">
        {t("assignmentsTitle")}
      </h2>
      {body}
    </section>
  );
}
