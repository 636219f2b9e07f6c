// The period the supervisor screens show: loaded once from GET /periods, chosen in a <select>,
// remembered for the session (a module value: going from progress to results keeps the choice).

import type { ComponentChildren } from "preact";
import { fetchPeriods, type Period } from "../../api/review-api";
import { createValueStore, useValueStore } from "../../app/value-store";
import { useI18n } from "../../i18n/i18n";
import { RemoteView } from "./remote-view";
import { type Remote, useRemote } from "./use-remote";

const chosen = createValueStore<string | undefined>(undefined);

export interface PeriodChoice {
  remote: Remote<Period[]>;
  reload: () => void;
  period: Period | undefined;
}

export function usePeriodChoice(): PeriodChoice {
  const [remote, reload] = useRemote(fetchPeriods, []);
  const id = useValueStore(chosen);
  const periods = remote.state === "ok" ? remote.data : [];
  // The list is newest-and-open first, so the default is the current round.
  const period = periods.find((p) => p.id === id) ?? periods[0];
  return { remote, reload, period };
}

export function PeriodSelect({ periods, period }: { periods: Period[]; period: Period | undefined }) {
  const { t } = useI18n();
  if (periods.length <= 1) {
    return period ? (
      <p class="review-period">
        {period.status === "closed" ? t("reviewPeriodClosed", { name: period.name }) : period.name}
      </p>
    ) : null;
  }
  return (
    <div class="field review-period">
      <label for="review-period">{t("reviewPeriod")}</label>
      <select
        id="review-period"
        value={period?.id}
        onChange={(e) => chosen.set((e.currentTarget as HTMLSelectElement).value)}
      >
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.status === "closed" ? t("reviewPeriodClosed", { name: p.name }) : p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Loads the periods, shows the picker, and renders the screen body for the chosen period. */
export function WithPeriod({ children }: { children: (period: Period) => ComponentChildren }) {
  const { t } = useI18n();
  const { remote, reload, period } = usePeriodChoice();
  return (
    <RemoteView remote={remote} reload={reload}>
      {(periods) =>
        period === undefined ? (
          <p class="notice notice--info">{t("reviewNoPeriods")}</p>
        ) : (
          <>
            <PeriodSelect periods={periods} period={period} />
            {children(period)}
          </>
        )
      }
    </RemoteView>
  );
}
