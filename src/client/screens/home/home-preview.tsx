import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { AssignmentList } from "./assignment-list";
import { type HomeSnapshot, loadHomeSnapshot } from "./home-snapshot";

/**
 * The home while the device opens at a cold start: the assignment list as the home last showed it
 * (home-snapshot.ts), marked busy, with none of the device's panels. The live home replaces it as
 * soon as the device database is open. Without a snapshot it is the loading line it replaces.
 */
export function HomePreview({ user }: { user: User }) {
  const { t } = useI18n();
  const [snapshot, setSnapshot] = useState<HomeSnapshot | undefined | null>(null);
  useEffect(() => {
    let live = true;
    void loadHomeSnapshot(user.id).then((found) => {
      if (live) setSnapshot(found);
    });
    return () => {
      live = false;
    };
  }, [user.id]);
  if (!snapshot) {
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  }
  return (
    <div class="screen screen--home" aria-busy="true" data-testid="home-preview">
      <h1 tabIndex={-1}>{t("homeTitle")}</h1>
      <p class="loading" role="status">
        {t("loading")}
      </p>
      <AssignmentList groups={snapshot.groups} pulled={snapshot.pulled} preview />
    </div>
  );
}
