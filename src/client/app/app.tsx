import { useEffect, useRef } from "preact/hooks";
import { AppFooter } from "../components/app-footer";
import { AppHeader } from "../components/app-header";
import { UpdateBanner } from "../components/update-banner";
import { useI18n } from "../i18n/i18n";
import { LoginScreen } from "../screens/login-screen";
import { NotFoundScreen } from "../screens/not-found-screen";
import { useSession } from "../session/session";
import type { User } from "../session/user";
import { DeviceGate } from "./device-gate";
import { lazyScreen } from "./lazy-screen";
import { matchPath, navigate, usePath } from "./router";

// Screens load on demand; only the shell and the login screen ship in the entry chunk.
// The home reads the device database, so it loads with the device layer (see device-gate.tsx).
const HomeScreen = lazyScreen(() => import("../screens/home-screen").then((module) => module.HomeScreen));
const AssessmentScreen = lazyScreen(() =>
  import("../screens/assessment-screen").then((module) => module.AssessmentScreen),
);
const StartVisitScreen = lazyScreen(() =>
  import("../screens/start-visit/start-visit-screen").then((module) => module.StartVisitScreen),
);

const LOGIN_PATH = "/login";

/** Where to go after login: the deep link the user opened before being sent to the login screen. */
let returnPath: string | undefined;

function routeFor(path: string, user: User) {
  if (path === "/" || path === LOGIN_PATH) return <HomeScreen user={user} />;
  const assessment = matchPath("/penilaian/:id", path);
  if (assessment?.id) return <AssessmentScreen id={assessment.id} />;
  // Starting the visit of an assignment not yet assessed (or going on to its existing assessment).
  const assignment = matchPath("/penugasan/:id", path);
  if (assignment?.id) return <StartVisitScreen assignmentId={assignment.id} />;
  return <NotFoundScreen />;
}

export function App() {
  const path = usePath();
  const { user } = useSession();
  const { t } = useI18n();
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
    <div class="app">
      <a class="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <AppHeader />
      <main id="main" class="app-main" ref={mainRef} tabIndex={-1}>
        {user ? (
          // The gate sits outside the keyed screen: navigating never reopens the database or engine.
          <DeviceGate user={user}>
            <div key={path}>{routeFor(path, user)}</div>
          </DeviceGate>
        ) : (
          <LoginScreen />
        )}
      </main>
      <AppFooter />
      <UpdateBanner />
    </div>
  );
}
