// One indicator: its question, then one block per instance the level calls for (the unit, each
// product, each official or each user).

import type { IndicatorEntry } from "../../../domain";
import { memo } from "../../components/memo";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { InstanceBlock } from "./instance-block";
import type { InstanceRef } from "./model";
import { cardInstances } from "./role-instances";

/** Memoised: re-renders when its instances (products, respondents) change, not on every edit. */
export const IndicatorCard = memo(function IndicatorCard({ entry }: { entry: IndicatorEntry }) {
  const { t, local, instrument, itemNote } = useChecklist();
  const level = entry.indicator.level;
  const { instances, role } = useSheetSlice((s) => cardInstances(instrument, entry, s));
  const source = entry.indicator.source;
  const labelOf = (instance: InstanceRef): string => {
    if (level === "unit") return "";
    if (level === "product") return instance.name || `${instance.ordinal}`;
    const base = role
      ? t("m25RoleLabel", { role: local(role.label), n: String(instance.ordinal) })
      : t(level === "official" ? "officialLabel" : "userLabel", { n: String(instance.ordinal) });
    return instance.name ? `${base} (${instance.name})` : base;
  };
  // Several respondents or products under one question: the scale once, then a small row of
  // options per instance, instead of the full scale card repeated four or five times.
  const scale = entry.scale;
  const compact = instances.length > 1 && scale.kind === "options";
  const rubric =
    compact && scale.kind === "options" && !scale.options.some((o) => o.code !== undefined)
      ? scale.options.filter((o) => o.value !== null)
      : [];
  return (
    <article
      class="indicator"
      aria-labelledby={`q-${entry.indicator.id}`}
      style={{ "--item-height": `${estimatedHeight(entry, instances.length, compact)}px` }}
    >
      <h4 class="indicator__question" id={`q-${entry.indicator.id}`}>
        <span class="indicator__id">{entry.indicator.id}</span> {local(entry.indicator.question)}
      </h4>
      {itemNote?.(entry)}
      {rubric.length > 0 && (
        <dl class="rubric" aria-label={t("navRubric")}>
          {rubric.map((o) => (
            <div key={String(o.value)} class="rubric__row">
              <dt>{o.value}</dt>
              <dd>{local(o.label)}</dd>
            </div>
          ))}
        </dl>
      )}
      {source?.kind === "secondary" ? (
        <p class="indicator__secondary" data-testid="secondary-item">
          {t("m25Secondary", { providers: source.providers.join(", ") })}
        </p>
      ) : (
        instances.length === 0 && <p class="indicator__empty">{t("instancesMissing")}</p>
      )}
      {instances.map((instance) => (
        <InstanceBlock
          key={instance.id ?? "unit"}
          entry={entry}
          instance={instance}
          label={labelOf(instance)}
          compact={compact}
        />
      ))}
    </article>
  );
});

/** Rough rendered height of an item (px at phone width), the size the browser assumes for an item
 * it has not rendered yet (content-visibility in checklist.css): close estimates keep the scroll bar
 * and jumps steady while items render in as the assessor scrolls. */
function estimatedHeight(entry: IndicatorEntry, instances: number, compact: boolean): number {
  const scale = entry.scale;
  if (compact) return 200 + instances * (110 + (entry.indicator.evidence === "none" ? 0 : 100));
  const choices = scale.kind === "checklist" ? (entry.indicator.subitems ?? []).length : scale.options.length;
  const slots = Math.max(1, entry.indicator.media?.length ?? 0);
  const slot = 28 + choices * 58 + 52;
  const photos = entry.indicator.evidence === "none" ? 0 : 120;
  return 80 + Math.max(1, instances) * (32 + slots * slot + 56 + photos);
}
