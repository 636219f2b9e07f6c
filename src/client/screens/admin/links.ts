// The admin screens' paths and their labels (the dashboard and the staff navigation list them).
import type { NavItem } from "../../app/routes/area";

export const ADMIN_LINKS: readonly NavItem[] = [
  { href: "/admin/kantor", label: "adminNavOffices" },
  { href: "/admin/data-induk", label: "mdNav" },
  { href: "/admin/pengguna", label: "adminNavUsers" },
  { href: "/admin/instrumen", label: "adminNavInstruments" },
  { href: "/admin/skema", label: "adminNavSchemes" },
  { href: "/admin/periode", label: "adminNavPeriods" },
  { href: "/admin/log-audit", label: "auditNav" },
];
