// The planning area for the supervisor (and admin): period plans, unit samples, teams. Online screens; rendered outside the DeviceGate.
import type { User } from "../../session/user";
import { lazyScreen } from "../lazy-screen";
import { matchPath } from "../router";
import type { Area } from "./area";

const PlanningPeriodsScreen = lazyScreen(() =>
  import("../../screens/planning/planning-periods-screen").then((module) => module.PlanningPeriodsScreen),
);
const PeriodPlanScreen = lazyScreen(() =>
  import("../../screens/planning/period-plan-screen").then((module) => module.PeriodPlanScreen),
);
const LocusDataScreen = lazyScreen(() =>
  import("../../screens/locusdata/locus-data-screen").then((module) => module.LocusDataScreen),
);

const canPlan = (user: User) => user.role === "supervisor" || user.role === "admin";

export const planningArea: Area = {
  match(path, user) {
    if (!canPlan(user)) return undefined;
    if (path === "/perencanaan") return <PlanningPeriodsScreen />;
    const locusData = matchPath("/perencanaan/:periodId/data-lokus", path);
    if (locusData?.periodId) return <LocusDataScreen periodId={locusData.periodId} />;
    const period = matchPath("/perencanaan/:periodId", path);
    if (period?.periodId) return <PeriodPlanScreen periodId={period.periodId} />;
    return undefined;
  },
  nav: (user) => (canPlan(user) ? [{ href: "/perencanaan", label: "planningTitle" }] : []),
};
