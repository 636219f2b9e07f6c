import type { NavItem } from "../app/routes/area";
import { useI18n } from "../i18n/i18n";
import { Link } from "./link";

/** A card of links to the screens a staff member can open (staff home, admin dashboard). */
export function NavCard({ label, links }: { label: string; links: readonly NavItem[] }) {
  const { t } = useI18n();
  return (
    <nav class="card" aria-label={label}>
      <ul class="link-list">
        {links.map((item) => (
          <li key={item.href}>
            <Link href={item.href}>{t(item.label)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
