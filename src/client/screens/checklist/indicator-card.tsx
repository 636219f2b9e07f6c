// One indicator: its question, then one block per instance the level calls for (the unit, each
// product, each official or each user).

import { memo } from "preact/compat";
import type { IndicatorEntry } from "../../../domain";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { InstanceBlock } from "./instance-block";
import type { InstanceRef } from "./model";
import { cardInstances } from "./role-instances";

/** Memoised: re-renders when its instances (products, respondents) change, not on every edit. */
export const IndicatorCard = memo(function IndicatorCard({ entry }: { entry: IndicatorEntry }) {
  const { t, local, instrument } = useChecklist();
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
  return (
    <article
      class="indicator"
      aria-labelledby={`q-${entry.indicator.id}`}
      style={{ "--item-height": `${estimatedHeight(entry, instances.length)}px` }}
    >
      <h4 class="indicator__question" id={`q-${entry.indicator.id}`}>
        <span class="indicator__id">{entry.indicator.id}</span> {local(entry.indicator.question)}
      </h4>
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
        />
      ))}
    </article>
  );
});

/** Rough rendered height of an item (px at phone width), the size the browser assumes for an item
 * it has not rendered yet (content-visibility in checklist.css): close estimates keep the scroll bar
 * and jumps steady while items render in as the assessor scrolls. */
function estimatedHeight(entry: IndicatorEntry, instances: number): number {
  const scale = entry.scale;
  const choices = scale.kind === "checklist" ? (entry.indicator.subitems ?? []).length : scale.options.length;
  const slots = Math.max(1, entry.indicator.media?.length ?? 0);
  const slot = 28 + choices * 58 + 52;
  const photos = entry.indicator.evidence === "none" ? 0 : 120;
  return 80 + Math.max(1, instances) * (32 + slots * slot + 56 + photos);
}
