// The master-data forms for the office's supervisors and admins: loci and their service units
// (screens/masterdata). Online screens; rendered outside the DeviceGate.
import type { User } from "../../session/user";
import { lazyScreen } from "../lazy-screen";
import { matchPath } from "../router";
import type { Area } from "./area";

const LociScreen = lazyScreen(() =>
  import("../../screens/masterdata/loci-screen").then((module) => module.LociScreen),
);
const LocusScreen = lazyScreen(() =>
  import("../../screens/masterdata/locus-screen").then((module) => module.LocusScreen),
);

const canEdit = (user: User) =>
  (user.role === "supervisor" || user.role === "admin") && Boolean(user.officeId);

export const masterDataArea: Area = {
  match(path, user) {
    if (!canEdit(user)) return undefined;
    if (path === "/data-induk/lokus") return <LociScreen user={user} />;
    const locus = matchPath("/data-induk/lokus/:locusId", path);
    if (locus?.locusId) return <LocusScreen user={user} locusId={locus.locusId} />;
    return undefined;
  },
  nav: (user) => (canEdit(user) ? [{ href: "/data-induk/lokus", label: "mfNav" }] : []),
};
