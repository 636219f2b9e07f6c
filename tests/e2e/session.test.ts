// (c) Language choice persists across reloads; logout returns to login and clears the profile;
// login errors are said in words; a 401 from the session check sends to login, keeping settings.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { collectCspViolations, firstPage, launchProfile } from "./support/browser";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { DEMO_PASSWORD } from "./support/server";

/** The stored session profile, read straight from IndexedDB (what main.tsx reads at start). */
function storedProfile(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("patuh-session");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("profile")) {
            db.close();
            resolve(undefined);
            return;
          }
          const read = db.transaction("profile").objectStore("profile").get("user");
          read.onsuccess = () => {
            db.close();
            resolve(read.result);
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

describe("session and language", () => {
  let fx: E2eFixture;
  let context: BrowserContext;
  let page: Page;
  let csp: string[];

  beforeAll(async () => {
    fx = await setUpE2e("session");
    context = await launchProfile(fx.profileDir("c"));
    page = await firstPage(context);
    csp = collectCspViolations(page);
  });

  afterAll(async () => {
    await context?.close();
    await fx?.cleanup();
  });

  it("says why a login failed, in words", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", "wrong password");
    await login.error.filter({ hasText: "Nama pengguna atau kata sandi salah." }).waitFor();

    await context.setOffline(true);
    await login.logIn("penilai1", DEMO_PASSWORD);
    await login.error.filter({ hasText: "Tidak ada koneksi" }).waitFor();
    await context.setOffline(false);

    // protocol.md: more than 10 failures for one username in 15 minutes → 429. penilai2 only, so
    // the other tests can still log in as penilai1.
    await page.evaluate(async () => {
      for (let i = 0; i < 11; i++) {
        await fetch("/api/v1/session", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ username: "penilai2", password: "wrong password" }),
        });
      }
    });
    await login.logIn("penilai2", "wrong password");
    await login.error.filter({ hasText: "Terlalu banyak percobaan masuk." }).waitFor();
  });

  it("switches to English and back, and the choice survives a reload", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    const home = new HomePage(page);
    await home.heading().waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("id");

    await home.switchLanguage("English");
    await home.heading(true).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await home.role.textContent()).toBe("Assessor (Penilai)");
    await page.reload();
    await home.heading(true).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");

    await home.switchLanguage("Bahasa Indonesia");
    await home.heading().waitFor();
    await page.reload();
    await home.heading().waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("id");
    expect(await home.role.textContent()).toBe("Penilai");
  });

  it("logs out offline without locking the assessor out: the same password unlocks the device offline", async () => {
    const home = new HomePage(page);
    await home.heading().waitFor();
    await context.setOffline(true);
    await home.logOut();
    const login = new LoginPage(page);
    await login.heading.waitFor();
    expect(await storedProfile(page)).toBeUndefined();
    await login.logIn("penilai1", DEMO_PASSWORD);
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();
    expect(await storedProfile(page)).toMatchObject({ username: "penilai1" });
    await context.setOffline(false);
  });

  it("logs out to the login screen and clears the stored profile, keeping the language", async () => {
    const home = new HomePage(page);
    await home.heading().waitFor();
    expect(await storedProfile(page)).toMatchObject({ username: "penilai1", name: "Andi Pratama" });

    await home.switchLanguage("English");
    await home.logOut();
    const login = new LoginPage(page, true);
    await login.heading.waitFor();
    await page.waitForURL((url) => url.pathname === "/login");
    expect(await storedProfile(page)).toBeUndefined();

    // The server session is gone too, and a reload stays on login (in the kept language).
    await page.reload();
    await login.heading.waitFor();
    const status = await page.evaluate(async () => (await fetch("/api/v1/session")).status);
    expect(status).toBe(401);

    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await new LoginPage(page).heading.waitFor();
  });

  it("sends to login when the server no longer knows the session (401)", async () => {
    const login = new LoginPage(page);
    await login.goto(fx.server.url);
    await login.logIn("penilai1", DEMO_PASSWORD);
    const home = new HomePage(page);
    await home.userName.filter({ hasText: "Andi Pratama" }).waitFor();

    // Session ended on the server's side (expired, revoked): the background check gets 401.
    await context.clearCookies();
    await page.reload();
    await login.heading.waitFor({ timeout: 15_000 });
    await page.getByText("Sesi Anda telah berakhir.").waitFor();
    expect(await storedProfile(page)).toBeUndefined();
    expect(csp).toEqual([]);
  });
});
