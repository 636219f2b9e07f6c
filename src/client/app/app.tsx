import { useEffect, useRef } from "preact/hooks";
import { AppFooter } from "../components/app-footer";
import { AppHeader } from "../components/app-header";
import { UpdateBanner } from "../components/update-banner";
import { useI18n } from "../i18n/i18n";
import { HomeScreen } from "../screens/home-screen";
import { LoginScreen } from "../screens/login-screen";
import { NotFoundScreen } from "../screens/not-found-screen";
import { useSession } from "../session/session";
import type { User } from "../session/user";
import { lazyScreen } from "./lazy-screen";
import { matchPath, navigate, usePath } from "./router";

// Later screens load on demand; only login and home ship in the entry chunk.
const AssessmentScreen = lazyScreen(() =>
  import("../screens/assessment-screen").then((module) => module.AssessmentScreen),
);

const LOGIN_PATH = "/login";

/** Where to go after login: the deep link the user opened before being sent to the login screen. */
let returnPath: string | undefined;

function routeFor(path: string, user: User) {
  if (path === "/" || path === LOGIN_PATH) return <HomeScreen user={user} />;
  const assessment = matchPath("/penilaian/:id", path);
  if (assessment?.id) return <AssessmentScreen id={assessment.id} />;
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
    mainRef.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [path]);

  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <AppHeader />
      <main id="main" class="app-main" ref={mainRef} tabIndex={-1}>
        {user ? <div key={path}>{routeFor(path, user)}</div> : <LoginScreen />}
      </main>
      <AppFooter />
      <UpdateBanner />
    </div>
  );
}
