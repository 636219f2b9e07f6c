// Unsent work carried over on a file (issue 15): a checklist started, answered and photographed
// with no network on one profile, saved to a file from the home; a fresh profile (a wiped phone)
// logs in, imports the file twice, syncs: the server holds every answer and the photo,
// byte-identical, exactly once. Runs in each engine of PATUH_E2E_ENGINES.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PullResponse } from "../../src/domain/sync/protocol";
import { FieldApi } from "./pages/field-api";
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
  attribute,
  type EngineDriver,
  enginesFromEnv,
  launchEngine,
  pickFile,
  waitForSelector,
} from "./support/drivers/engine";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { type NetworkSwitch, networkSwitch } from "./support/network-switch";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const SYNC_TIMEOUT_MS = 60_000;

interface WorkFileShape {
  mutations: { name: string }[];
  photos: { sha256: string; data: string }[];
}

let fx: E2eFixture;
beforeAll(async () => {
  fx = await setUpE2e("carry-over");
}, 200_000);
afterAll(async () => {
  await fx?.cleanup();
});

async function importFile(driver: EngineDriver, text: string): Promise<string> {
  const run = Number((await attribute(driver, '[data-testid="work-import-result"]', "data-run")) ?? 0);
  await pickFile(driver, '[data-testid="work-import"]', {
    name: "patuh-belum-terkirim.json",
    type: "application/json",
    base64: Buffer.from(text).toString("base64"),
  });
  await waitForSelector(driver, `[data-testid="work-import-result"][data-run="${run + 1}"]`);
  const state = await attribute(driver, '[data-testid="work-import-result"]', "data-state");
  const words = await driver.evaluate(
    () => document.querySelector('[data-testid="work-import-result"]')?.textContent ?? "",
    null,
  );
  expect(state, words).toBe("done");
  return words;
}

for (const engine of enginesFromEnv()) {
  describe(`unsent work on a file in ${engine}`, () => {
    const drivers: EngineDriver[] = [];
    let net: NetworkSwitch | undefined;

    afterAll(async () => {
      for (const d of drivers) await d.close().catch(() => undefined);
      await net?.close();
    });

    it("is exported on one profile, imported twice on a fresh one, and reaches the server exactly once", async () => {
      net = await networkSwitch(fx.server);
      const base = net.url;
      const first = await launchEngine(engine, fx.profileDir(`${engine}-first`));
      drivers.push(first);
      let current = first;
      try {
        await logIn(first, base, "penilai1", DEMO_PASSWORD);
        await waitReadyOffline(first);
        await net.offline();
        await first.goto(`${base}/`);
        await waitForSelector(first, '[data-testid="user-name"]');
        const assessmentId = await startFirstVisit(first);
        const answers = await answerSome(first, 3);
        await attachPhoto(first, PHOTO_ITEM);
        await waitSaved(first);

        // Still no network: the home saves the unsent work to a file.
        await first.goto(`${base}/`);
        await waitForSelector(first, '[data-testid="work-export"]');
        // The home has drawn its list (the button's place no longer moves under the tap).
        await waitForSelector(first, '[data-testid="unit-item"]');
        await first.click('[data-testid="work-export"]');
        await waitForSelector(
          first,
          '[data-testid="work-export-link"][download], [data-testid="work-export-error"]',
        );
        const exportError = await first.evaluate(
          () => document.querySelector('[data-testid="work-export-error"]')?.textContent ?? null,
          null,
        );
        expect(exportError, "saving the unsent work to a file offline").toBeNull();
        const text = await first.evaluate(async () => {
          const link = document.querySelector<HTMLAnchorElement>('[data-testid="work-export-link"]');
          return (await fetch(link?.href ?? "")).text();
        }, null);
        const file = JSON.parse(text) as WorkFileShape;
        expect(file.mutations.map((m) => m.name)).toContain("assessment.create");
        expect(file.photos).toHaveLength(1);
        const photo = file.photos[0] as WorkFileShape["photos"][number];
        const photoBytes = Buffer.from(photo.data, "base64");
        expect(createHash("sha256").update(photoBytes).digest("hex")).toBe(photo.sha256);
        await first.close();
        drivers.pop();

        // A wiped phone: a fresh profile, online, the same assessor.
        await net.online();
        const second = await launchEngine(engine, fx.profileDir(`${engine}-second`));
        drivers.push(second);
        current = second;
        await logIn(second, base, "penilai1", DEMO_PASSWORD);
        await waitReadyOffline(second);
        await importFile(second, text);
        // Imported again (a second tap, or the file found twice): nothing twice.
        const again = await importFile(second, text);
        expect(again).toMatch(/ 0 perubahan, 0 foto/);
        await second.click('[data-testid="sync-now"]');

        let server = await serverAssessment(base, "penilai1", DEMO_PASSWORD, assessmentId);
        const deadline = Date.now() + SYNC_TIMEOUT_MS;
        while (Date.now() < deadline && (server?.evidence.length ?? 0) === 0) {
          await new Promise((r) => setTimeout(r, 500));
          server = await serverAssessment(base, "penilai1", DEMO_PASSWORD, assessmentId);
        }
        expect(server, "the server has the checklist").toBeDefined();
        for (const [key, value] of Object.entries(answers)) expect(String(server?.answers[key])).toBe(value);
        expect(server?.evidence.map((e) => [e.key, e.sha256])).toEqual([[PHOTO_ITEM, photo.sha256]]);
        const served = await serverEvidence(base, "penilai1", DEMO_PASSWORD, photo.sha256);
        expect(served).toEqual({ status: 200, sha256: photo.sha256, bytes: photoBytes.length });

        // Exactly once: one checklist for that assignment, and each answer set once in its history.
        const api = await FieldApi.logIn(base, "penilai1", DEMO_PASSWORD);
        const pull = await api.get<PullResponse>(`/sync/pull?clientId=${crypto.randomUUID()}`);
        const sameAssignment = pull.patch.filter(
          (p) => p.op === "put" && p.type === "assessment" && p.value.assignmentId === server?.assignmentId,
        );
        expect(sameAssignment).toHaveLength(1);
      } catch (error) {
        await current.screenshot(resultPath(`carry-over-${engine}-failure.png`)).catch(() => undefined);
        throw error;
      }
    }, 300_000);
  });
}
