// The session rules that make offline work safe: start from the stored profile, end a session only on
// a 401, and let logout/401 remove the profile and nothing else. Real idb-keyval on fake-indexeddb.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const ANDI = { id: "u1", username: "penilai1", name: "Andi Pratama", role: "assessor", officeId: "kalbar" };

type FetchHandler = (method: string, path: string) => Response | Promise<Response>;

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

let handler: FetchHandler;
const calls: string[] = [];

/** A fresh copy of the modules, as after an app restart (the IndexedDB contents stay). */
async function boot() {
  vi.resetModules();
  const session = await import("./session");
  const settings = await import("../settings/settings-store");
  await session.initSession();
  return { session, settings };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  calls.length = 0;
  handler = () => {
    throw new TypeError("Failed to fetch");
  };
  vi.stubGlobal("navigator", { onLine: true });
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const method = init.method ?? "GET";
    calls.push(`${method} ${url}`);
    return handler(method, url);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("session", () => {
  it("starts logged out on a fresh device", async () => {
    const { session } = await boot();
    expect(session.currentUser()).toBeUndefined();
  });

  it("keeps the user of a login across a restart, with no network needed", async () => {
    handler = () => json(200, { user: ANDI });
    await (await boot()).session.login("penilai1", "pw");

    handler = () => {
      throw new TypeError("Failed to fetch");
    };
    const { session } = await boot();
    expect(session.currentUser()).toEqual(ANDI);
    await session.checkSession(); // unreachable server: still logged in
    expect(session.currentUser()).toEqual(ANDI);
  });

  it("does not store anything when the login is refused", async () => {
    handler = () => json(401, { error: { code: "invalid_credentials", message: "no" } });
    const { session } = await boot();
    await expect(session.login("penilai1", "bad")).rejects.toMatchObject({ code: "invalid_credentials" });
    expect((await boot()).session.currentUser()).toBeUndefined();
  });

  it("keeps the user on 5xx and does not ask at all while offline", async () => {
    handler = () => json(200, { user: ANDI });
    await (await boot()).session.login("penilai1", "pw");

    handler = () => json(503, { error: { code: "unavailable", message: "down" } });
    let { session } = await boot();
    await session.checkSession();
    expect(session.currentUser()).toEqual(ANDI);

    vi.stubGlobal("navigator", { onLine: false });
    calls.length = 0;
    ({ session } = await boot());
    await session.checkSession();
    expect(calls).toEqual([]);
    expect(session.currentUser()).toEqual(ANDI);
  });

  it("ends the session on 401, removing the profile but not the settings", async () => {
    handler = () => json(200, { user: ANDI });
    const first = await boot();
    await first.session.login("penilai1", "pw");
    await first.settings.saveLanguage("en");

    handler = () => json(401, { error: { code: "unauthorized", message: "no" } });
    const { session, settings } = await boot();
    await session.checkSession();
    expect(session.currentUser()).toBeUndefined();
    expect(await settings.loadLanguage()).toBe("en");
    expect((await boot()).session.currentUser()).toBeUndefined();
  });

  it("takes changes to the profile from the server", async () => {
    handler = () => json(200, { user: ANDI });
    await (await boot()).session.login("penilai1", "pw");
    handler = () => json(200, { user: { ...ANDI, name: "Andi P." } });
    const { session } = await boot();
    await session.checkSession();
    expect(session.currentUser()?.name).toBe("Andi P.");
    expect((await boot()).session.currentUser()?.name).toBe("Andi P.");
  });

  it("logs out on the device even when the server cannot be reached", async () => {
    handler = () => json(200, { user: ANDI });
    await (await boot()).session.login("penilai1", "pw");
    handler = () => {
      throw new TypeError("Failed to fetch");
    };
    const { session } = await boot();
    await session.logout();
    expect(calls).toContain("DELETE /api/v1/session");
    expect(session.currentUser()).toBeUndefined();
    expect((await boot()).session.currentUser()).toBeUndefined();
  });

  it("ignores a stored profile of the wrong shape instead of crashing", async () => {
    const { createStore, set } = await import("idb-keyval");
    await set("user", { id: 1, name: null }, createStore("patuh-session", "profile"));
    expect((await boot()).session.currentUser()).toBeUndefined();
  });

  describe("offline unlock", () => {
    const offline = () => {
      throw new TypeError("Failed to fetch");
    };

    /** Logs in online, waits until the device keeps the verifier, then logs out with no network. */
    async function loggedInOnceThenLoggedOutOffline() {
      handler = () => json(200, { user: ANDI });
      const first = await boot();
      await first.session.login("penilai1", "rahasia-123");
      const credential = await import("./offline-credential");
      await vi.waitFor(async () => expect(await credential.hasOfflineCredential("PENILAI1")).toBe(true), {
        timeout: 5_000,
      });
      handler = offline;
      await first.session.logout();
      expect(first.session.currentUser()).toBeUndefined();
    }

    it("lets a user who logged in here before back in with no network, and only with the right password", async () => {
      await loggedInOnceThenLoggedOutOffline();
      const { session } = await boot();
      await expect(session.login("penilai1", "salah")).rejects.toMatchObject({ code: "invalid_credentials" });
      expect(session.currentUser()).toBeUndefined();

      await session.login("penilai1", "rahasia-123");
      expect(session.currentUser()).toEqual(ANDI);
      // The profile is stored: the app opens offline after a restart too.
      expect((await boot()).session.currentUser()).toEqual(ANDI);
    });

    it("still needs the network for a user this device has never seen", async () => {
      await loggedInOnceThenLoggedOutOffline();
      const { session } = await boot();
      await expect(session.login("penilai2", "rahasia-123")).rejects.toMatchObject({ code: "network" });
      expect(session.currentUser()).toBeUndefined();
    });

    it("never stores the password itself", async () => {
      await loggedInOnceThenLoggedOutOffline();
      const { createStore, entries } = await import("idb-keyval");
      const stored = JSON.stringify(await entries(createStore("patuh-offline-credentials", "verifiers")));
      expect(stored).toContain("penilai1");
      expect(stored).not.toContain("rahasia-123");
    });

    it("renews an ended server session at the next check with the unlock's password, once", async () => {
      await loggedInOnceThenLoggedOutOffline();
      const { session } = await boot();
      await session.login("penilai1", "rahasia-123");

      const posted: string[] = [];
      handler = async (method) => {
        if (method === "GET") return json(401, { error: { code: "unauthorized", message: "no" } });
        posted.push(method);
        return json(200, { user: ANDI });
      };
      calls.length = 0;
      expect(await session.checkSession()).toBe("renewed");
      expect(calls).toEqual(["GET /api/v1/session", "POST /api/v1/session"]);
      expect(session.currentUser()).toEqual(ANDI);

      // The password was used once and forgotten: a later 401 ends the session as usual.
      expect(await session.checkSession()).toBe("ended");
      expect(posted).toEqual(["POST"]);
      expect(session.currentUser()).toBeUndefined();
    });

    it("ends the session when the server refuses the unlock's password (changed or account closed)", async () => {
      await loggedInOnceThenLoggedOutOffline();
      const { session } = await boot();
      await session.login("penilai1", "rahasia-123");
      handler = (method) =>
        method === "GET"
          ? json(401, { error: { code: "unauthorized", message: "no" } })
          : json(401, { error: { code: "invalid_credentials", message: "no" } });
      expect(await session.checkSession()).toBe("ended");
      expect(session.currentUser()).toBeUndefined();
    });
  });
});
