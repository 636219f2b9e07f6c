import { useEffect, useMemo } from "preact/hooks";
import { useDocumentTitle } from "../app/use-document-title";
import { countPending } from "../db/outbox";
import { useDevice } from "../hooks/use-device";
import { useHomeData } from "../hooks/use-home-data";
import { useServiceWorkerControl } from "../hooks/use-service-worker-control";
import { useSyncStatus } from "../hooks/use-sync-status";
import { useI18n } from "../i18n/i18n";
import type { User } from "../session/user";
import { AccountSection } from "./home/account-section";
import { AssignmentList } from "./home/assignment-list";
import { DevicePanel } from "./home/device-panel";
import { groupAssignments, missingForOffline } from "./home/home-model";
import { OfflineReadiness } from "./home/offline-readiness";
import { RejectionList } from "./home/rejection-list";
import { RemovedAssignments } from "./home/removed-assignments";
import { StoragePanel } from "./home/storage-panel";
import { SyncPanel } from "./home/sync-panel";

// Beranda: what to work on (assignments by pemda → unit, each with its state) and whether the device
// is safe to take offline (readiness, sync, storage). Most urgent first on a 360 px screen.
export function HomeScreen({ user }: { user: User }) {
  const { t } = useI18n();
  useDocumentTitle(t("homeTitle"));
  const data = useHomeData();
  const swControls = useServiceWorkerControl();
  const groups = useMemo(() => (data ? groupAssignments(data) : undefined), [data]);
  const missing = useMemo(() => (data ? missingForOffline(data, swControls) : undefined), [data, swControls]);
  // The cold-start picture of the previous release (a copy of the list) is no longer read: drop it.
  useEffect(() => {
    globalThis.indexedDB?.deleteDatabase("patuh-home-snapshot");
  }, []);
  const { engine, db } = useDevice();
  const { pendingCount } = useSyncStatus();
  const unsent = useMemo(
    () => ({ count: pendingCount, recount: () => countPending(db), syncNow: () => engine.syncNow() }),
    [pendingCount, engine, db],
  );

  return (
    <div class="screen screen--home">
      <h1 tabIndex={-1}>{t("homeTitle")}</h1>
      <OfflineReadiness missing={missing} />
      <SyncPanel />
      <RejectionList />
      <RemovedAssignments />
      <AssignmentList groups={groups} pulled={data?.pulled ?? false} />
      <StoragePanel />
      <DevicePanel />
      <AccountSection user={user} unsent={unsent} />
    </div>
  );
}
