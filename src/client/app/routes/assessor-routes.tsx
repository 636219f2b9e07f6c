// The assessor's field area: home with assignments, starting a visit, the checklist. Rendered inside
// the DeviceGate (these screens read the device database).
import type { User } from "../../session/user";
import { lazyScreen } from "../lazy-screen";
import { matchPath } from "../router";
import type { Area } from "./area";

const HomeScreen = lazyScreen(() => import("../../screens/home-screen").then((module) => module.HomeScreen));
// The home's cold-start list, read from the device without Dexie (screens/home/home-preview.tsx),
// shown while the device opens.
const HomePreview = lazyScreen(() =>
  import("../../screens/home/home-preview").then((module) => module.HomePreview),
);
const AssessmentScreen = lazyScreen(() =>
  import("../../screens/assessment-screen").then((module) => module.AssessmentScreen),
);
const StartVisitScreen = lazyScreen(() =>
  import("../../screens/start-visit/start-visit-screen").then((module) => module.StartVisitScreen),
);

export const assessorArea: Area = {
  match(path: string, user: User) {
    if (path === "/" || path === "/login") return <HomeScreen user={user} />;
    const assessment = matchPath("/penilaian/:id", path);
    if (assessment?.id) return <AssessmentScreen id={assessment.id} />;
    // Starting the visit of an assignment not yet assessed (or going on to its existing assessment).
    const assignment = matchPath("/penugasan/:id", path);
    if (assignment?.id) return <StartVisitScreen assignmentId={assignment.id} />;
    return undefined;
  },
  nav: () => [],
};

/** What the DeviceGate shows for this path while the device opens (only the home has one). */
export function assessorPreview(path: string, user: User) {
  return path === "/" || path === "/login" ? <HomePreview user={user} /> : undefined;
}
