// Entry point. Start-up order matters for offline use:
// 1. read the stored profile and language from IndexedDB (no network),
// 2. render at once with them,
// 3. only then register the service worker and confirm the session with the server in background.
// An assessor's device (database + its code) and the home screen's code start loading as soon as the
// profile is known, in parallel with the first render, not one after the other behind it.
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/controls.css";
import "./styles/home.css";
import "./styles/desk.css";
import { render } from "preact";
import { App } from "./app/app";
import { BUILD_ID } from "./app/build-info";
import { deviceHintUser, discardPrewarm, prewarmDevice, prewarmLastDevice } from "./app/device-gate";
import { initLanguage, preloadStaffTexts } from "./i18n/i18n";
import { onReconnect } from "./platform/online";
import { registerServiceWorker } from "./pwa/service-worker-updates";
import { checkSession, currentUser, initSession } from "./session/session";

/** The same chunk the home route imports (module loading is shared): fetched and parsed now. */
let homeWarmed = false;
function warmHomeScreen(): void {
  if (homeWarmed) return;
  homeWarmed = true;
  void import("./screens/home-screen").catch(() => undefined);
}

async function start(): Promise<void> {
  document.documentElement.dataset.build = BUILD_ID;
  const home = location.pathname === "/";
  // The home's cold-start list is asked for first (it reads the device and paints without the
  // device layer), then the device of the assessor who last used it here starts opening while the
  // profile is read.
  const hinted = home ? deviceHintUser() : null;
  if (hinted) {
    void import("./screens/home/home-preview")
      .then((module) => module.startFirstHomeRead(hinted))
      .catch(() => undefined);
  }
  prewarmLastDevice();
  if (hinted) warmHomeScreen();
  await Promise.all([initSession(), initLanguage()]);
  performance.mark("patuh:start:profile");
  const user = currentUser();
  if (user?.role === "assessor") {
    prewarmDevice(user.id);
    if (home) warmHomeScreen();
  } else {
    discardPrewarm();
    // A supervisor's or admin's words are a chunk of their own (never on an assessor's download):
    // loaded before the first render (precached, so offline too) so the staff UI paints in words.
    if (user) await preloadStaffTexts().catch((error: unknown) => console.warn("patuh: texts", error));
  }
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app");
  render(<App />, root);
  performance.mark("patuh:start:rendered");
  registerServiceWorker();
  void checkSession();
  onReconnect(() => void checkSession());
}

void start();
