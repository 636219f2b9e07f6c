// (d) Login and home at phone size (360 × 740): screenshots for review, no serious or critical
// axe-core violations, and touch targets of at least 44 px.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, seriousAxeViolations } from "./support/browser";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const MIN_TOUCH_PX = 44;

/** Visible interactive controls smaller than a fingertip (inline text links excepted). */
async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>("button, input, select, textarea, a.button");
    const small: string[] = [];
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // A checkbox counts together with its label, which is the real tap area; so does a hidden
      // file input inside the label styled as a button ("Impor dari berkas", photo pickers).
      const target =
        el instanceof HTMLInputElement && el.type === "checkbox"
          ? el.parentElement
          : el instanceof HTMLInputElement && el.type === "file"
            ? (el.closest("label") ?? el)
            : el;
      const area = target?.getBoundingClientRect() ?? box;
      if (area.height < min || area.width < min)
        small.push(`${el.outerHTML.slice(0, 80)} ${area.width}×${area.height}`);
    }
    return small;
  }, MIN_TOUCH_PX);
}

describe("accessibility at 360 × 740", () => {
  let fx: E2eFixture;
  let context: BrowserContext;

  beforeAll(async () => {
    fx = await setUpE2e("a11y");
    // bypassCSP only so axe-core can be injected; the other e2e files check the CSP holds.
    context = await launchProfile(fx.profileDir("d"), { bypassCSP: true });
  });

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("login and home have no serious axe violations and big enough targets", async () => {
    const page = await firstPage(context);
    expect(page.viewportSize()).toEqual({ width: 360, height: 740 });

    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await page.screenshot({ path: resultPath("e2e-login-360x740.png"), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);

    // The error state is part of the login screen too.
    await login.logIn("penilai1", "wrong password");
    await login.error.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.reload();
    await login.heading.waitFor();
    await login.logIn("penilai1", DEMO_PASSWORD);
    const home = new HomePage(page);
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();
    await page.screenshot({ path: resultPath("e2e-home-360x740.png"), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
  });
});
