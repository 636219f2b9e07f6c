import { usePath } from "../app/router";
import type { NavItem } from "../app/routes/area";
import { useI18n } from "../i18n/i18n";
import { Link } from "./link";

/** The staff (supervisor/admin) navigation: every area's nav() items; the current one is marked. */
export function StaffNav({ items }: { items: NavItem[] }) {
  const { t } = useI18n();
  const path = usePath();
  if (items.length === 0) return null;
  return (
    <nav class="staff-nav no-print" aria-label={t("staffNavLabel")}>
      <ul class="staff-nav__list">
        {items.map((item) => {
          const current = path === item.href || path.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <span
                class={current ? "staff-nav__item staff-nav__item--current" : "staff-nav__item"}
                aria-current={current ? "page" : undefined}
              >
                <Link href={item.href}>{t(item.label)}</Link>
              </span>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
