import { useEffect, useMemo, useState } from "preact/hooks";
import type { HomeData } from "../../db/home-read";
import { useServiceWorkerControl } from "../../hooks/use-service-worker-control";
import { useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { AssignmentList } from "./assignment-list";
import { firstHomeRead } from "./first-home-read";
import { groupAssignments, missingForOffline } from "./home-model";
import { OfflineReadiness } from "./offline-readiness";

/**
 * The home while the device layer loads at a cold start: the assignment list read from the device
 * itself (first-home-read.ts, no Dexie), tappable, marked busy, with the readiness line computed
 * from the same read and the sync card's frame (its figures come with the sync engine). Laid out as
 * the live home is, so the list does not jump under a finger when the live home replaces it. Until
 * the read is there (or when it cannot be read this way) it is the loading line it replaces.
 */
export function HomePreview({ user }: { user: User }) {
  const { t } = useI18n();
  const [data, setData] = useState<HomeData | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void firstHomeRead(user.id).then((found) => {
      if (live) setData(found);
    });
    return () => {
      live = false;
    };
  }, [user.id]);
  const groups = useMemo(() => (data ? groupAssignments(data) : undefined), [data]);
  const swControls = useServiceWorkerControl();
  const missing = useMemo(() => (data ? missingForOffline(data, swControls) : undefined), [data, swControls]);
  if (!data || !groups) {
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  }
  return (
    <div class="screen screen--home" aria-busy="true" data-testid="home-preview">
      <h1 tabIndex={-1}>{t("homeTitle")}</h1>
      <OfflineReadiness missing={missing} />
      <SyncCardFrame />
      <AssignmentList groups={groups} pulled={data.pulled} preview />
    </div>
  );
}

/** The sync card as it stands while the sync engine's code loads (SyncPanel's frame, no figures). */
function SyncCardFrame() {
  const { t } = useI18n();
  return (
    <section class="card sync-panel" aria-labelledby="sync-title-preview">
      <div class="sync-panel__head">
        <h2 id="sync-title-preview" class="card__title">
          {t("syncTitle")}
        </h2>
      </div>
      <p class="loading" role="status">
        {t("loading")}
      </p>
      <p>&nbsp;</p>
      <button type="button" class="button button--primary button--block" disabled>
        {t("syncNow")}
      </button>
    </section>
  );
}

/** Start-up, before the profile is read: the home of the user who last opened a device here. */
export function startFirstHomeRead(userId: string): void {
  void firstHomeRead(userId);
}
