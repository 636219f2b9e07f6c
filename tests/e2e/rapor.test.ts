// The rapor fit to send in the browser (issue #20): an admin's letterhead (lines, address, logo)
// heads the page with the print date; a failed item says what was answered, the note and the photo
// count; the units not yet assessed are one compact list; the approval block names the approver.
// Nothing scrolls sideways at 1366 × 768 nor at 360 × 740, axe finds no serious violation, and
// screenshots (screen at both sizes, and the A4 print rendering as PDF) are kept in test-results/.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import jpeg from "jpeg-js";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mutation } from "../../src/domain/sync/protocol";
import { completeChecklist } from "../integration/sync/complete";
import { FieldApi } from "./pages/field-api";
import { LoginPage } from "./pages/login-page";
import { ReviewApi } from "./pages/review-api";
import { firstPage, launchProfile, seriousAxeViolations } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const PONTIANAK = "Kota Pontianak";
const ITEM = "IN.SP.05"; // unit level, photo_required: carries the photo
const LOW_LABEL = "Tidak ada / tidak memenuhi";
const NOTE = "Papan informasi tidak terpasang";
const LINES = ["OMBUDSMAN REPUBLIK INDONESIA", "Perwakilan Provinsi Kalimantan Barat"];
const ADDRESS = "Jl. Sutan Syahrir No. 10, Pontianak 78116";

async function cookieOf(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("patuh_session="));
  if (!cookie) throw new Error(`no session for ${username}`);
  return cookie;
}

function logo(): Uint8Array<ArrayBuffer> {
  const size = 120;
  const data = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const x = i % size;
    const y = Math.floor(i / size);
    const inside = (x - 60) ** 2 + (y - 60) ** 2 < 50 ** 2;
    data.set(inside ? [18, 70, 122, 255] : [255, 255, 255, 255], i * 4);
  }
  return new Uint8Array(jpeg.encode({ width: size, height: size, data }, 90).data);
}

async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>(".card, table, .rapor-letterhead")) {
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
}

