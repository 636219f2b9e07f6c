import { useEffect, useRef } from "preact/hooks";
import { AppFooter } from "../components/app-footer";
import { AppHeader } from "../components/app-header";
import { StaffNav } from "../components/staff-nav";
import { UpdateBanner } from "../components/update-banner";
import { useI18n, useStaffTexts } from "../i18n/i18n";
import { LoginScreen } from "../screens/login-screen";
import { NotFoundScreen } from "../screens/not-found-screen";
import { StaffHomeScreen } from "../screens/staff-home-screen";
import { useSession } from "../session/session";
import type { User } from "../session/user";
import { DeviceGate } from "./device-gate";
import { navigate, usePath } from "./router";
import { accountArea } from "./routes/account-routes";
import { adminArea } from "./routes/admin-routes";
import type { Area } from "./routes/area";
import { assessorArea, assessorPreview } from "./routes/assessor-routes";
import { masterDataArea } from "./routes/masterdata-routes";
import { nationalArea } from "./routes/national-routes";
import { planningArea } from "./routes/planning-routes";
import { reviewArea } from "./routes/review-routes";

// Screens load on demand; only the shell, the login screen and the small area tables ship in the
// entry chunk. Assessors work in the field area, on the device database (see device-gate.tsx);
// supervisors and admins work online in the staff areas, which never open a device database.
const STAFF_AREAS: Area[] = [reviewArea, planningArea, adminArea, masterDataArea, nationalArea, accountArea];

const LOGIN_PATH = "/login";

/** Where to go after login: the deep link the user opened before being sent to the login screen. */
let returnPath: string | undefined;

function staffRoute(path: string, user: User) {
  for (const area of STAFF_AREAS) {
    const screen = area.match(path, user);
    if (screen) return screen;
  }
  if (path === "/" || path === LOGIN_PATH) {
    return <StaffHomeScreen user={user} links={STAFF_AREAS.flatMap((area) => area.nav(user))} />;
  }
  return <NotFoundScreen />;
}

export function App() {
  const path = usePath();
  const { user } = useSession();
  const { t } = useI18n();
  const staff = user !== undefined && user.role !== "assessor";
  // Staff words load with the staff UI (a moment after a staff login; at once when preloaded).
  const staffTexts = useStaffTexts(staff);
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);

  // Keep the URL honest: logged out → /login (remembering the deep link), logged in → off /login.
  useEffect(() => {
    if (!user && path !== LOGIN_PATH) {
      if (path !== "/") returnPath = path;
      navigate(LOGIN_PATH, { replace: true });
    } else if (user && path === LOGIN_PATH) {
      navigate(returnPath ?? "/", { replace: true });
      returnPath = undefined;
    }
  }, [user, path]);

  // After an in-app navigation, move focus to the new screen's heading so screen readers announce it
  // (but not on first load, where the browser's own focus handling is right).
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.focus();
      return;
    }
    // A lazily loaded screen renders its heading a moment later: focus it when it appears.
    const observer = new MutationObserver(() => {
      const late = main.querySelector<HTMLElement>("h1");
      if (!late) return;
      observer.disconnect();
      late.focus();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [path]);

  return (
    // Staff work on a laptop: their screens take its width (styles/desk.css); assessors keep the column.
    <div class={staff ? "app app--staff" : "app"}>
      <a class="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <AppHeader />
      {user && staff && staffTexts && <StaffNav items={STAFF_AREAS.flatMap((area) => area.nav(user))} />}
      <main id="main" class="app-main" ref={mainRef} tabIndex={-1}>
        {user ? (
          user.role === "assessor" ? (
            // The gate sits outside the keyed screen: navigating never reopens the database or engine.
            <DeviceGate user={user} preview={assessorPreview(path, user)}>
              <div key={path}>{assessorArea.match(path, user) ?? <NotFoundScreen />}</div>
            </DeviceGate>
          ) : staffTexts ? (
            <div key={path}>{staffRoute(path, user)}</div>
          ) : (
            <p class="loading" role="status">
              {t("loading")}
            </p>
          )
        ) : (
          <LoginScreen />
        )}
      </main>
      <AppFooter />
      <UpdateBanner />
    </div>
  );
}
