// One area of the app (assessor field work, review, planning, administration) as the shell sees it:
// which paths it answers and which links it adds to the staff navigation. Each area lives in its own
// module and lazy-loads its screens, so the entry chunk only carries these small tables.
import type { VNode } from "preact";
import type { MessageKey } from "../../i18n/i18n";
import type { User } from "../../session/user";

export interface NavItem {
  href: string;
  label: MessageKey;
}

export interface Area {
  /** The screen for this path, or undefined when the path is not this area's (or not for this user). */
  match(path: string, user: User): VNode | undefined;
  /** Links this area puts in the staff navigation for this user (empty when it has none for them). */
  nav(user: User): NavItem[];
}