describe("rapor fit to send", () => {
  let fx: E2eFixture;
  let staff: BrowserContext;
  let sup: Page;
  let pemdaId = "";
  let pendingCount = 0;

  beforeAll(async () => {
    fx = await setUpE2e("rapor");
    staff = await launchProfile(fx.profileDir("rapor"), { bypassCSP: true });
    sup = await firstPage(staff);
    await sup.setViewportSize({ width: 1366, height: 768 });
    const base = fx.server.url;
    const field = await FieldApi.logIn(base, "penilai1", DEMO_PASSWORD);
    const office = await ReviewApi.logIn(base, "supervisor", DEMO_PASSWORD);
    const { periods } = await field.get<{
      periods: { id: string; instrumentId: string; instrumentVersion: number }[];
    }>("/periods");
    const period = periods[0];
    if (!period) throw new Error("no period");
    const supCookie = await cookieOf(base, "supervisor");
    const progress = (await (
      await fetch(`${base}/api/v1/progress?periodId=${period.id}`, { headers: { cookie: supCookie } })
    ).json()) as {
      pemda: { pemdaId: string; name: string; units: { assignmentId: string; unitId: string }[] }[];
    };
    const pontianak = progress.pemda.find((p) => p.name === PONTIANAK);
    const unit = pontianak?.units[0];
    if (!pontianak || !unit) throw new Error("no Pontianak unit");
    pemdaId = pontianak.pemdaId;
    pendingCount = pontianak.units.length - 1;
    const photo = await field.uploadPhoto(`${process.cwd()}/tests/fixtures/photos/papan-informasi.jpg`);
    const assessmentId = randomUUID();
    const at = new Date().toISOString();
    const complete = completeChecklist(assessmentId, 0, photo);
    // The complete checklist's top answer on ITEM, lowered to the bottom option with a note.
    const top = complete.find((m) => m.name === "assessment.setAnswer" && m.args.key === ITEM);
    const previous = top?.name === "assessment.setAnswer" ? top.args.value : null;
    const mutations: Mutation[] = [
      {
        id: 0,
        name: "assessment.create",
        at,
        args: {
          assessmentId,
          assignmentId: unit.assignmentId,
          unitId: unit.unitId,
          instrumentId: period.instrumentId,
          instrumentVersion: period.instrumentVersion,
          visit: { date: at.slice(0, 10), startedAt: at, mode: "scheduled" },
        },
      },
      ...complete,
      { id: 0, name: "assessment.setAnswer", at, args: { assessmentId, key: ITEM, value: 0, previous } },
      {
        id: 0,
        name: "assessment.setNote",
        at,
        args: { assessmentId, key: ITEM, text: NOTE, previous: null },
      },
      { id: 0, name: "assessment.submit", at, args: { assessmentId } },
    ];
    await field.push(mutations);
    const detail = await office.assessment(assessmentId);
    expect(
      (await office.review(assessmentId, { decision: "approve", revision: detail.revision })).status,
    ).toBe(200);
    // The admin's letterhead for the office.
    const adminCookie = await cookieOf(base, "admin");
    const text = await fetch(`${base}/api/v1/offices/kalbar/letterhead`, {
      method: "PUT",
      headers: { cookie: adminCookie, "content-type": "application/json" },
      body: JSON.stringify({ lines: LINES, address: ADDRESS }),
    });
    expect(text.status).toBe(200);
    const upload = await fetch(`${base}/api/v1/offices/kalbar/letterhead/logo`, {
      method: "PUT",
      headers: { cookie: adminCookie, "content-type": "image/jpeg" },
      body: logo(),
    });
    expect(upload.status).toBe(200);
  }, 120_000);

  explainFailures(
    "rapor",
    () => sup,
    () => fx,
  );

  afterAll(async () => {
    await staff?.close();
    await fx?.cleanup();
  });

  it("heads the rapor with the letterhead and print date, and says what was observed and who approved", async () => {
    const login = new LoginPage(sup);
    await login.goto(fx.server.url);
    await login.logIn("supervisor", DEMO_PASSWORD);
    await sup.getByTestId("progress-screen").waitFor();
    await sup.goto(`${fx.server.url}/hasil/rapor/${pemdaId}`);
    const head = sup.getByTestId("rapor-letterhead");
    await head.waitFor();
    const headText = (await head.textContent()) ?? "";
    for (const line of [...LINES, ADDRESS]) expect(headText).toContain(line);
    const img = sup.getByTestId("rapor-logo");
    await img.waitFor();
    await sup.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('[data-testid="rapor-logo"]');
      return el?.complete === true && el.naturalWidth === 120;
    });
    expect(await sup.getByTestId("rapor-printed-at").textContent()).toMatch(/^Dicetak \d{1,2} \S+ \d{4}$/);

    const shortfall = sup.locator(`[data-testid="shortfall"][data-indicator="${ITEM}"]`);
    const observation = shortfall.getByTestId("rapor-observation");
    expect(await observation.count()).toBe(1);
    const observed = (await observation.textContent()) ?? "";
    expect(observed).toContain(LOW_LABEL);
    expect(observed).toContain(NOTE);
    expect(observed).toContain("1 foto");

    // One assessed unit gets a section; the others are one list, not a page each.
    expect(await sup.getByTestId("rapor-unit").count()).toBe(1);
    expect(await sup.getByTestId("rapor-pending-unit").count()).toBe(pendingCount);

    const approvals = sup.getByTestId("rapor-approval-row");
    expect(await approvals.count()).toBe(1);
    expect(await sup.getByTestId("rapor-signature").count()).toBe(1);
    // A zoned scheme (the demo's opini-2022) keeps its zone.
    expect(await sup.getByTestId("rapor-zone").count()).toBe(1);

    expect(await sideways(sup)).toEqual([]);
    expect(await seriousAxeViolations(sup)).toEqual([]);
    await sup.screenshot({ path: resultPath("rapor-1366x768.png"), fullPage: true });

    // Printed: the app's chrome and buttons go, the letterhead and approval stay; an A4 PDF is kept.
    await sup.emulateMedia({ media: "print" });
    expect(await sup.getByRole("button", { name: "Cetak" }).isVisible()).toBe(false);
    expect(await head.isVisible()).toBe(true);
    expect(await sup.getByTestId("rapor-approval").isVisible()).toBe(true);
    writeFileSync(resultPath("rapor-a4.pdf"), await sup.pdf({ format: "A4", printBackground: true }));
    await sup.emulateMedia({ media: "screen" });

    await sup.setViewportSize({ width: 360, height: 740 });
    expect(await sideways(sup)).toEqual([]);
    expect(await seriousAxeViolations(sup)).toEqual([]);
    await sup.screenshot({ path: resultPath("rapor-360x740.png"), fullPage: true });
  });
});
