// The national area (issue #19) for supervisors and admins: national rounds and their progress per
// office, national results, a locus's years, and (admins) the import of earlier published results.
// Online screens; rendered outside the DeviceGate. Every screen is lazy-loaded.
import type { User } from "../../session/user";
import { lazyScreen } from "../lazy-screen";
import { matchPath } from "../router";
import type { Area } from "./area";

const RoundsScreen = lazyScreen(() =>
  import("../../screens/national/rounds-screen").then((module) => module.RoundsScreen),
);
const RoundScreen = lazyScreen(() =>
  import("../../screens/national/round-screen").then((module) => module.RoundScreen),
);
const NationalResultsScreen = lazyScreen(() =>
  import("../../screens/national/national-results-screen").then((module) => module.NationalResultsScreen),
);
const LocusScreen = lazyScreen(() =>
  import("../../screens/national/locus-screen").then((module) => module.LocusScreen),
);
const HistoryImportScreen = lazyScreen(() =>
  import("../../screens/national/history-import-screen").then((module) => module.HistoryImportScreen),
);

const isStaff = (user: User) => user.role === "supervisor" || user.role === "admin";

export const nationalArea: Area = {
  match(path, user) {
    if (!isStaff(user)) return undefined;
    if (path === "/nasional") return <RoundsScreen user={user} />;
    const results = matchPath("/nasional/:roundId/hasil", path);
    if (results?.roundId) return <NationalResultsScreen roundId={results.roundId} />;
    const round = matchPath("/nasional/:roundId", path);
    if (round?.roundId) return <RoundScreen roundId={round.roundId} user={user} />;
    const locus = matchPath("/lokus/:pemdaId", path);
    if (locus?.pemdaId) return <LocusScreen pemdaId={locus.pemdaId} />;
    if (path === "/admin/riwayat" && user.role === "admin") return <HistoryImportScreen user={user} />;
    return undefined;
  },
  nav: (user) =>
    isStaff(user)
      ? [
          { href: "/nasional", label: "natNav" },
          ...(user.role === "admin" ? [{ href: "/admin/riwayat", label: "natHistoryNav" } as const] : []),
        ]
      : [],
};
