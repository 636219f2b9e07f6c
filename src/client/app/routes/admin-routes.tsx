// The admin area for the admin: offices, users, instruments, banding schemes, periods. Online screens; rendered outside the DeviceGate.
// "/" is the admin's dashboard; every screen is lazy-loaded, so only this table is in the entry chunk.
import { ADMIN_LINKS } from "../../screens/admin/links";
import type { User } from "../../session/user";
import { lazyScreen } from "../lazy-screen";
import type { Area } from "./area";

const AdminDashboardScreen = lazyScreen(() =>
  import("../../screens/admin/dashboard-screen").then((module) => module.AdminDashboardScreen),
);
const OfficesScreen = lazyScreen(() =>
  import("../../screens/admin/offices-screen").then((module) => module.OfficesScreen),
);
const UsersScreen = lazyScreen(() =>
  import("../../screens/admin/users-screen").then((module) => module.UsersScreen),
);
const InstrumentsScreen = lazyScreen(() =>
  import("../../screens/admin/instruments-screen").then((module) => module.InstrumentsScreen),
);
const SchemesScreen = lazyScreen(() =>
  import("../../screens/admin/schemes-screen").then((module) => module.SchemesScreen),
);
const PeriodsScreen = lazyScreen(() =>
  import("../../screens/admin/periods-screen").then((module) => module.PeriodsScreen),
);
const MasterDataScreen = lazyScreen(() =>
  import("../../screens/admin/master-data-screen").then((module) => module.MasterDataScreen),
);
const AuditLogScreen = lazyScreen(() =>
  import("../../screens/admin/audit-log-screen").then((module) => module.AuditLogScreen),
);

export const adminArea: Area = {
  match(path: string, user: User) {
    if (user.role !== "admin") return undefined;
    switch (path) {
      case "/":
      case "/login":
        return <AdminDashboardScreen user={user} />;
      case "/admin/kantor":
        return <OfficesScreen />;
      case "/admin/pengguna":
        return <UsersScreen />;
      case "/admin/instrumen":
        return <InstrumentsScreen />;
      case "/admin/skema":
        return <SchemesScreen />;
      case "/admin/periode":
        return <PeriodsScreen />;
      case "/admin/data-induk":
        return <MasterDataScreen user={user} />;
      case "/admin/log-audit":
        return <AuditLogScreen />;
      default:
        return undefined;
    }
  },
  nav: (user) => (user.role === "admin" ? [...ADMIN_LINKS] : []),
};
