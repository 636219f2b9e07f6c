// The review area for the supervisor (and admin): progress overview, review queue and screen, results,
// rapor. Online screens; rendered outside the DeviceGate. "/" is the supervisor's progress overview;
// an admin reaches it at /progres (the admin area may claim the admin's "/").
import type { User } from "../../session/user";
import { lazyScreen } from "../lazy-screen";
import { matchPath } from "../router";
import type { Area } from "./area";

const ProgressScreen = lazyScreen(() =>
  import("../../screens/review/progress-screen").then((module) => module.ProgressScreen),
);
const QueueScreen = lazyScreen(() =>
  import("../../screens/review/queue-screen").then((module) => module.QueueScreen),
);
const ReviewScreen = lazyScreen(() =>
  import("../../screens/review/review-screen").then((module) => module.ReviewScreen),
);
const ResultsScreen = lazyScreen(() =>
  import("../../screens/review/results-screen").then((module) => module.ResultsScreen),
);
const RaporScreen = lazyScreen(() =>
  import("../../screens/review/rapor-screen").then((module) => module.RaporScreen),
);

const isStaff = (user: User) => user.role === "supervisor" || user.role === "admin";

export const reviewArea: Area = {
  match(path: string, user: User) {
    if (!isStaff(user)) return undefined;
    if (path === "/progres" || ((path === "/" || path === "/login") && user.role === "supervisor"))
      return <ProgressScreen />;
    if (path === "/tinjauan") return <QueueScreen />;
    const review = matchPath("/tinjauan/:id", path);
    if (review?.id) return <ReviewScreen id={review.id} />;
    if (path === "/hasil") return <ResultsScreen />;
    const rapor = matchPath("/hasil/rapor/:pemdaId", path);
    if (rapor?.pemdaId) return <RaporScreen pemdaId={rapor.pemdaId} />;
    return undefined;
  },
  nav: (user: User) =>
    isStaff(user)
      ? [
          { href: "/progres", label: "reviewNavProgress" },
          { href: "/tinjauan", label: "reviewNavQueue" },
          { href: "/hasil", label: "reviewNavResults" },
        ]
      : [],
};
