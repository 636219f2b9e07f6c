// The indicators grouped Dimensi → Variabel, each group with its progress (answered/required), in
// instrument order.
import { memo } from "preact/compat";
import { flattenOutline, instrumentOutline, orderedIndicators, progressOfEntries } from "../../../domain";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { IndicatorCard } from "./indicator-card";
import type { Progress } from "./model";

/** Memoised (no props): re-renders when a group's progress changes, not on every edit. */
export const IndicatorGroups = memo(function IndicatorGroups() {
  const { instrument, t, local } = useChecklist();
  const entries = orderedIndicators(instrument);
  // Format 2: a group whose share rests on an unpublished weight is marked (methodology §7).
  const inferred = new Set(
    flattenOutline(instrumentOutline(instrument))
      .filter((n) => n.provenance === "inferred")
      .map((n) => n.id),
  );
  // Progress of every dimension and variable, by "d:<id>" and "v:<id>".
  const progress = useSheetSlice((state) => {
    const out: Record<string, Progress> = {};
    for (const dimension of instrument.dimensions) {
      const inDimension = entries.filter((e) => e.dimension.id === dimension.id);
      // Role-aware (format 2: an interview item counts its role's respondents only); format 1 alike.
      out[`d:${dimension.id}`] = progressOfEntries(instrument, state, inDimension);
      for (const variable of dimension.variables) {
        out[`v:${variable.id}`] = progressOfEntries(
          instrument,
          state,
          inDimension.filter((e) => e.variable.id === variable.id),
        );
      }
    }
    return out;
  });
  const none: Progress = { done: 0, total: 0 };
  return (
    <>
      {instrument.dimensions.map((dimension) => {
        const inDimension = entries.filter((e) => e.dimension.id === dimension.id);
        const p = progress[`d:${dimension.id}`] ?? none;
        return (
          <section
            key={dimension.id}
            class="dimension"
            id={`dim-${dimension.id}`}
            data-anchor={`dim-${dimension.id}`}
            aria-labelledby={`dim-title-${dimension.id}`}
          >
            <h2 id={`dim-title-${dimension.id}`} class="dimension__title" tabIndex={-1}>
              {local(dimension.name)}
              {inferred.has(dimension.id) && (
                <span class="badge badge--inferred" data-testid="weight-inferred">
                  {t("m25Inferred")}
                </span>
              )}
              <span class="progress" data-testid="progress">
                {t("progress", { done: String(p.done), total: String(p.total) })}
              </span>
            </h2>
            {dimension.variables.map((variable) => {
              const inVariable = inDimension.filter((e) => e.variable.id === variable.id);
              const vp = progress[`v:${variable.id}`] ?? none;
              return (
                <section key={variable.id} class="variable" aria-labelledby={`var-${variable.id}`}>
                  <h3 id={`var-${variable.id}`} class="variable__title">
                    {local(variable.name)}
                    <span class="progress">
                      {t("progress", { done: String(vp.done), total: String(vp.total) })}
                    </span>
                  </h3>
                  {inVariable.map((entry) => (
                    <IndicatorCard key={entry.indicator.id} entry={entry} />
                  ))}
                </section>
              );
            })}
          </section>
        );
      })}
    </>
  );
});
