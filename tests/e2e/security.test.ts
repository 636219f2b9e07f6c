// Script payloads in what users type (product names, respondent names, notes) reach the checklist
// of another device as inert text, and the Content-Security-Policy blocks inline script: nothing
// injected runs, whichever way it arrives. Chromium with the CSP enforced (no bypassCSP here).
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecklistPage } from "./pages/checklist-page";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { collectCspViolations, firstPage, launchProfile } from "./support/browser";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { DEMO_PASSWORD } from "./support/server";

const PAYLOADS = {
  product: `<img src=x onerror="window.__xss='product'">`,
  respondent: `<script>window.__xss='respondent'</script>`,
  note: `<svg onload="window.__xss='note'"></svg>"><iframe src="javascript:window.__xss='note2'">`,
};

async function api(base: string, cookie: string, path: string, json?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: json === undefined ? "GET" : "POST",
    headers: { cookie, ...(json === undefined ? {} : { "content-type": "application/json" }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("hostile text and inline script in the browser", () => {
  let fx: E2eFixture;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    fx = await setUpE2e("security");
  });

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("renders script payloads as text and the CSP blocks inline script", async () => {
    const base = fx.server.url;
    // Another device of the team (plain HTTP) writes the payloads into an assessment.
    const login = await fetch(`${base}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "penilai1", password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const clientId = crypto.randomUUID();
    const pull = await api(base, cookie, `/sync/pull?clientId=${clientId}`);
    const patch = pull.body.patch as { type: string; value: Record<string, unknown> }[];
    const assignment = patch.find((p) => p.type === "assignment")?.value as {
      id: string;
      unitId: string;
      periodId: string;
    };
    const period = patch.find((p) => p.type === "period" && p.value.id === assignment.periodId)?.value as {
      instrumentId: string;
      instrumentVersion: number;
    };
    const assessmentId = crypto.randomUUID();
    const at = "2026-08-01T02:00:00Z";
    const mutations = [
      {
        name: "assessment.create",
        args: {
          assessmentId,
          assignmentId: assignment.id,
          unitId: assignment.unitId,
          instrumentId: period.instrumentId,
          instrumentVersion: period.instrumentVersion,
          visit: { date: "2026-08-01", mode: "scheduled" },
        },
      },
      {
        name: "assessment.putProduct",
        args: { assessmentId, product: { id: crypto.randomUUID(), name: PAYLOADS.product } },
      },
      {
        name: "assessment.putRespondent",
        args: {
          assessmentId,
          respondent: { id: crypto.randomUUID(), kind: "official", profile: { name: PAYLOADS.respondent } },
        },
      },
      {
        name: "assessment.setNote",
        args: { assessmentId, key: "general", text: PAYLOADS.note, previous: null },
      },
      {
        name: "assessment.setNote",
        args: { assessmentId, key: "IN.SP.01", text: PAYLOADS.product, previous: null },
      },
    ].map((m, i) => ({ id: i + 1, ...m, at }));
    const push = await api(base, cookie, "/sync/push", { clientId, mutations });
    expect(push.status).toBe(200);
    expect((push.body.results as { status: string }[]).map((r) => r.status)).toEqual(
      mutations.map(() => "applied"),
    );

    context = await launchProfile(fx.profileDir("xss"));
    const page = await firstPage(context);
    const csp = collectCspViolations(page);
    const loginPage = new LoginPage(page);
    await loginPage.goto(base);
    await loginPage.logIn("penilai1", DEMO_PASSWORD);
    await new HomePage(page).readiness.filter({ hasText: "Siap luring" }).waitFor({ timeout: 60_000 });
    await page.goto(`${base}/penilaian/${assessmentId}`);
    const sheet = new ChecklistPage(page);
    await sheet.root.waitFor();
    await page.waitForTimeout(1_000);

    // The payloads are there, as text (in fields or as text nodes), and none of them ran.
    const shown = await page.evaluate(() => {
      const values = [...document.querySelectorAll("input, textarea")].map(
        (e) => (e as HTMLInputElement | HTMLTextAreaElement).value,
      );
      return `${document.body.innerText}\n${values.join("\n")}`;
    });
    expect(shown).toContain(PAYLOADS.product);
    expect(shown).toContain(PAYLOADS.note);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await page.locator('main img[src="x"], main iframe, main svg[onload]').count()).toBe(0);

    // Inline script is refused by the policy, however it is added.
    const ran = await page.evaluate(async () => {
      const s = document.createElement("script");
      s.textContent = "window.__inline = 'ran'";
      document.head.append(s);
      const div = document.createElement("div");
      div.innerHTML = `<img src="data:," onerror="window.__inline='handler'">`;
      document.body.append(div);
      await new Promise((r) => setTimeout(r, 300));
      return (window as unknown as { __inline?: string }).__inline ?? null;
    });
    expect(ran).toBeNull();
    expect(csp.length).toBeGreaterThan(0);
    const header = (await page.request.get(`${base}/`)).headers()["content-security-policy"] ?? "";
    const scriptSrc = /script-src([^;]*)/.exec(header)?.[1] ?? /default-src([^;]*)/.exec(header)?.[1] ?? "";
    expect(scriptSrc).not.toContain("'unsafe-inline'");
  });
});
