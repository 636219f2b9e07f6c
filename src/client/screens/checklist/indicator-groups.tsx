// The indicators grouped Dimensi → Variabel, each group with its progress (answered/required), in
// instrument order.
import { orderedIndicators } from "../../../domain";
import { useChecklist } from "./checklist-context";
import { IndicatorCard } from "./indicator-card";
import { progressOf } from "./model";

export function IndicatorGroups() {
  const { instrument, state, t, local } = useChecklist();
  const entries = orderedIndicators(instrument);
  return (
    <>
      {instrument.dimensions.map((dimension) => {
        const inDimension = entries.filter((e) => e.dimension.id === dimension.id);
        const p = progressOf(inDimension, state);
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
              <span class="progress" data-testid="progress">
                {t("progress", { done: String(p.done), total: String(p.total) })}
              </span>
            </h2>
            {dimension.variables.map((variable) => {
              const inVariable = inDimension.filter((e) => e.variable.id === variable.id);
              const vp = progressOf(inVariable, state);
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
}
