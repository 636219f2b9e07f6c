// The core field journey in every engine an assessor's phone may carry (issue 15): log in, get
// ready offline, open with no network, start a visit, answer by clicking, attach a photo, reload,
// and sync back: the server holds the same answers and the photo's very bytes.
// Engines come from PATUH_E2E_ENGINES (`npm test` runs chromium in `e2e`, firefox in
// `e2e-firefox`, webkit-disk and webkit-memory in `e2e-webkit`).
// WebKit's two storage modes each broke a step before the fix: on disk the first sync never
// completed (key cursor on an empty index), in memory the photo was refused (Blob in IndexedDB).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerSome,
  attachPhoto,
  logIn,
  PHOTO_ITEM,
  serverAssessment,
  serverEvidence,
  startFirstVisit,
  waitReadyOffline,
  waitSaved,
} from "./pages/field-journey";
import {
  type EngineDriver,
  enginesFromEnv,
  launchEngine,
  waitForSelector,
  waitUntil,
} from "./support/drivers/engine";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { type NetworkSwitch, networkSwitch } from "./support/network-switch";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const SYNC_TIMEOUT_MS = 60_000;

/** True when the device's outbox (every patuh-<user> database) is empty; runs in the page. */
async function deviceOutboxEmpty(): Promise<boolean> {
  // The device database is patuh-<user id>; other patuh-* stores (settings) have no outbox.
  const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("patuh-"));
  let total = 0;
  for (const name of names) {
    total += await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("outbox")) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction("outbox").objectStore("outbox").count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error);
      };
    });
  }
  return names.length > 0 && total === 0;
}

// One server for every engine of the run (each engine starts the next assignment not yet visited).
let fx: E2eFixture;
beforeAll(async () => {
  fx = await setUpE2e("journey");
}, 200_000);
afterAll(async () => {
  await fx?.cleanup();
});

for (const engine of enginesFromEnv()) {
  describe(`field journey in ${engine}`, () => {
    let driver: EngineDriver | undefined;
    let net: NetworkSwitch | undefined;

    afterAll(async () => {
      await driver?.close();
      await net?.close();
    });

    it("logs in, works with no network, keeps answers and a photo over a reload, and syncs them back", async () => {
      net = await networkSwitch(fx.server);
      const base = net.url;
      const started = Date.now();
      // Each step's time in the log: what a slow or stuck engine was doing.
      const step = (what: string) =>
        console.log(`[${engine}] ${((Date.now() - started) / 1000).toFixed(1)} s ${what}`);
      driver = await launchEngine(engine, fx.profileDir(engine));
      try {
        step("log in");
        await logIn(driver, base, "penilai1", DEMO_PASSWORD);
        // The first sync completed and the shell is cached: "Siap luring".
        step("wait ready offline");
        await waitReadyOffline(driver);

        // No network (connections refused); the app opens from the service worker and IndexedDB.
        step("server stopped");
        await net.offline();
        await driver.goto(`${base}/`);
        await waitForSelector(driver, '[data-testid="user-name"]', "Andi Pratama");
        step("start visit");
        const assessmentId = await startFirstVisit(driver);
        step("answer");
        const answers = await answerSome(driver, 3);
        step("photo");
        await attachPhoto(driver, PHOTO_ITEM);
        await waitSaved(driver);

        step("reload");
        // A reload with no network keeps every answer and the photo.
        await driver.goto(`${base}/penilaian/${assessmentId}`);
        await waitForSelector(driver, '[data-testid="checklist"]');
        for (const [key, value] of Object.entries(answers)) {
          await waitForSelector(driver, `fieldset.answer[data-key="${key}"][data-stored="${value}"]`);
        }
        await waitForSelector(driver, `.instance[data-anchor="${PHOTO_ITEM}"] .photos__item img`);

        // The network is back: "Sinkronkan sekarang" sends it all.
        step("server back");
        await net.online();
        await driver.goto(`${base}/`);
        step("home again");
        await waitForSelector(driver, '[data-testid="sync-now"]:not([disabled])');
        step("sync now");
        await driver.click('[data-testid="sync-now"]');
        step("sync started");
        let server = await serverAssessment(base, "penilai1", DEMO_PASSWORD, assessmentId);
        const deadline = Date.now() + SYNC_TIMEOUT_MS;
        while (Date.now() < deadline && (server?.evidence.length ?? 0) === 0) {
          await new Promise((r) => setTimeout(r, 500));
          server = await serverAssessment(base, "penilai1", DEMO_PASSWORD, assessmentId);
        }
        step("server checked");
        expect(server, "the server has the assessment").toBeDefined();
        for (const [key, value] of Object.entries(answers)) expect(String(server?.answers[key])).toBe(value);
        expect(server?.evidence.map((e) => e.key)).toEqual([PHOTO_ITEM]);
        const photo = server?.evidence[0];
        const served = await serverEvidence(base, "penilai1", DEMO_PASSWORD, photo?.sha256 ?? "");
        expect(served).toEqual({ status: 200, sha256: photo?.sha256, bytes: photo?.bytes });
        // And the device knows it: the pull after the push emptied its outbox (the WebKit key-cursor
        // path) and the home says nothing is waiting.
        await waitUntil(driver, deviceOutboxEmpty, null, "an empty outbox", SYNC_TIMEOUT_MS);
      } catch (error) {
        await driver.screenshot(resultPath(`journey-${engine}-failure.png`)).catch(() => undefined);
        throw error;
      }
    }, 120_000);
  });
}
