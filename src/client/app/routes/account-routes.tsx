// The staff member's own account at /akun (issue #16): who they are, the language, two-step
// verification and logging out. Supervisors land on the progress overview, so without this page
// they had no place for their account; admins reach the same page from the navigation.
// Lazy like every staff screen: its second-factor code stays off the first download.
import type { User } from "../../session/user";
import { lazyScreen } from "../lazy-screen";
import type { Area } from "./area";

const AccountScreen = lazyScreen(() =>
  import("../../screens/account-screen").then((module) => module.AccountScreen),
);

const isStaff = (user: User) => user.role === "supervisor" || user.role === "admin";

export const accountArea: Area = {
  match(path: string, user: User) {
    if (path === "/akun" && isStaff(user)) return <AccountScreen user={user} />;
    return undefined;
  },
  nav: (user: User) => (isStaff(user) ? [{ href: "/akun", label: "sfNavAccount" }] : []),
};
