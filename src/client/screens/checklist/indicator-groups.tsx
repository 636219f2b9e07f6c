// The by-question view: the instrument's sections (outline.ts: dimensions, or the top-level groups
// of a v2 tree) in order, each a header with its progress that opens it. Only the open section's
// items are rendered (sheet-nav.ts): a tap re-renders and lays out one section, not the whole sheet.
// Inside it, the sub-groups (variables) with their own progress, then the indicator cards.

import { flattenOutline, instrumentOutline, progressOfEntries } from "../../../domain";
import { useValueStore } from "../../app/value-store";
import { memo } from "../../components/memo";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { IndicatorCard } from "./indicator-card";
import { type OutlineGroup, type OutlineSection, outlineOf } from "./outline";
import { useSheetNav } from "./sheet-nav";

function ProgressText({ done, total }: { done: number; total: number }) {
  const { t } = useChecklist();
  return (
    <span class="progress" data-testid="progress" data-done={String(done)} data-total={String(total)}>
      {total === 0 ? t("progressNoInstances") : t("progress", { done: String(done), total: String(total) })}
    </span>
  );
}

const GroupBlock = memo(function GroupBlock({
  group,
  showTitle,
}: {
  group: OutlineGroup;
  showTitle: boolean;
}) {
  const { local, instrument } = useChecklist();
  // Role-aware (format 2: an interview item counts its role's respondents only); format 1 alike.
  const p = useSheetSlice((state) => progressOfEntries(instrument, state, group.entries));
  return (
    <section class="variable" id={`var-${group.id}`} aria-labelledby={`var-title-${group.id}`}>
      {showTitle && (
        <h3 id={`var-title-${group.id}`} class="variable__title">
          {local(group.name)}
          <ProgressText done={p.done} total={p.total} />
        </h3>
      )}
      {group.entries.map((entry) => (
        <IndicatorCard key={entry.indicator.id} entry={entry} />
      ))}
    </section>
  );
});

const SectionBlock = memo(function SectionBlock({
  section,
  open,
}: {
  section: OutlineSection;
  open: boolean;
}) {
  const { local, t, readOnly, instrument } = useChecklist();
  const nav = useSheetNav();
  const p = useSheetSlice((state) => progressOfEntries(instrument, state, section.entries));
  // Format 2: a section whose share rests on an unpublished weight is marked (methodology §7).
  const inferred = flattenOutline(instrumentOutline(instrument)).some(
    (n) => n.provenance === "inferred" && (n.id === section.id || section.groups.some((g) => g.id === n.id)),
  );
  const titleId = `dim-title-${section.id}`;
  return (
    <section
      class={open ? "dimension dimension--open" : "dimension"}
      id={`dim-${section.id}`}
      data-anchor={`dim-${section.id}`}
      data-section={section.id}
      aria-labelledby={titleId}
    >
      <h2 class="dimension__heading">
        <button
          type="button"
          id={titleId}
          class="dimension__title"
          aria-expanded={open}
          aria-controls={`dim-body-${section.id}`}
          data-testid="section-toggle"
          onClick={() =>
            nav.go({ section: open ? null : section.id }, open ? undefined : `dim-${section.id}`)
          }
        >
          <span>
            {section.path.length > 0 && (
              <span class="dimension__path">{section.path.map((name) => local(name)).join(" › ")} › </span>
            )}
            {local(section.name)}
            {inferred && (
              <span class="badge badge--inferred" data-testid="weight-inferred">
                {t("m25Inferred")}
              </span>
            )}
          </span>
          <ProgressText done={p.done} total={p.total} />
          <span class="visually-hidden">{open ? "" : ` · ${t("navSectionOpen")}`}</span>
        </button>
      </h2>
      {open && (
        <fieldset id={`dim-body-${section.id}`} class="dimension__body sheet-part" disabled={readOnly}>
          {section.groups.map((group) => (
            <GroupBlock
              key={group.id}
              group={group}
              // A top-level group holding its indicators itself: its title is the section's.
              showTitle={group.id !== section.id}
            />
          ))}
        </fieldset>
      )}
    </section>
  );
});

/** Memoised (no props): re-renders when a section opens or closes, not on every edit. */
export const IndicatorGroups = memo(function IndicatorGroups() {
  const { instrument } = useChecklist();
  const nav = useSheetNav();
  const { section: open } = useValueStore(nav.store);
  return (
    <>
      {outlineOf(instrument).map((section) => (
        <SectionBlock key={section.id} section={section} open={section.id === open} />
      ))}
    </>
  );
});
