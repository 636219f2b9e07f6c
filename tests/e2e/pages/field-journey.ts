// The core field journey as steps on an EngineDriver, so the same steps run in Chromium, Firefox
// and WebKit: log in, get ready offline, start a visit, answer by clicking, attach a photo, and
// read back what the server holds.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AssessmentState, PullResponse } from "../../../src/domain/sync/protocol";
import {
  attribute,
  type EngineDriver,
  pickFile,
  waitForSelector,
  waitUntil,
} from "../support/drivers/engine";
import { ROOT } from "../support/paths";
import { FieldApi } from "./field-api";

export const JOURNEY_PHOTO = join(ROOT, "tests", "fixtures", "photos", "papan-informasi.jpg");
/** Items the journey answers (by their instance anchor) and the one it photographs. */
export const PHOTO_ITEM = "IN.SP.05";
const HIGH = ["3", "yes", "never"];

export async function logIn(driver: EngineDriver, baseUrl: string, username: string, password: string) {
  await driver.goto(`${baseUrl}/login`);
  await waitForSelector(driver, "#login-username");
  await driver.type("#login-username", username);
  await driver.type("#login-password", password);
  await driver.click('form button[type="submit"]');
  await waitForSelector(driver, '[data-testid="user-name"]');
}

/** "Siap luring": first sync done, the service worker controls the page. */
export async function waitReadyOffline(driver: EngineDriver, timeoutMs = 60_000): Promise<void> {
  await waitForSelector(driver, '[data-testid="offline-readiness"][data-ready="true"]', undefined, timeoutMs);
}

/** From the home: the first assignment not yet started → start the visit. Returns the assessment id. */
export async function startFirstVisit(driver: EngineDriver): Promise<string> {
  await waitForSelector(driver, '[data-testid="unit-item"] a[href^="/penugasan/"]');
  await driver.click('[data-testid="unit-item"] a[href^="/penugasan/"]');
  await waitForSelector(driver, '[data-testid="start-visit"]');
  await driver.click('[data-testid="start-visit"]');
  await waitForSelector(driver, '[data-testid="checklist"][data-assessment]');
  const id = await attribute(driver, '[data-testid="checklist"]', "data-assessment");
  if (!id) throw new Error("no assessment id on the checklist");
  return id;
}

/**
 * Answers `count` single-choice items with their best option by native clicks, each confirmed as
 * stored on the device (data-stored). Returns {answer key → value clicked}.
 */
export async function answerSome(driver: EngineDriver, count: number): Promise<Record<string, string>> {
  const plan = await driver.evaluate(
    ({ count, high }) => {
      const chosen: { anchor: string; key: string; value: string }[] = [];
      for (const block of document.querySelectorAll<HTMLElement>(".instance[data-anchor]")) {
        const anchor = block.dataset.anchor ?? "";
        if (!/^[A-Z.0-9]+$/.test(anchor)) continue; // plain keys only (no per-product instances)
        const sets = block.querySelectorAll<HTMLElement>("fieldset.answer[data-key]");
        if (sets.length !== 1) continue;
        const set = sets[0] as HTMLElement;
        const values = [...set.querySelectorAll<HTMLInputElement>("input[type=radio]")].map((r) => r.value);
        const value = values.find((v) => high.includes(v));
        if (value) chosen.push({ anchor, key: set.dataset.key ?? "", value });
        if (chosen.length === count) break;
      }
      return chosen;
    },
    { count, high: HIGH },
  );
  if (plan.length < count) throw new Error(`only ${plan.length} single-choice items on the sheet`);
  const answers: Record<string, string> = {};
  for (const { anchor, key, value } of plan) {
    const set = `.instance[data-anchor="${anchor}"] fieldset.answer[data-key="${key}"]`;
    await driver.click(`${set} label:has(input[value="${value}"])`);
    await waitForSelector(driver, `${set}[data-stored="${value}"]`, undefined, 10_000);
    answers[key] = value;
  }
  return answers;
}

/** Picks the journey photo for `item` and waits for its thumbnail (resized and stored). */
export async function attachPhoto(driver: EngineDriver, item: string, file = JOURNEY_PHOTO): Promise<void> {
  const block = `.instance[data-anchor="${item}"]`;
  const before = await driver.evaluate(
    (b) => document.querySelectorAll(`${b} .photos__item img`).length,
    block,
  );
  await pickFile(driver, `${block} input[data-photo-input="gallery"]`, {
    name: "foto.jpg",
    type: "image/jpeg",
    base64: readFileSync(file).toString("base64"),
  });
  await waitUntil(
    driver,
    ({ block, before }) => {
      const error = document.querySelector('[data-testid="save-status"][role="alert"]')?.textContent;
      if (error) throw new Error(`photo refused: ${error}`);
      return document.querySelectorAll(`${block} .photos__item img`).length > before;
    },
    { block, before },
    `a photo thumbnail in ${item}`,
  );
}

export async function waitSaved(driver: EngineDriver): Promise<void> {
  await waitForSelector(driver, '[data-testid="save-status"][data-state="saved"]');
}

/** What the server holds for one assessment (a first pull of a fresh client of `username`). */
export async function serverAssessment(
  baseUrl: string,
  username: string,
  password: string,
  assessmentId: string,
): Promise<AssessmentState | undefined> {
  const api = await FieldApi.logIn(baseUrl, username, password);
  const pull = await api.get<PullResponse>(`/sync/pull?clientId=${randomUUID()}`);
  const op = pull.patch.find((p) => p.op === "put" && p.type === "assessment" && p.value.id === assessmentId);
  return op?.op === "put" && op.type === "assessment" ? (op.value as AssessmentState) : undefined;
}

/** The bytes the server serves for one evidence hash, and their own SHA-256. */
export async function serverEvidence(
  baseUrl: string,
  username: string,
  password: string,
  sha256: string,
): Promise<{ status: number; sha256: string; bytes: number }> {
  const api = await FieldApi.logIn(baseUrl, username, password);
  const response = await api.raw(`/evidence/${sha256}`);
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    sha256: createHash("sha256").update(body).digest("hex"),
    bytes: body.length,
  };
}
